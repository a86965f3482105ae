package dev.warmreach.store;

import dev.warmreach.domain.EmailAddress;
import dev.warmreach.domain.ProfileUrl;
import dev.warmreach.domain.UserError;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a do-not-contact entry covers, read from what a person typed, the same way for the CLI and
 * the API: a LinkedIn profile URL, an email address, or an email domain ({@code example.com} or
 * {@code @example.com}: every address at it).
 */
public sealed interface DoNotContactTarget {

  /** {@code profile}, {@code email} or {@code domain}, as the list stores it. */
  String kind();

  /** The entry as the list labels it. */
  String value();

  /** A LinkedIn profile. */
  record Profile(ProfileUrl url) implements DoNotContactTarget {
    @Override
    public String kind() {
      return "profile";
    }

    @Override
    public String value() {
      return url.value();
    }
  }

  /** One email address. */
  record Email(EmailAddress email) implements DoNotContactTarget {
    @Override
    public String kind() {
      return "email";
    }

    @Override
    public String value() {
      return email.value();
    }
  }

  /** Every email address at a domain, e.g. {@code kestrel.example}, in lower case. */
  record Domain(String name) implements DoNotContactTarget {
    private static final Pattern SHAPE =
        Pattern.compile(
            "^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\\.[a-z]{2,}$");

    public Domain {
      if (name == null || name.length() > 253 || !SHAPE.matcher(name).matches()) {
        throw new IllegalArgumentException("'" + name + "' is not a domain");
      }
    }

    @Override
    public String kind() {
      return "domain";
    }

    @Override
    public String value() {
      return name;
    }
  }

  /**
   * Reads an entry.
   *
   * @throws UserError naming the text and what is accepted, when it is none of the three
   */
  static DoNotContactTarget parse(String text) {
    String typed = text == null ? "" : text.strip();
    if (typed.startsWith("@") && typed.indexOf('@', 1) < 0) {
      return domain(typed.substring(1), typed);
    }
    if (typed.contains("@")) {
      Optional<EmailAddress> email = EmailAddress.parse(typed);
      if (email.isEmpty()) {
        throw new UserError(
            "'" + typed + "' is not an email address; write it as name@example.com");
      }
      return new Email(email.get());
    }
    if (!typed.contains("/") && Domain.SHAPE.matcher(typed.toLowerCase(Locale.ROOT)).matches()) {
      return domain(typed, typed);
    }
    ProfileUrl.Parsed parsed = ProfileUrl.parse(typed);
    if (parsed instanceof ProfileUrl.Invalid invalid) {
      throw new UserError(
          "'"
              + typed
              + "' is neither an email address, an email domain (example.com or @example.com) nor"
              + " a LinkedIn profile URL ("
              + invalid.reason()
              + ")");
    }
    return new Profile(((ProfileUrl.Valid) parsed).url());
  }

  private static DoNotContactTarget domain(String name, String typed) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (!Domain.SHAPE.matcher(lower).matches() || lower.length() > 253) {
      throw new UserError(
          "'" + typed + "' is not an email domain; write it as example.com or @example.com");
    }
    return new Domain(lower);
  }
}
