package dev.warmreach.execute.email;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ties an email to its touch and back: the {@code Message-ID} is the touch's key in hex ({@code
 * <wr.HEX@domain>}, stable across retries, and only characters every mail system keeps), and the
 * {@code X-Warmreach-Touch} header carries the key as it is. A bounce quotes one or both.
 */
public final class TouchReference {

  public static final String HEADER = "X-Warmreach-Touch";

  private static final Pattern MESSAGE_ID =
      Pattern.compile("<?wr\\.([0-9a-fA-F]{2,400})@[^>\\s]+>?");
  private static final Pattern HEADER_LINE =
      Pattern.compile("(?im)^" + HEADER + ":[ \\t]*(\\S+)[ \\t]*$");

  private TouchReference() {}

  /** The Message-ID of the email for a touch. */
  public static String messageId(String touchKey, String domain) {
    return "<wr."
        + HexFormat.of().formatHex(touchKey.getBytes(StandardCharsets.UTF_8))
        + "@"
        + domain
        + ">";
  }

  /** The touch key in a Message-ID made by {@link #messageId}; empty for any other. */
  public static Optional<String> fromMessageId(String messageId) {
    if (messageId == null) {
      return Optional.empty();
    }
    Matcher m = MESSAGE_ID.matcher(messageId.strip());
    if (!m.matches() || m.group(1).length() % 2 != 0) {
      return Optional.empty();
    }
    return Optional.of(new String(HexFormat.of().parseHex(m.group(1)), StandardCharsets.UTF_8));
  }

  /**
   * The touch key found in quoted text (a bounce's copy of the original headers, or its body): the
   * {@code X-Warmreach-Touch} header first, else one of our Message-IDs.
   */
  public static Optional<String> findIn(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher header = HEADER_LINE.matcher(text);
    if (header.find()) {
      return Optional.of(header.group(1));
    }
    Matcher id = Pattern.compile("<wr\\.[0-9a-fA-F]{2,400}@[^>\\s]+>").matcher(text);
    while (id.find()) {
      Optional<String> key = fromMessageId(id.group());
      if (key.isPresent()) {
        return key;
      }
    }
    return Optional.empty();
  }
}
