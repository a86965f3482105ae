package dev.warmreach.definition;

import dev.warmreach.sequence.TemplateVariant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The messages the combined sequence uses when a campaign brings none: short, specific, one
 * low-friction ask, no pitch in the first message (SPEC §4). Each states only what is true for the
 * person it goes to: a variant with a condition says what that condition makes true (their post,
 * our request, their acceptance), and the variant for everyone says none of it. InMail and email
 * templates start with their subject line, then a line with {@code ---}.
 */
public final class BuiltInTemplates {

  private static final String MEETINGS =
      "{{#senderCompany}} I work at {{senderCompany}}, and we{{/senderCompany}}"
          + "{{^senderCompany}} We{{/senderCompany}} help revenue teams like the one"
          + " at {{company}} book more first meetings without more headcount. Would it be useful if I shared the"
          + " two-page playbook we use? A quick yes or no is perfect.";

  private static final String SIGNED = "{{#signature}}\n\nThanks,\n{{signature}}{{/signature}}";

  /** Each template's variants, in the order they are tried: conditions first, then everyone. */
  public static final Map<String, List<TemplateVariant>> ALL = all();

  private static Map<String, List<TemplateVariant>> all() {
    Map<String, List<TemplateVariant>> all = new LinkedHashMap<>();
    all.put(
        "note",
        List.of(
            new TemplateVariant(
                "signal=ROLE_CHANGE",
                "Hi {{firstName}}, congratulations on the news: {{signal}}. I work with revenue"
                    + " teams on outbound and would be glad to connect and swap notes."),
            new TemplateVariant(
                "posted",
                "Hi {{firstName}}, I enjoyed your recent post on {{postTopic}}. I work with teams"
                    + " like {{company}} on outbound and would like to follow your writing."),
            new TemplateVariant(
                "mutualConnection",
                "Hi {{firstName}}, {{mutualConnection}} and I are connected, and I work with teams"
                    + " like {{company}} on outbound. It would be good to swap notes."),
            new TemplateVariant(
                "signal",
                "Hi {{firstName}}, I saw the news at {{company}}: {{signal}}. I work with revenue"
                    + " teams on outbound and would be glad to swap notes."),
            TemplateVariant.of(
                "Hi {{firstName}}, I work with revenue teams like the one at {{company}} on"
                    + " outbound and would be glad to swap notes on what is working for you.")));
    all.put(
        "first-dm",
        List.of(
            new TemplateVariant(
                "signal=ROLE_CHANGE",
                "Congratulations, {{firstName}}: {{signal}}! Curious: what is the first thing you"
                    + " want to change at {{company}}?"),
            new TemplateVariant(
                "requestAccepted",
                "Thanks for connecting, {{firstName}}! {{#postTopic}}Your point about"
                    + " {{postTopic}} stuck with me. {{/postTopic}}Curious: what is the one thing"
                    + " {{company}} is trying to fix this quarter?"),
            TemplateVariant.of(
                "Hi {{firstName}}, a quick question{{#postTopic}} after your post on"
                    + " {{postTopic}}{{/postTopic}}: what is the one thing {{company}} is trying"
                    + " to fix this quarter?")));
    all.put(
        "inmail",
        List.of(
            new TemplateVariant(
                "requestSent",
                "Following up on my request, {{firstName}}\n---\nHi {{firstName}}, I sent you a"
                    + " connection request a little while ago{{#postTopic}} after reading your"
                    + " post on {{postTopic}}{{/postTopic}}."
                    + "{{#signal}} Since then I saw the news: {{signal}}.{{/signal}}"
                    + MEETINGS),
            TemplateVariant.of(
                "A question about {{company}}'s outbound\n---\nHi {{firstName}},"
                    + "{{#signal}} I saw the news: {{signal}}.{{/signal}}"
                    + "{{#postTopic}} Your post on {{postTopic}} is why I am writing.{{/postTopic}}"
                    + MEETINGS)));
    all.put(
        "email",
        List.of(
            new TemplateVariant(
                "requestSent",
                "{{company}} and LinkedIn outreach\n---\nHi {{firstName}},\n\nI sent you a"
                    + " connection request on LinkedIn a little while ago, so a short note here"
                    + " instead. We help teams like {{company}} turn LinkedIn prospecting into"
                    + " booked meetings. Is outbound something you are looking at this quarter? A"
                    + " one-line reply is plenty."
                    + SIGNED),
            TemplateVariant.of(
                "{{company}} and outbound\n---\nHi {{firstName}},\n\n{{#postTopic}}I read your"
                    + " post on {{postTopic}}, so a short note. {{/postTopic}}We help teams like"
                    + " {{company}} turn LinkedIn prospecting into booked meetings. Is outbound"
                    + " something you are looking at this quarter? A one-line reply is plenty."
                    + SIGNED)));
    return java.util.Collections.unmodifiableMap(all);
  }

  /** The text of {@code template} for everyone, as the campaign form shows it for editing. */
  public static String forEveryone(String template) {
    return ALL.get(template).stream()
        .filter(v -> v.when().isEmpty())
        .findFirst()
        .orElseThrow()
        .text();
  }

  private BuiltInTemplates() {}
}
