package dev.warmreach.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** A business email address, with its domain lower-cased so that one mailbox has one form. */
public record EmailAddress(String value) {

  private static final Pattern SHAPE =
      Pattern.compile(
          "^[^@\\s\"<>,;]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\\.[A-Za-z]{2,}$");

  public EmailAddress {
    Objects.requireNonNull(value, "value");
    if (!SHAPE.matcher(value).matches() || value.length() > 254) {
      throw new IllegalArgumentException("'" + value + "' is not an email address");
    }
    int at = value.lastIndexOf('@');
    value = value.substring(0, at) + value.substring(at).toLowerCase(Locale.ROOT);
  }

  /** Reads an address such as {@code Ana@Example.COM}; empty when it is not one. */
  public static Optional<EmailAddress> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String trimmed = text.strip();
    if (trimmed.regionMatches(true, 0, "mailto:", 0, 7)) {
      trimmed = trimmed.substring(7);
    }
    if (!SHAPE.matcher(trimmed).matches() || trimmed.length() > 254) {
      return Optional.empty();
    }
    return Optional.of(new EmailAddress(trimmed));
  }

  @Override
  public String toString() {
    return value;
  }
}
