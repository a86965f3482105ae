package dev.warmreach.policy;

import dev.warmreach.domain.CampaignSettings;
import dev.warmreach.domain.Channel;
import dev.warmreach.domain.ProspectProfile;
import java.util.HashSet;
import java.util.Set;

/**
 * The rates learned for a campaign: the playbook's priors, then the campaign's own outcomes, then
 * those of the workspace's other campaigns at half weight (its own evidence comes first). Pure.
 *
 * @param own outcomes of this campaign
 * @param shared outcomes of the workspace's other campaigns
 * @param segmentTags the tags the campaign's segments are split by ({@link SegmentTags})
 */
public record LearnedRates(Evidence own, Evidence shared, Set<String> segmentTags) {

  /** How much an outcome from another campaign of the workspace counts. */
  public static final double SHARED_WEIGHT = 0.5;

  /** How much a known cold request outcome says of the segment's warm acceptance. */
  static final double COLD_FOR_WARM = 0.5;

  public static final LearnedRates PRIORS = new LearnedRates(Evidence.NONE, Evidence.NONE);

  public LearnedRates {
    segmentTags = Set.copyOf(segmentTags);
  }

  /** Rates of a campaign that segments by no tag. */
  public LearnedRates(Evidence own, Evidence shared) {
    this(own, shared, Set.of());
  }

  public static LearnedRates of(Evidence own) {
    return new LearnedRates(own, Evidence.NONE);
  }

  /** These rates with {@code own} as the campaign's own outcomes. */
  public LearnedRates withOwn(Evidence own) {
    return new LearnedRates(own, shared, segmentTags);
  }

  /** The prospect's segment in this campaign, split by its {@link #segmentTags}. */
  public Segment segmentOf(ProspectProfile prospect, CampaignSettings campaign) {
    return Segment.of(prospect, campaign, segmentTags);
  }

  public Beta belief(Segment segment, LearnedRate rate) {
    Beta prior =
        rate == LearnedRate.ACCEPTANCE_WARM ? warmPrior(segment) : Priors.belief(segment, rate);
    return prior
        .observe(own.tally(segment, rate), 1)
        .observe(shared.tally(segment, rate), SHARED_WEIGHT);
  }

  /**
   * What the segment's cold requests say of its warm acceptance before its own warm requests do:
   * the cold belief times the playbook's warm multiplier, each known cold outcome counting {@link
   * #COLD_FOR_WARM} of a warm one (the multiplier itself is an assumption). With no cold outcome it
   * is the playbook's prior exactly.
   */
  private Beta warmPrior(Segment segment) {
    double coldKnown =
        own.tally(segment, LearnedRate.ACCEPTANCE_COLD).resolved()
            + SHARED_WEIGHT * shared.tally(segment, LearnedRate.ACCEPTANCE_COLD).resolved();
    if (coldKnown == 0) {
      return Priors.belief(segment, LearnedRate.ACCEPTANCE_WARM);
    }
    double cold = belief(segment, LearnedRate.ACCEPTANCE_COLD).mean();
    return Beta.prior(
        Math.min(Priors.MOST_WARM, cold * Priors.WARM_MULTIPLIER),
        Priors.WEIGHT + COLD_FOR_WARM * coldKnown);
  }

  /** Touches sent, own and shared, behind a rate. */
  public long sent(Segment segment, LearnedRate rate) {
    return own.tally(segment, rate).sent() + shared.tally(segment, rate).sent();
  }

  /** Touches, own and shared, whose outcome is known (succeeded or failed). */
  public long known(Segment segment, LearnedRate rate) {
    return own.tally(segment, rate).resolved() + shared.tally(segment, rate).resolved();
  }

  /**
   * The first touch these figures now prefer for a cold prospect of the segment who could get
   * either: an InMail where its expected replies, less the credit's worth, beat a free request's
   * (acceptance × reply after acceptance), otherwise a request. Means, not draws.
   */
  public Channel preferredFirstTouch(Segment segment) {
    double request =
        belief(segment, LearnedRate.ACCEPTANCE_COLD).mean()
            * belief(segment, LearnedRate.REPLY_AFTER_ACCEPTANCE).mean();
    double reply = belief(segment, LearnedRate.INMAIL_REPLY).mean();
    double inmail = reply - ExpectedReplies.CREDIT_VALUE * (1 - reply);
    return inmail > request ? Channel.INMAIL : Channel.CONNECT;
  }

  /** The segments anything was sent to, in this campaign or the workspace's others. */
  public Set<Segment> segments() {
    Set<Segment> all = new HashSet<>(own.segments());
    all.addAll(shared.segments());
    return all;
  }

  public long observations(Segment segment) {
    return own.observations(segment) + shared.observations(segment);
  }
}
