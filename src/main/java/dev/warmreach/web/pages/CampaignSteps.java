package dev.warmreach.web.pages;

import dev.warmreach.definition.BuiltInTemplates;
import dev.warmreach.domain.Channel;
import java.util.List;
import java.util.Optional;

/**
 * The message steps of the combined sequence as the campaign form shows them: which template, on
 * which channel, and its built-in text.
 */
public final class CampaignSteps {

  /**
   * One template of the combined sequence.
   *
   * @param template its name in a campaign definition, e.g. {@code note}
   * @param firstMessage for a message: the first after they accepted (no pitch, no meeting)
   */
  public record Step(
      String template, String label, String hint, Channel channel, boolean firstMessage) {

    public boolean hasSubject() {
      return channel == Channel.INMAIL || channel == Channel.EMAIL;
    }

    /** The built-in subject; empty for notes and messages. */
    public String defaultSubject() {
      String text = BuiltInTemplates.forEveryone(template);
      int separator = text.indexOf("\n---\n");
      return separator < 0 ? "" : text.substring(0, separator);
    }

    public String defaultBody() {
      String text = BuiltInTemplates.forEveryone(template);
      int separator = text.indexOf("\n---\n");
      return separator < 0 ? text : text.substring(separator + 5);
    }

    /** The htmx values that tell the coach which template it reads. */
    public String coachValues() {
      return "{\"template\": \"" + template + "\"}";
    }

    /** The form field of its subject line. */
    public String subjectField() {
      return template + ".subject";
    }
  }

  /** In the order the combined sequence sends them (the warm-up carries no text). */
  public static final List<Step> ALL =
      List.of(
          new Step(
              "note",
              "Connection request note",
              "Step 2, after the warm-up. Up to 300 characters (200 on free accounts); under 200"
                  + " reads best. Say why they should accept: their post, a shared group, a mutual"
                  + " connection.",
              Channel.CONNECT,
              true),
          new Step(
              "first-dm",
              "First message after they accept",
              "Step 3, a day or two after they accept: thanks, one observation about their work,"
                  + " one easy question. No pitch, no meeting request.",
              Channel.DM,
              true),
          new Step(
              "inmail",
              "InMail",
              "Step 4, for high-value prospects whose request is still pending after a week."
                  + " Subject up to 200 characters, body up to 1,900.",
              Channel.INMAIL,
              false),
          new Step(
              "email",
              "Email",
              "Step 5, when LinkedIn has not converted and a business email is known.",
              Channel.EMAIL,
              false));

  private CampaignSteps() {}

  public static Optional<Step> named(String template) {
    return ALL.stream().filter(s -> s.template().equals(template)).findFirst();
  }
}
