package dev.warmreach.live;

import dev.warmreach.domain.CampaignSettings;
import dev.warmreach.domain.Channel;
import dev.warmreach.policy.Evidence;
import dev.warmreach.policy.LearnedRate;
import dev.warmreach.policy.LearnedRates;
import dev.warmreach.policy.Segment;
import dev.warmreach.policy.SegmentTags;
import dev.warmreach.policy.Tally;
import dev.warmreach.store.Analytics;
import dev.warmreach.store.OutcomeCount;
import dev.warmreach.store.TagCarriers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;

/**
 * What the workspace's own outcomes teach the adaptive policy: per campaign and segment, touches
 * sent and how many succeeded or failed once their outcome window passed (as a forecast's adaptive
 * policy counts them), read from the store — so every node and every restart learns the same — and
 * read again at most every {@link #REFRESH}. A campaign learns from its own outcomes first and from
 * the workspace's other campaigns at {@link LearnedRates#SHARED_WEIGHT}. Thread-safe.
 */
public final class LearnedOutcomes {

  /** How often the outcomes are read again from the store. */
  public static final Duration REFRESH = Duration.ofHours(1);

  private final Analytics analytics;
  private final LongFunction<CampaignSettings> settings;
  private volatile Learned learned;

  /**
   * What was read at {@code at}: every campaign's outcome counts, its settings and the tags its
   * segments are split by, and all of them added up (each campaign's counts by its own segments);
   * each campaign's rates are worked out once, at its first decision after the read.
   */
  private record Learned(
      Instant at,
      List<OutcomeCount> counts,
      Map<Long, CampaignSettings> settings,
      Map<Long, Set<String>> segmentTags,
      Evidence all,
      Map<Long, LearnedRates> perCampaign) {

    Set<String> segmentTagsOf(long campaignId) {
      return segmentTags.getOrDefault(campaignId, Set.of());
    }
  }

  /**
   * A segment's learned figures across the workspace, for the analytics page and API.
   *
   * @param rates each rate's belief and the touches behind it
   * @param preferred the first touch the figures now prefer for a cold prospect of the segment
   */
  public record SegmentFigures(Segment segment, List<RateFigure> rates, Channel preferred) {}

  /**
   * One learned rate: its mean and 95% interval, the touches sent and those with a known outcome.
   */
  public record RateFigure(
      LearnedRate rate, double mean, double low, double high, long sent, long known) {}

  /**
   * @param settings a campaign's settings by its id (what makes a person high-value there)
   */
  public LearnedOutcomes(Analytics analytics, LongFunction<CampaignSettings> settings) {
    this.analytics = Objects.requireNonNull(analytics, "analytics");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * What campaign {@code campaignId} has learned by {@code now}: its own outcomes, then the
   * workspace's other campaigns' at half weight. Campaign 0 (not stored yet) has only the others'.
   */
  public LearnedRates rates(long campaignId, Instant now) {
    Learned current = current(now);
    return current.perCampaign().computeIfAbsent(campaignId, id -> ratesOf(current, id));
  }

  /**
   * The campaign's own counts and the others', each put in the segments of this campaign (split by
   * its tags), so the others' outcomes teach the segments it decides by.
   */
  private static LearnedRates ratesOf(Learned current, long campaignId) {
    Set<String> tags = current.segmentTagsOf(campaignId);
    Evidence own = Evidence.NONE;
    Evidence others = Evidence.NONE;
    for (OutcomeCount count : current.counts()) {
      CampaignSettings settings = current.settings().get(count.campaignId());
      if (count.campaignId() == campaignId) {
        own = observe(own, count, settings, tags);
      } else {
        others = observe(others, count, settings, tags);
      }
    }
    return new LearnedRates(own, others, tags);
  }

  private static Evidence observe(
      Evidence evidence, OutcomeCount count, CampaignSettings campaign, Set<String> segmentTags) {
    Segment segment =
        Segment.of(
            count.seniority(),
            count.activity(),
            campaign.isHighValue(count.seniority(), count.tags()),
            count.hasEmail(),
            count.degree(),
            count.tags(),
            segmentTags);
    return evidence.with(
        segment,
        rate(count.channel(), count.warm()),
        new Tally(count.sent(), count.succeeded(), count.failed()));
  }

  /** Every segment the workspace has sent to, with its learned figures, most touches first. */
  public List<SegmentFigures> segments(Instant now) {
    LearnedRates all = LearnedRates.of(current(now).all());
    List<SegmentFigures> out = new ArrayList<>();
    for (Segment segment : all.own().segments()) {
      List<RateFigure> rates = new ArrayList<>();
      for (LearnedRate rate : LearnedRate.values()) {
        var belief = all.belief(segment, rate);
        Tally tally = all.own().tally(segment, rate);
        rates.add(
            new RateFigure(
                rate,
                belief.mean(),
                belief.low(),
                belief.high(),
                tally.sent(),
                tally.succeeded() + tally.failed()));
      }
      out.add(new SegmentFigures(segment, rates, all.preferredFirstTouch(segment)));
    }
    out.sort(
        Comparator.comparingLong((SegmentFigures s) -> -all.observations(s.segment()))
            .thenComparing(s -> s.segment().key()));
    return out;
  }

  /** Reads the outcomes again now, whenever it was last done. */
  public void refresh(Instant now) {
    learned = read(now);
  }

  private Learned current(Instant now) {
    Learned current = learned;
    if (current == null
        || !now.isBefore(current.at().plus(REFRESH))
        || now.isBefore(current.at())) {
      synchronized (this) {
        current = learned;
        if (current == null
            || !now.isBefore(current.at().plus(REFRESH))
            || now.isBefore(current.at())) {
          current = read(now);
          learned = current;
        }
      }
    }
    return current;
  }

  private Learned read(Instant now) {
    List<OutcomeCount> counts = analytics.outcomeCounts(now.minus(Evidence.OUTCOME_WINDOW));
    Map<Long, TagCarriers> carriers = analytics.tagCarriers();
    Map<Long, CampaignSettings> settingsOf = new HashMap<>();
    Map<Long, Set<String>> segmentTags = new HashMap<>();
    for (long campaignId : carriers.keySet()) {
      CampaignSettings campaign = settingsOf.computeIfAbsent(campaignId, settings::apply);
      TagCarriers tags = carriers.get(campaignId);
      segmentTags.put(
          campaignId,
          SegmentTags.chosen(tags.carriers(), tags.prospects(), campaign.highValueTag()));
    }
    Evidence all = Evidence.NONE;
    for (OutcomeCount count : counts) {
      long id = count.campaignId();
      CampaignSettings campaign = settingsOf.computeIfAbsent(id, settings::apply);
      all = observe(all, count, campaign, segmentTags.getOrDefault(id, Set.of()));
    }
    return new Learned(
        now,
        List.copyOf(counts),
        Map.copyOf(settingsOf),
        Map.copyOf(segmentTags),
        all,
        new ConcurrentHashMap<>());
  }

  private static LearnedRate rate(Channel channel, boolean warm) {
    return switch (channel) {
      case CONNECT -> warm ? LearnedRate.ACCEPTANCE_WARM : LearnedRate.ACCEPTANCE_COLD;
      case DM -> LearnedRate.REPLY_AFTER_ACCEPTANCE;
      case INMAIL -> LearnedRate.INMAIL_REPLY;
      case EMAIL -> LearnedRate.EMAIL_REPLY;
      case ENGAGE -> throw new IllegalArgumentException("a warm-up teaches no rate");
    };
  }
}
