package dev.warmreach.sequence;

import java.util.Objects;

/**
 * One text of a template as a campaign defines it, with the condition it is chosen under.
 *
 * @param when the condition as written after {@code when:} (e.g. {@code alreadyConnected}); empty
 *     for a variant that applies to everyone. Variants with the same condition are A/B variants of
 *     each other.
 * @param text the template; for InMail and email it starts with the subject line, then a line
 *     {@code ---}
 */
public record TemplateVariant(String when, String text) {

  public TemplateVariant {
    when = when == null ? "" : when.strip();
    Objects.requireNonNull(text, "text");
  }

  /** A variant for everyone. */
  public static TemplateVariant of(String text) {
    return new TemplateVariant("", text);
  }
}
