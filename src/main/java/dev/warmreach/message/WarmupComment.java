package dev.warmreach.message;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Message;
import dev.warmreach.domain.ProspectFacts;
import dev.warmreach.sequence.ProspectState;
import java.util.List;
import java.util.Optional;

/**
 * What a warm-up touch carries: the post it engages with (their latest, by topic) and, when the
 * step asks for one, a comment on it drafted from that post — specific to it, no pitch, no ask for
 * a meeting, within LinkedIn's 1,250 characters for a comment. The coach checks each draft as a
 * first message (no pitch) before it goes with the touch. Pure.
 */
public final class WarmupComment {

  /** LinkedIn's limit for a comment on a post (SPEC §7). */
  public static final int MAX_CHARACTERS = 1_250;

  /** Phrasings, one chosen per prospect; each names the post's topic and asks nothing of them. */
  private static final List<String> DRAFTS =
      List.of(
          "Thanks for writing this up, {name}. The part on {topic} matches what I keep hearing"
              + " from teams this year. What surprised you most along the way?",
          "Useful read on {topic}, {name}. I rarely see it put this plainly. Did it land the way"
              + " you expected inside the team?",
          "{name}, this post on {topic} is one I will pass around. Curious what you would do"
              + " differently if you started again.");

  private WarmupComment() {}

  /**
   * The warm-up's message for {@code prospect}: subject the topic of their latest post (empty when
   * none is known, so a person or a provider picks their most recent one), body the drafted comment
   * (empty for a like only, or when no topic is known: a comment must be about the post), and the
   * post itself when its event named it, so that exactly that post is liked.
   */
  public static Message forTouch(boolean comment, ProspectState prospect, Coach coach) {
    ProspectFacts.Post post = prospect.facts().latestPost();
    if (post == null) {
      return new Message("", "", "", false);
    }
    String body =
        comment && !post.topic().isBlank()
            ? draft(post.topic(), prospect.profile().firstName(), prospect.id(), coach)
            : "";
    return new Message("", post.topic(), body, !post.topic().isBlank(), post.link());
  }

  /**
   * A comment on a post about {@code topic}: the first phrasing from the one chosen for this
   * prospect on that the coach finds no pitch or meeting request in, within the limit; empty when
   * none is (a topic so long or salesy no comment on it would pass).
   */
  static String draft(String topic, String firstName, long prospectId, Coach coach) {
    String name = firstName == null || firstName.isBlank() ? "" : firstName.strip();
    String about = topic.strip();
    int first = (int) Math.floorMod(prospectId, (long) DRAFTS.size());
    for (int i = 0; i < DRAFTS.size(); i++) {
      String text =
          DRAFTS.get((first + i) % DRAFTS.size()).replace("{topic}", about).replace("{name}", name);
      text = name.isEmpty() ? text.replace(", .", ".").replace(" , ", " ") : text;
      text = text.replaceFirst("^, ", "").strip();
      Optional<String> fine = acceptable(text, coach);
      if (fine.isPresent()) {
        return fine.get();
      }
    }
    return "";
  }

  private static Optional<String> acceptable(String text, Coach coach) {
    if (text.length() > MAX_CHARACTERS) {
      return Optional.empty();
    }
    Review review = coach.review(Channel.DM, null, text, true);
    boolean pitches =
        review.findings().stream()
            .anyMatch(
                f ->
                    f.severity() == Severity.ERROR
                        || f.rule() == CoachRule.FIRST_MESSAGE_PITCH
                        || f.rule() == CoachRule.ASK_HIGH_COMMITMENT);
    return pitches ? Optional.empty() : Optional.of(text);
  }
}
