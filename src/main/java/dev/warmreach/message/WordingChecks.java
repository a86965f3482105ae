package dev.warmreach.message;

import dev.warmreach.domain.Channel;
import java.util.List;
import java.util.Optional;

/** Generic phrases, personalisation, and pitching in a first message (SPEC §2, §4). */
final class WordingChecks {

  private WordingChecks() {}

  static void check(Draft d, Matchers m, List<String> asks, List<Finding> out) {
    String text = d.flatBody();
    Optional<String> generic =
        m.networkBoilerplate().find(text).or(() -> m.genericOpeners().find(text));
    generic.ifPresent(
        phrase ->
            out.add(
                d.channel() == Channel.CONNECT
                    ? Finding.of(
                        CoachRule.NOTE_GENERIC_PHRASE,
                        "\""
                            + phrase
                            + "\" could be sent to anyone; it does not say why you want to"
                            + " connect with them.")
                    : Finding.of(
                        CoachRule.MESSAGE_GENERIC_PHRASE,
                        "\"" + phrase + "\" is filler every cold message uses.")));
    if (wantsPersonalisation(d) && !personal(d, m)) {
      out.add(
          Finding.of(
              CoachRule.PERSONALISATION_MISSING,
              "Nothing here is about them: no post, milestone, role change, mutual connection or"
                  + " shared context. Generic messages get a fraction of the replies."));
    }
    if (isFirstMessage(d)) {
      Optional<String> pitch =
          m.pitch()
              .find(text)
              .or(() -> asks.stream().flatMap(a -> bigAsk(m, a).stream()).findFirst());
      pitch.ifPresent(
          phrase ->
              out.add(
                  Finding.of(
                      CoachRule.FIRST_MESSAGE_PITCH,
                      "\""
                          + phrase
                          + "\": a first message that pitches or asks for a meeting reads as"
                          + " a sales funnel, and is ignored.")));
    }
  }

  /** A meeting request or another big ask in {@code sentence}. */
  static Optional<String> bigAsk(Matchers m, String sentence) {
    return m.meetingRequests().find(sentence).or(() -> m.highCommitmentAsks().find(sentence));
  }

  static boolean isFirstMessage(Draft d) {
    return d.channel() == Channel.CONNECT || (d.channel() == Channel.DM && d.firstMessage());
  }

  private static boolean wantsPersonalisation(Draft d) {
    return !d.blank() && (d.channel() != Channel.DM || d.firstMessage());
  }

  private static boolean personal(Draft d, Matchers m) {
    return d.variables().stream().anyMatch(Variable::personal)
        || m.personalCues().in(d.flatBody())
        || m.personalCues().in(d.flatSubject());
  }
}
