package dev.warmreach.message;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Plan;
import java.util.List;

/** Hard limits and recommended lengths (SPEC §1), and walls of text. */
final class LengthChecks {

  static final int NOTE_RECOMMENDED_CHARACTERS = 200;
  static final int INMAIL_RECOMMENDED_WORDS = 150;
  static final int DM_RECOMMENDED_WORDS = 100;
  static final int EMAIL_RECOMMENDED_WORDS = 150;
  static final int PARAGRAPH_WORDS = 80;

  private LengthChecks() {}

  static void check(Draft d, List<Finding> out) {
    int characters = d.characters();
    int words = d.words();
    switch (d.channel()) {
      case CONNECT -> note(d.plan(), characters, out);
      case INMAIL -> {
        int limit = TextLimits.body(Channel.INMAIL, d.plan());
        if (characters > limit) {
          out.add(
              new Finding(
                  CoachRule.INMAIL_TOO_LONG,
                  "The InMail is " + characters + " characters; LinkedIn's limit is 1,900.",
                  "Cut at least "
                      + (characters - limit)
                      + " characters; about 150 words is best."));
        } else {
          recommendedWords("InMail", words, INMAIL_RECOMMENDED_WORDS, out);
        }
      }
      case DM -> recommendedWords("message", words, DM_RECOMMENDED_WORDS, out);
      case EMAIL -> recommendedWords("email", words, EMAIL_RECOMMENDED_WORDS, out);
      case ENGAGE -> {}
    }
    if (d.channel() != Channel.CONNECT) {
      int longest = d.paragraphs().stream().mapToInt(Draft::words).max().orElse(0);
      if (longest > PARAGRAPH_WORDS) {
        out.add(
            Finding.of(
                CoachRule.WALL_OF_TEXT,
                "A paragraph of "
                    + longest
                    + " words: a block this long is skimmed or skipped, above all on a phone."));
      }
    }
  }

  private static void note(Plan plan, int characters, List<Finding> out) {
    int limit = plan.noteCharacters();
    if (characters > limit) {
      out.add(
          new Finding(
              CoachRule.NOTE_TOO_LONG,
              "The note is "
                  + characters
                  + " characters; LinkedIn's limit is "
                  + limit
                  + (plan == Plan.FREE ? " on a free account." : " (200 on a free account)."),
              "Cut at least " + (characters - limit) + " characters; under 200 is best."));
    } else if (characters >= NOTE_RECOMMENDED_CHARACTERS) {
      out.add(
          Finding.of(
              CoachRule.LENGTH_RECOMMENDED,
              "The note is " + characters + " characters; under 200 is recommended."));
    }
  }

  private static void recommendedWords(String what, int words, int recommended, List<Finding> out) {
    if (words > recommended) {
      out.add(
          Finding.of(
              CoachRule.LENGTH_RECOMMENDED,
              "The "
                  + what
                  + " is "
                  + words
                  + " words; "
                  + recommended
                  + " or fewer is recommended: short messages get more replies."));
    }
  }
}
