package dev.warmreach.policy;

/**
 * The rates learned for a campaign: the playbook's priors, then the campaign's own outcomes, then
 * those of the workspace's other campaigns at half weight (its own evidence comes first). Pure.
 *
 * @param own outcomes of this campaign
 * @param shared outcomes of the workspace's other campaigns
 */
public record LearnedRates(Evidence own, Evidence shared) {

  /** How much an outcome from another campaign of the workspace counts. */
  public static final double SHARED_WEIGHT = 0.5;

  public static final LearnedRates PRIORS = new LearnedRates(Evidence.NONE, Evidence.NONE);

  public static LearnedRates of(Evidence own) {
    return new LearnedRates(own, Evidence.NONE);
  }

  public Beta belief(Segment segment, LearnedRate rate) {
    return Priors.belief(segment, rate)
        .observe(own.tally(segment, rate), 1)
        .observe(shared.tally(segment, rate), SHARED_WEIGHT);
  }

  /** Touches sent, own and shared, behind a rate. */
  public long sent(Segment segment, LearnedRate rate) {
    return own.tally(segment, rate).sent() + shared.tally(segment, rate).sent();
  }

  /** Touches, own and shared, whose outcome is known (succeeded or failed). */
  public long known(Segment segment, LearnedRate rate) {
    return own.tally(segment, rate).resolved() + shared.tally(segment, rate).resolved();
  }

  public long observations(Segment segment) {
    return own.observations(segment) + shared.observations(segment);
  }
}
