package dev.warmreach.policy;

import dev.warmreach.domain.ActivityLevel;

/**
 * What the playbook assumes before any outcome is seen, from SPEC §1's typical figures: a
 * personalised request is accepted 25% of the time (warm × 1.8), but senior decision-makers with
 * low LinkedIn activity accept few (12%, the blank-note rate); 40% of new connections answer a
 * message; 18% of personalised InMails and 5% of emails are answered. Each prior weighs as much as
 * {@link #WEIGHT} touches, so a segment's own outcomes soon outweigh it.
 */
public final class Priors {

  /** How many observed touches a prior is worth. */
  public static final double WEIGHT = 10;

  /** Warm acceptance against cold (SPEC §1: warm is 2–3× cold; 1.8 keeps to its low end). */
  static final double WARM_MULTIPLIER = 1.8;

  /** The most a warm acceptance is believed to reach from cold requests alone. */
  static final double MOST_WARM = 0.95;

  private Priors() {}

  public static double rate(Segment segment, LearnedRate rate) {
    double cold =
        segment.seniority().isSeniorDecisionMaker() && segment.activity() == ActivityLevel.LOW
            ? 0.12
            : 0.25;
    return switch (rate) {
      case ACCEPTANCE_COLD -> cold;
      case ACCEPTANCE_WARM -> cold * WARM_MULTIPLIER;
      case REPLY_AFTER_ACCEPTANCE -> 0.40;
      case INMAIL_REPLY -> 0.18;
      case EMAIL_REPLY -> 0.05;
    };
  }

  public static Beta belief(Segment segment, LearnedRate rate) {
    return Beta.prior(rate(segment, rate), WEIGHT);
  }
}
