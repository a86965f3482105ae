package dev.warmreach.message;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Plan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The message coach: judges a note, message, InMail or email against LinkedIn's hard limits and the
 * rules of SPEC §4, and scores it from 0 to 100. It reads templates as they would read for a
 * typical prospect. Its phrase lists come from a {@link PhraseBook}, one per language. Immutable
 * and thread-safe.
 */
public final class Coach {

  private static final int ERROR_COST = 35;
  private static final int WARNING_COST = 12;
  private static final int TIP_COST = 4;
  private static final int MOST_WITH_ERRORS = 40;

  private final Matchers matchers;

  public Coach(PhraseBook phrases) {
    this.matchers = Matchers.of(Objects.requireNonNull(phrases, "phrases"));
  }

  /**
   * Reviews a message from a paid account (notes up to 300 characters).
   *
   * @param subject the subject for InMail and email, {@code null} when there is none; ignored for
   *     notes and messages
   * @param firstMessage for a direct message: whether it is the first after they accepted, which
   *     must not pitch or ask for a meeting (a note always is a first message)
   */
  public Review review(Channel channel, String subject, String body, boolean firstMessage) {
    return review(channel, Plan.PREMIUM, subject, body, firstMessage);
  }

  /** Reviews a message sent from an account on {@code plan} (a free account's notes: 200). */
  public Review review(
      Channel channel, Plan plan, String subject, String body, boolean firstMessage) {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(plan, "plan");
    if (channel == Channel.ENGAGE) {
      throw new IllegalArgumentException("a warm-up carries no message to review");
    }
    Draft draft = Draft.of(channel, plan, subject, body, firstMessage);
    List<Finding> findings = new ArrayList<>();
    TextChecks.check(draft, matchers, findings);
    LengthChecks.check(draft, findings);
    SubjectChecks.check(draft, matchers, findings);
    if (!draft.blank()) {
      List<String> asks = AskChecks.asks(draft, matchers);
      WordingChecks.check(draft, matchers, asks, findings);
      AskChecks.check(draft, matchers, asks, findings);
    }
    findings.sort(Comparator.comparing(Finding::severity).thenComparing(Finding::rule));
    return new Review(score(findings), findings, draft.characters(), draft.words());
  }

  private static int score(List<Finding> findings) {
    int score = 100;
    boolean errors = false;
    for (Finding f : findings) {
      score -=
          switch (f.severity()) {
            case ERROR -> ERROR_COST;
            case WARNING -> WARNING_COST;
            case TIP -> TIP_COST;
          };
      errors |= f.severity() == Severity.ERROR;
    }
    return Math.max(0, errors ? Math.min(score, MOST_WITH_ERRORS) : score);
  }
}
