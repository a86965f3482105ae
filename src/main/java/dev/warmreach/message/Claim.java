package dev.warmreach.message;

import dev.warmreach.domain.Event;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement of fact a message can make about the person or what passed between us, and what must
 * be true for them to send it: a rendered text that makes a claim its prospect's history does not
 * hold is held back, never sent (no "thanks for connecting" to an old connection, no "my request"
 * when none went out, no "your recent post" when none is known).
 */
enum Claim {
  THEIR_POST(
      // "your post-sales team" speaks of no post
      "(?:your|their) (?:recent |latest |last |new )?(?:post|article)s?\\b(?!-)"
          + "|\\byou (?:wrote|posted)",
      "no post of theirs is known",
      "posted",
      c ->
          !c.history().postTopic().isBlank()
              || c.history().engaged()
              || c.history().signalKind() == Event.Signal.Kind.RELEVANT_POST),
  OUR_REQUEST(
      "(?:my|our) (?:connection )?(?:request|invitation|invite)\\b"
          + "|\\bI (?:sent|asked) you (?:a |to )(?:connection request|connect)",
      "no connection request went out to them",
      "requestSent",
      c -> c.history().requestSent()),
  THANKS_FOR_CONNECTING(
      "thanks?(?: you)? (?:so much )?for (?:connecting|accepting|the connection)"
          + "|\\bglad (?:we|to) (?:are |be |'re )?(?:now )?connected",
      "they did not accept a request of ours (they were connected before, or are not yet)",
      "requestAccepted",
      c -> c.history().requestSent() && c.history().connected()),
  CONGRATULATIONS(
      "congrat(?:s|ulations)\\b",
      "no signal of theirs (a new role, a milestone) is known",
      "signal",
      c -> c.history().signalKind() != null);

  private final Pattern pattern;
  private final String untrue;
  private final String condition;
  private final Predicate<MessageContext> holds;

  Claim(String regex, String untrue, String condition, Predicate<MessageContext> holds) {
    this.pattern = Pattern.compile("\\b(?:" + regex + ")", Pattern.CASE_INSENSITIVE);
    this.untrue = untrue;
    this.condition = condition;
    this.holds = holds;
  }

  /**
   * Why {@code text} cannot go to the prospect of {@code context}: the first claim in it that is
   * not true for them, with the fix; empty when every claim holds.
   */
  static Optional<String> untrueIn(String text, MessageContext context) {
    String flat = Draft.flat(text);
    for (Claim claim : values()) {
      Matcher found = claim.pattern.matcher(flat);
      if (found.find() && !claim.holds.test(context)) {
        return Optional.of(
            "the text says '"
                + found.group()
                + "', but "
                + claim.untrue
                + "; write that line in a variant with when: "
                + claim.condition
                + " and give the others a variant without it");
      }
    }
    return Optional.empty();
  }
}
