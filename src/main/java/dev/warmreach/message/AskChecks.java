package dev.warmreach.message;

import dev.warmreach.domain.Channel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The ask (SPEC §4): one, low-friction, present. */
final class AskChecks {

  private static final Pattern QUESTION = Pattern.compile(".*\\?[^\\p{L}\\p{N}]*");

  /** What an ask wants them to do. */
  enum Kind {
    REPLY,
    MEETING,
    REFERRAL,
    RESOURCE
  }

  private AskChecks() {}

  /**
   * The sentences that ask them for something: questions, requests ("let me know"), and requests
   * for a meeting, a referral or a visit. A big-ask word alone ("demo", "an hour") does not make a
   * sentence an ask: "your demo day pitch" asks nothing.
   */
  static List<String> asks(Draft d, Matchers m) {
    List<String> asks = new ArrayList<>();
    for (String sentence : d.sentences()) {
      if (isQuestion(sentence)
          || m.requests().in(sentence)
          || m.referralAsks().in(sentence)
          || m.resourceAsks().in(sentence)
          || m.meetingRequests().in(sentence)) {
        asks.add(sentence);
      }
    }
    return asks;
  }

  static void check(Draft d, Matchers m, List<String> asks, List<Finding> out) {
    if (d.blank()) {
      return;
    }
    if (!WordingChecks.isFirstMessage(d)) {
      asks.stream()
          .flatMap(a -> WordingChecks.bigAsk(m, a).stream())
          .findFirst()
          .ifPresent(
              phrase ->
                  out.add(
                      Finding.of(
                          CoachRule.ASK_HIGH_COMMITMENT,
                          "\""
                              + phrase
                              + "\" asks a lot of someone who does not know you yet; a reply"
                              + " is easier to give.")));
    }
    // "Let me know" beside a question or a call is one ask said twice, so a plain request
    // without a question mark adds to the count but not to the kinds.
    Set<Kind> kinds = new LinkedHashSet<>();
    asks.stream()
        .filter(a -> isQuestion(a) || kind(m, a) != Kind.REPLY)
        .forEach(a -> kinds.add(kind(m, a)));
    if (asks.size() >= 3 || kinds.size() >= 2) {
      out.add(
          Finding.of(
              CoachRule.ASK_MULTIPLE,
              asks.size()
                  + " asks in one message (\""
                  + clip(asks.get(0))
                  + "\", \""
                  + clip(asks.get(1))
                  + (asks.size() > 2 ? "\", …" : "\"")
                  + "): with several, they answer none."));
    }
    if (asks.isEmpty() && d.channel() != Channel.CONNECT) {
      out.add(
          Finding.of(
              CoachRule.ASK_MISSING, "Nothing asks for a reply, so the easiest answer is none."));
    }
  }

  static boolean isQuestion(String sentence) {
    return QUESTION.matcher(sentence).matches();
  }

  static Kind kind(Matchers m, String ask) {
    Optional<String> big = WordingChecks.bigAsk(m, ask);
    if (big.isPresent()) {
      return Kind.MEETING;
    }
    if (m.referralAsks().in(ask)) {
      return Kind.REFERRAL;
    }
    if (m.resourceAsks().in(ask)) {
      return Kind.RESOURCE;
    }
    return Kind.REPLY;
  }

  private static String clip(String sentence) {
    return sentence.length() <= 60 ? sentence : sentence.substring(0, 59) + "…";
  }
}
