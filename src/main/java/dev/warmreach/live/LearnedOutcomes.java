package dev.warmreach.live;

import dev.warmreach.domain.CampaignSettings;
import dev.warmreach.domain.Channel;
import dev.warmreach.policy.Evidence;
import dev.warmreach.policy.LearnedRate;
import dev.warmreach.policy.LearnedRates;
import dev.warmreach.policy.Segment;
import dev.warmreach.policy.Tally;
import dev.warmreach.store.Analytics;
import dev.warmreach.store.OutcomeCount;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
   * What was read at {@code at}: each campaign's evidence and all of them added up; each campaign's
   * rates are worked out once, at its first decision after the read.
   */
  private record Learned(
      Instant at,
      Map<Long, Evidence> byCampaign,
      Evidence all,
      Map<Long, LearnedRates> perCampaign) {}

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

  private static LearnedRates ratesOf(Learned current, long campaignId) {
    Evidence own = current.byCampaign().getOrDefault(campaignId, Evidence.NONE);
    Evidence others = Evidence.NONE;
    for (var entry : current.byCampaign().entrySet()) {
      if (entry.getKey() != campaignId) {
        others = others.plus(entry.getValue());
      }
    }
    return new LearnedRates(own, others);
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
    Map<Long, Evidence> byCampaign = new HashMap<>();
    Map<Long, CampaignSettings> settingsOf = new HashMap<>();
    Evidence all = Evidence.NONE;
    for (OutcomeCount count : analytics.outcomeCounts(now.minus(Evidence.OUTCOME_WINDOW))) {
      CampaignSettings campaign =
          settingsOf.computeIfAbsent(count.campaignId(), id -> settings.apply(id));
      Segment segment =
          new Segment(
              count.seniority(),
              count.activity(),
              campaign.isHighValue(count.seniority(), count.tags()),
              count.hasEmail());
      LearnedRate rate = rate(count.channel(), count.warm());
      Tally tally = new Tally(count.sent(), count.succeeded(), count.failed());
      byCampaign.merge(
          count.campaignId(), Evidence.NONE.with(segment, rate, tally), Evidence::plus);
      all = all.with(segment, rate, tally);
    }
    return new Learned(now, Map.copyOf(byCampaign), all, new ConcurrentHashMap<>());
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
