package dev.warmreach.message;

import dev.warmreach.domain.Channel;
import java.util.List;

/** Whether there is a sendable text at all: template, placeholders, greeting, blank. */
final class TextChecks {

  private TextChecks() {}

  static void check(Draft d, Matchers m, List<Finding> out) {
    for (String problem : d.templateProblems()) {
      out.add(Finding.of(CoachRule.TEMPLATE_INVALID, "This template cannot render: " + problem));
    }
    m.placeholders()
        .find(d.flatBody() + " \n " + d.flatSubject())
        .ifPresent(
            p ->
                out.add(
                    Finding.of(
                        CoachRule.PLACEHOLDER_UNFILLED,
                        "\"" + p + "\" is a placeholder nobody filled in; they would see it.")));
    if (EmptyGreeting.startsWith(d.body())) {
      out.add(
          Finding.of(
              CoachRule.GREETING_EMPTY,
              "The greeting has no name: \""
                  + d.body().lines().findFirst().orElse("").strip()
                  + "\"."));
    }
    if (d.blank()) {
      out.add(
          d.channel() == Channel.CONNECT
              ? Finding.of(
                  CoachRule.NOTE_BLANK,
                  "A blank request: 10-15% are accepted, against 20-40% with a personal note.")
              : Finding.of(CoachRule.MESSAGE_EMPTY, "There is no text to send."));
    }
  }
}
