package dev.warmreach.execute.email;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ties an email to its touch and back: the {@code Message-ID} is the touch's key in hex, the
 * workspace's mark and a random part ({@code <wr.HEX.MARK.RANDOM@domain>}, unique across workspaces
 * and sends, and only characters every mail system keeps), and the {@code X-Warmreach-Touch} header
 * carries the key as it is. A bounce quotes one or both. Message-IDs of the older form {@code
 * <wr.HEX@domain>} are still read.
 */
public final class TouchReference {

  public static final String HEADER = "X-Warmreach-Touch";

  private static final String ID =
      "wr\\.([0-9a-fA-F]{2,400})(?:\\.[0-9a-zA-Z]{1,64}){0,2}@[^>\\s]+";
  private static final Pattern MESSAGE_ID = Pattern.compile("<?" + ID + ">?");
  private static final Pattern QUOTED_ID = Pattern.compile("<" + ID + ">");
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern HEADER_LINE =
      Pattern.compile("(?im)^" + HEADER + ":[ \\t]*(\\S+)[ \\t]*$");

  private TouchReference() {}

  /**
   * A new Message-ID for an email of a touch: its key, {@code workspaceMark} (see {@link
   * MailKey#workspaceMark}) and 64 random bits, so no two emails anywhere share one.
   */
  public static String messageId(String touchKey, String workspaceMark, String domain) {
    byte[] random = new byte[8];
    RANDOM.nextBytes(random);
    return "<wr."
        + HexFormat.of().formatHex(touchKey.getBytes(StandardCharsets.UTF_8))
        + "."
        + workspaceMark
        + "."
        + HexFormat.of().formatHex(random)
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
    Matcher id = QUOTED_ID.matcher(text);
    while (id.find()) {
      Optional<String> key = fromMessageId(id.group());
      if (key.isPresent()) {
        return key;
      }
    }
    return Optional.empty();
  }
}
