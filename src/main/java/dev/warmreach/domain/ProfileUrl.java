package dev.warmreach.domain;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A LinkedIn profile address in one canonical form, so that the same person written differently
 * (scheme, {@code www.}, a country subdomain, a trailing slash, a query string, letter case) is
 * recognised as one person.
 *
 * <p>Public profiles become {@code https://www.linkedin.com/in/<slug>} with the slug lower-cased;
 * Sales Navigator lead addresses keep their case, because their ids are case-sensitive.
 */
public record ProfileUrl(String value) {

  private static final Pattern LINKEDIN =
      Pattern.compile(
          "^(?:https?://)?(?:[a-z]{2,3}(?:-[a-z]{2})?\\.|www\\.|m\\.)?linkedin\\.com(?<path>/[^?#]*)?(?:[?#].*)?$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern PROFILE = Pattern.compile("^/in/(?<slug>[^/]+)(?:/.*)?$");
  private static final Pattern SALES_LEAD =
      Pattern.compile(
          "^/sales/(?:lead|people)/(?<id>[^/,]+)(?:[,/].*)?$", Pattern.CASE_INSENSITIVE);

  public ProfileUrl {
    Objects.requireNonNull(value, "value");
  }

  /** The result of reading a profile address: the canonical URL or the reason it is not one. */
  public sealed interface Parsed permits Valid, Invalid {}

  /** A readable profile address. */
  public record Valid(ProfileUrl url) implements Parsed {}

  /** Not a person's LinkedIn profile, with the reason in words a user understands. */
  public record Invalid(String reason) implements Parsed {}

  /** Reads {@code text} as a LinkedIn profile address in any of the shapes people paste. */
  public static Parsed parse(String text) {
    String trimmed = text == null ? "" : text.strip();
    if (trimmed.startsWith("<") && trimmed.endsWith(">")) {
      trimmed = trimmed.substring(1, trimmed.length() - 1).strip();
    }
    if (trimmed.isEmpty()) {
      return new Invalid("no LinkedIn profile URL");
    }
    Matcher linkedin = LINKEDIN.matcher(trimmed);
    if (!linkedin.matches()) {
      return new Invalid(
          "'" + trimmed + "' is not a LinkedIn address (expected https://www.linkedin.com/in/…)");
    }
    String path = decode(linkedin.group("path") == null ? "" : linkedin.group("path"));
    Matcher profile = PROFILE.matcher(path.toLowerCase(Locale.ROOT));
    if (profile.matches()) {
      return new Valid(new ProfileUrl("https://www.linkedin.com/in/" + profile.group("slug")));
    }
    Matcher lead = SALES_LEAD.matcher(path);
    if (lead.matches()) {
      return new Valid(new ProfileUrl("https://www.linkedin.com/sales/lead/" + lead.group("id")));
    }
    String lower = path.toLowerCase(Locale.ROOT);
    if (lower.startsWith("/company/") || lower.startsWith("/school/")) {
      String page = lower.startsWith("/school/") ? "school" : "company";
      return new Invalid("'" + trimmed + "' is a " + page + " page, not a person's profile");
    }
    if (lower.equals("/in") || lower.equals("/in/")) {
      return new Invalid("'" + trimmed + "' has no profile name after /in/");
    }
    return new Invalid(
        "'" + trimmed + "' is not a profile address (expected https://www.linkedin.com/in/…)");
  }

  /** Reads a canonical or pasted address, failing on anything that is not a profile. */
  public static ProfileUrl of(String text) {
    Parsed parsed = parse(text);
    if (parsed instanceof Valid valid) {
      return valid.url();
    }
    throw new IllegalArgumentException(((Invalid) parsed).reason());
  }

  private static String decode(String path) {
    if (path.indexOf('%') < 0) {
      return path;
    }
    try {
      return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return path;
    }
  }

  private static final String LEAD_PREFIX = "https://www.linkedin.com/sales/lead/";

  /**
   * Whether this is a Sales Navigator lead address ({@code /sales/lead/…} or {@code
   * /sales/people/…}): it names the lead, not the public profile, and opens only in Sales
   * Navigator.
   */
  public boolean isSalesLead() {
    return value.startsWith(LEAD_PREFIX);
  }

  /** The Sales Navigator lead id ({@code ACwAA…}, case kept) of a lead address. */
  public String leadId() {
    if (!isSalesLead()) {
      throw new IllegalStateException(value + " is not a Sales Navigator lead address");
    }
    return value.substring(LEAD_PREFIX.length());
  }

  @Override
  public String toString() {
    return value;
  }
}
