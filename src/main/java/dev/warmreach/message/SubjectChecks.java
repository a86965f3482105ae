package dev.warmreach.message;

import dev.warmreach.domain.Channel;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** InMail and email subjects: present, short, specific, not salesy (SPEC §4). */
final class SubjectChecks {

  static final int RECOMMENDED_CHARACTERS = 60;
  static final int RECOMMENDED_WORDS = 9;
  private static final Pattern SHOUTING =
      Pattern.compile("(?<![\\p{L}\\p{N}])\\p{Lu}{5,}(?![\\p{L}\\p{N}])");
  private static final Pattern EDGES = Pattern.compile("^[\\p{P}\\p{S}\\s]+|[\\p{P}\\p{S}\\s]+$");

  private SubjectChecks() {}

  static void check(Draft d, Matchers m, List<Finding> out) {
    if (!TextLimits.hasSubject(d.channel())) {
      return;
    }
    String subject = d.subject() == null ? "" : d.flatSubject();
    if (subject.isEmpty()) {
      out.add(
          Finding.of(
              CoachRule.SUBJECT_MISSING,
              d.channel() == Channel.INMAIL
                  ? "No subject line: an InMail needs one, and it decides whether it is opened."
                  : "No subject line: it decides whether the email is opened."));
      return;
    }
    int characters = TextLimits.length(subject);
    int limit = TextLimits.subject(d.channel());
    if (characters > limit) {
      out.add(
          Finding.of(
              CoachRule.SUBJECT_TOO_LONG,
              "The subject is " + characters + " characters; LinkedIn allows " + limit + "."));
    } else if (characters > RECOMMENDED_CHARACTERS || Draft.words(subject) > RECOMMENDED_WORDS) {
      out.add(
          Finding.of(
              CoachRule.SUBJECT_LONG,
              "The subject is "
                  + characters
                  + " characters, "
                  + Draft.words(subject)
                  + " words; long subjects are cut off in the inbox."));
    }
    String bare = EDGES.matcher(subject.toLowerCase(Locale.ROOT)).replaceAll("");
    if (m.subjectCliches().matchesWhole(bare)) {
      out.add(
          Finding.of(
              CoachRule.SUBJECT_CLICHE,
              "\""
                  + subject
                  + "\" is what every cold message is called; it says nothing about"
                  + " them."));
    }
    salesy(m, subject)
        .ifPresent(
            word ->
                out.add(
                    Finding.of(
                        CoachRule.SUBJECT_SALESY,
                        "\"" + word + "\" makes the subject read like an advert.")));
  }

  private static Optional<String> salesy(Matchers m, String subject) {
    Optional<String> word = m.salesyWords().find(subject);
    if (word.isPresent()) {
      return word;
    }
    if (subject.contains("!")) {
      return Optional.of("!");
    }
    Matcher shouting = SHOUTING.matcher(subject);
    return shouting.find() ? Optional.of(shouting.group()) : Optional.empty();
  }
}
