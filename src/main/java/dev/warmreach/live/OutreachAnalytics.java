package dev.warmreach.live;

import dev.warmreach.domain.RateEstimate;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.message.VariantTally;
import dev.warmreach.quota.AccountState;
import dev.warmreach.quota.CreditLedger;
import dev.warmreach.store.Analytics;
import dev.warmreach.store.CampaignStats;
import dev.warmreach.store.Campaigns;
import dev.warmreach.store.SenderAccounts;
import dev.warmreach.store.StoredCampaign;
import dev.warmreach.store.WeeklyActivity;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What is working, as the analytics API and the dashboard show it: per campaign and overall, the
 * funnel per channel with reply (and acceptance) rates and their 95% Wilson intervals, each
 * template variant's results, the InMail credits each account spent and got back, and touches and
 * replies per week. Everything is counted in the database; nothing here reads prospects or touches
 * one by one.
 */
public final class OutreachAnalytics {

  /** The channels of the funnel, in the order of a sequence. */
  public static final List<String> CHANNELS = List.of("ENGAGE", "CONNECT", "DM", "INMAIL", "EMAIL");

  /** Below this many messages sent, a variant's rate says little; its interval is wide. */
  public static final long SMALL_SAMPLE = 30;

  /** How far back the weekly series goes. */
  public static final int WEEKS = 26;

  /**
   * One channel's funnel.
   *
   * @param accepted accepted connection requests; 0 except for CONNECT
   * @param acceptance accepted per request sent; empty except for CONNECT
   */
  public record Funnel(
      String channel,
      long sent,
      long accepted,
      long replies,
      Optional<RateEstimate> acceptance,
      RateEstimate reply) {}

  /** One template variant's results, with its reply rate's interval. */
  public record Variant(VariantTally tally, RateEstimate reply) {

    /** Whether too few were sent to tell it from the other variants. */
    public boolean tooFewToTell() {
      return tally.sent() < SMALL_SAMPLE;
    }
  }

  /** A campaign's funnel and variants. */
  public record CampaignFigures(
      StoredCampaign campaign, List<Funnel> funnel, List<Variant> variants) {}

  /** InMail credits spent and refunded in one month (in the account's time zone). */
  public record CreditMonth(YearMonth month, long spent, long refunded) {}

  /**
   * An account's InMail credits.
   *
   * @param spent all InMails sent so far
   * @param refunded credits that came back because the recipient responded
   * @param left credits held now
   * @param months the months whose InMails are still refundable (the last 90 days), oldest first
   */
  public record Credits(
      String account, long spent, long refunded, int left, List<CreditMonth> months) {}

  /** Every campaign's figures and the totals over all of them. */
  public record Summary(
      List<CampaignFigures> campaigns,
      List<Funnel> overall,
      List<Variant> overallVariants,
      List<Credits> credits) {}

  private final Campaigns campaigns;
  private final Analytics analytics;
  private final SenderAccounts accounts;
  private final LearnedOutcomes learned;

  /**
   * @param learned what the workspace's outcomes teach the adaptive policy
   */
  public OutreachAnalytics(
      Campaigns campaigns, Analytics analytics, SenderAccounts accounts, LearnedOutcomes learned) {
    this.campaigns = campaigns;
    this.analytics = analytics;
    this.accounts = accounts;
    this.learned = learned;
  }

  /**
   * What the adaptive policy has learned per segment across the workspace's campaigns (read from
   * the store at most hourly), the segments with most touches first.
   */
  public List<LearnedOutcomes.SegmentFigures> learned(Instant now) {
    return learned.segments(now);
  }

  /** Every campaign and the totals. */
  public Summary summary(Instant now) {
    List<CampaignFigures> figures = new ArrayList<>();
    Map<String, long[]> overall = new LinkedHashMap<>();
    List<VariantTally> allVariants = new ArrayList<>();
    for (StoredCampaign c : campaigns.campaigns()) {
      CampaignStats stats = analytics.campaignStats(c.campaign().id());
      figures.add(new CampaignFigures(c, funnel(stats, overall), variants(stats.variants())));
      allVariants.addAll(stats.variants());
    }
    List<Funnel> total = new ArrayList<>();
    for (String channel : CHANNELS) {
      long[] n = overall.getOrDefault(channel, new long[3]);
      total.add(channel(channel, n[0], n[1], n[2]));
    }
    return new Summary(figures, total, variants(allVariants), credits(now));
  }

  /** One campaign's figures. */
  public CampaignFigures campaign(StoredCampaign c) {
    CampaignStats stats = analytics.campaignStats(c.campaign().id());
    return new CampaignFigures(c, funnel(stats, new LinkedHashMap<>()), variants(stats.variants()));
  }

  /**
   * Touches and replies of each of the last {@link #WEEKS} weeks up to {@code now}, weeks without
   * either included as zeros.
   *
   * @param campaignId one campaign's; {@code null} for all
   */
  public List<WeeklyActivity> weekly(Long campaignId, Instant now) {
    Instant thisWeek = weekStart(now);
    Instant first = thisWeek.minus(Duration.ofDays(7L * (WEEKS - 1)));
    Map<Instant, WeeklyActivity> found = new TreeMap<>();
    for (WeeklyActivity w : analytics.weeklyActivity(campaignId, first)) {
      found.put(w.weekStart(), w);
    }
    List<WeeklyActivity> out = new ArrayList<>(WEEKS);
    for (Instant week = first; !week.isAfter(thisWeek); week = week.plus(Duration.ofDays(7))) {
      out.add(found.getOrDefault(week, new WeeklyActivity(week, 0, 0)));
    }
    return out;
  }

  /** Monday 00:00 UTC of the week of {@code at}. */
  static Instant weekStart(Instant at) {
    long monday = Duration.ofDays(4).toMillis();
    long week = Duration.ofDays(7).toMillis();
    long n = Math.floorDiv(at.toEpochMilli() - monday, week);
    return Instant.ofEpochMilli(monday + n * week);
  }

  /** Each channel's sent, accepted and replies; adds them to {@code overall}. */
  private static List<Funnel> funnel(CampaignStats stats, Map<String, long[]> overall) {
    List<Funnel> out = new ArrayList<>();
    for (String channel : CHANNELS) {
      long sent = stats.touches().getOrDefault(channel, 0L);
      long accepted = channel.equals("CONNECT") ? stats.events().getOrDefault("ACCEPTED", 0L) : 0;
      long replies = stats.replies().getOrDefault(channel, 0L);
      long[] sum = overall.computeIfAbsent(channel, k -> new long[3]);
      sum[0] += sent;
      sum[1] += accepted;
      sum[2] += replies;
      out.add(channel(channel, sent, accepted, replies));
    }
    return out;
  }

  private static Funnel channel(String channel, long sent, long accepted, long replies) {
    return new Funnel(
        channel,
        sent,
        accepted,
        replies,
        channel.equals("CONNECT") ? Optional.of(rate(accepted, sent)) : Optional.empty(),
        rate(replies, sent));
  }

  /** The 95% Wilson estimate; events can outnumber recorded touches (a request sent elsewhere). */
  public static RateEstimate rate(long successes, long trials) {
    return RateEstimate.wilson95(Math.min(successes, trials), trials);
  }

  /** The tallies with the same step and variant added up. */
  private static List<Variant> variants(List<VariantTally> tallies) {
    Map<String, VariantTally> merged = new LinkedHashMap<>();
    for (VariantTally v : tallies) {
      merged.merge(v.step() + "\u0000" + v.label(), v, VariantTally::plus);
    }
    List<Variant> out = new ArrayList<>();
    for (VariantTally v : merged.values()) {
      out.add(new Variant(v, rate(v.replied(), v.sent())));
    }
    return out;
  }

  /** Each account's InMail credits at {@code now}. */
  public List<Credits> credits(Instant now) {
    List<Credits> out = new ArrayList<>();
    for (SenderAccount account : accounts.accounts()) {
      Optional<AccountState> state = accounts.accountState(account.name());
      CreditLedger ledger = state.map(s -> s.credits().at(now)).orElse(null);
      CreditLedger.Totals totals =
          ledger == null ? new CreditLedger.Totals(0, 0, 0, 0) : ledger.totals();
      Map<YearMonth, long[]> months = new TreeMap<>();
      if (ledger != null) {
        for (CreditLedger.Spend spend : ledger.spends()) {
          long[] n =
              months.computeIfAbsent(
                  YearMonth.from(spend.at().atZone(ledger.zone())), k -> new long[2]);
          n[0]++;
          if (spend.refunded()) {
            n[1]++;
          }
        }
      }
      List<CreditMonth> byMonth = new ArrayList<>();
      months.forEach((m, n) -> byMonth.add(new CreditMonth(m, n[0], n[1])));
      out.add(
          new Credits(
              account.name(),
              totals.spent(),
              totals.refunded(),
              state.map(s -> s.creditsLeft(now)).orElse(account.monthlyInmailCredits()),
              byMonth));
    }
    return out;
  }
}
