package dev.warmreach.definition;

import java.util.Map;

/**
 * The messages the combined sequence uses when a campaign brings none: short, specific, one
 * low-friction ask, no pitch in the first message (SPEC §4). InMail and email templates start with
 * their subject line, then a line with {@code ---}.
 */
public final class BuiltInTemplates {

  public static final Map<String, String> ALL =
      Map.of(
          "note",
          "Hi {{firstName}}, I enjoyed your recent post on {{postTopic|your team's work}}. I work"
              + " with teams like {{company}} on outbound and would like to follow your writing.",
          "first-dm",
          "Thanks for connecting, {{firstName}}! Your point about {{postTopic|how your team"
              + " approaches growth}} stuck with me. Curious: what is the one thing {{company}} is"
              + " trying to fix this quarter?",
          "inmail",
          "Following up on my request, {{firstName}}\n---\nHi {{firstName}}, I sent you a"
              + " connection request last week after reading about {{company}}'s"
              + " {{signal|recent growth}}. I lead outbound at {{senderCompany|our team}} and we"
              + " help revenue teams like yours book more first meetings without more headcount."
              + " Would it be useful if I shared the two-page playbook we use? A quick yes or no"
              + " is perfect.",
          "email",
          "{{company}} and LinkedIn outreach\n---\nHi {{firstName}},\n\nI reached out on LinkedIn"
              + " a little while ago, so a short note here instead. We help teams like {{company}}"
              + " turn LinkedIn prospecting into booked meetings. Is outbound something you are"
              + " looking at this quarter? A one-line reply is plenty.\n\nThanks"
              + "{{#senderName}},\n{{senderName}}{{/senderName}}");

  private BuiltInTemplates() {}
}
