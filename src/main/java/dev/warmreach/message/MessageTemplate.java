package dev.warmreach.message;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Plan;
import dev.warmreach.message.Rendering.HeldBack;
import dev.warmreach.message.Rendering.Rendered;
import dev.warmreach.message.Rendering.Why;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A message template for one channel, in Mustache with plain-text output (no HTML escaping).
 *
 * <ul>
 *   <li>{@code {{firstName}}} is required: a prospect without a first name is held back.
 *   <li>{@code {{firstName|there}}} falls back to the text after the bar when the value is empty.
 *   <li>{@code {{#postTopic}}I enjoyed your post on {{postTopic}}.{{/postTopic}}} is written only
 *       when the value is there; {@code {{^postTopic}}…{{/postTopic}}} only when it is not.
 * </ul>
 *
 * Parsing refuses what could never render (unknown variables, partials, broken syntax, an InMail or
 * email without a subject); rendering checks each prospect's text against the channel's hard
 * limits. Immutable and thread-safe.
 */
public final class MessageTemplate {

  private final Channel channel;
  private final String subjectSource;
  private final String bodySource;
  private final TemplateText subject;
  private final TemplateText body;

  private MessageTemplate(
      Channel channel,
      String subjectSource,
      String bodySource,
      TemplateText subject,
      TemplateText body) {
    this.channel = channel;
    this.subjectSource = subjectSource;
    this.bodySource = bodySource;
    this.subject = subject;
    this.body = body;
  }

  /**
   * Parses a template for {@code channel}.
   *
   * @param subject the subject line for InMail and email (required there); empty or {@code null}
   *     for the other channels
   * @throws InvalidTemplate when it could never render, with a message that names the fix
   */
  public static MessageTemplate parse(Channel channel, String subject, String body) {
    Objects.requireNonNull(channel, "channel");
    String subjectText = subject == null ? "" : subject.strip();
    String bodyText = body == null ? "" : body.strip();
    String what = describe(channel);
    if (bodyText.isEmpty()) {
      throw new InvalidTemplate("the " + what + " template is empty; write the message");
    }
    if (TextLimits.hasSubject(channel) && subjectText.isEmpty()) {
      throw new InvalidTemplate(
          "the " + what + " template has no subject line; add a short, specific subject");
    }
    if (!TextLimits.hasSubject(channel) && !subjectText.isEmpty()) {
      throw new InvalidTemplate("a " + what + " has no subject line; leave the subject out");
    }
    if (subjectText.contains("\n") || subjectText.contains("\r")) {
      throw new InvalidTemplate("the subject must be a single line");
    }
    return new MessageTemplate(
        channel,
        subjectText,
        bodyText,
        subjectText.isEmpty() ? null : TemplateText.parse("subject", subjectText),
        TemplateText.parse("text", bodyText));
  }

  public Channel channel() {
    return channel;
  }

  /** The subject as written; empty for channels without one. */
  public String subjectSource() {
    return subjectSource;
  }

  /** The body as written. */
  public String bodySource() {
    return bodySource;
  }

  /** The variables the template uses, in subject or body, in sections or tags. */
  public Set<Variable> variables() {
    Set<Variable> used = EnumSet.noneOf(Variable.class);
    used.addAll(body.variables());
    if (subject != null) {
      used.addAll(subject.variables());
    }
    return Collections.unmodifiableSet(used);
  }

  /**
   * Renders for one prospect: the message, or why it is held back (a required value is missing, the
   * text is over the channel's hard limit for the sender's plan, the greeting lost its name, or a
   * brace would be sent).
   */
  public Rendering render(MessageContext context) {
    Set<Variable> missing = EnumSet.noneOf(Variable.class);
    String subjectText = subject == null ? "" : subject.render(context, missing);
    String bodyText = body.render(context, missing);
    if (!missing.isEmpty()) {
      return missing(missing);
    }
    return checked(subjectText, bodyText, context.sender().plan());
  }

  /**
   * The subject and body for {@code context} as they come out, unchecked: for reading a template
   * the way it renders for one kind of prospect (see {@link CampaignMessages}).
   */
  String[] filled(MessageContext context) {
    Set<Variable> ignored = EnumSet.noneOf(Variable.class);
    return new String[] {
      subject == null ? "" : subject.render(context, ignored), body.render(context, ignored)
    };
  }

  private Rendering checked(String subjectText, String bodyText, Plan plan) {
    String what = describe(channel);
    if (EmptyGreeting.startsWith(bodyText)) {
      return new HeldBack(
          Why.EMPTY_GREETING,
          "the greeting would have no name ('"
              + firstLine(bodyText)
              + "'); give the name a fallback, e.g. {{firstName|there}}");
    }
    String cleanBody = bodyText.strip();
    String cleanSubject = subjectText.strip();
    if (cleanBody.isEmpty()) {
      return new HeldBack(Why.EMPTY, "the " + what + " would be empty for this prospect");
    }
    if (TextLimits.hasSubject(channel) && cleanSubject.isEmpty()) {
      return new HeldBack(Why.EMPTY, "the subject would be empty for this prospect");
    }
    if (TemplateText.hasBraces(cleanBody) || TemplateText.hasBraces(cleanSubject)) {
      return new HeldBack(
          Why.RAW_PLACEHOLDER,
          "the text would contain '{{' or '}}' (one of this prospect's values has them);"
              + " correct the prospect's details");
    }
    int length = TextLimits.length(cleanBody);
    int limit = TextLimits.body(channel, plan);
    if (length > limit) {
      return new HeldBack(
          Why.TOO_LONG,
          "the "
              + what
              + " would be "
              + length
              + " characters for this prospect, over the "
              + limit
              + "-character limit"
              + (channel == Channel.CONNECT ? " on " + plan : "")
              + "; shorten the template or give long values a shorter fallback");
    }
    int subjectLength = TextLimits.length(cleanSubject);
    if (subjectLength > TextLimits.subject(channel)) {
      return new HeldBack(
          Why.TOO_LONG,
          "the subject would be "
              + subjectLength
              + " characters for this prospect, over the "
              + TextLimits.subject(channel)
              + "-character limit; shorten it");
    }
    return new Rendered(cleanSubject, cleanBody);
  }

  private static Rendering missing(Set<Variable> missing) {
    List<String> names = missing.stream().map(v -> "{{" + v.key() + "}}").toList();
    Variable first = missing.iterator().next();
    return new HeldBack(
        Why.MISSING_VALUE,
        "no value for "
            + String.join(", ", names)
            + " for this prospect; fill it in or give it a fallback, e.g. {{"
            + first.key()
            + "|…}}");
  }

  private static String firstLine(String text) {
    return text.strip().lines().findFirst().orElse("");
  }

  /** What a person calls a message on {@code channel}. */
  static String describe(Channel channel) {
    return switch (channel) {
      case CONNECT -> "note";
      case DM -> "message";
      case INMAIL -> "InMail";
      case EMAIL -> "email";
      case ENGAGE -> "comment";
    };
  }

  @Override
  public String toString() {
    return describe(channel)
        + " template "
        + (subjectSource.isEmpty() ? "" : "[" + subjectSource + "] ")
        + bodySource.lines().findFirst().orElse("")
        + variables().stream().map(Variable::key).collect(Collectors.joining(", ", " (", ")"));
  }
}
