package dev.warmreach.web.api;

import dev.warmreach.domain.RateEstimate;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.message.VariantTally;
import dev.warmreach.quota.AccountState;
import dev.warmreach.quota.CreditLedger;
import dev.warmreach.store.CampaignStats;
import dev.warmreach.store.Store;
import dev.warmreach.store.StoredCampaign;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/analytics/summary}: what is working — per campaign and overall, the funnel per
 * channel with reply rates and their 95% Wilson intervals, each template variant's tally, and the
 * InMail credits each account spent and got back.
 */
public final class AnalyticsApi {

  private static final List<String> CHANNELS =
      List.of("ENGAGE", "CONNECT", "DM", "INMAIL", "EMAIL");

  private final Store store;
  private final Clock clock;

  public AnalyticsApi(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public void summary(Context ctx) {
    List<Map<String, Object>> campaigns = new ArrayList<>();
    Map<String, long[]> overall = new LinkedHashMap<>();
    List<VariantTally> allVariants = new ArrayList<>();
    for (StoredCampaign c : store.campaigns()) {
      CampaignStats stats = store.campaignStats(c.campaign().id());
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("campaign", c.campaign().name());
      row.put("status", c.campaign().status().name());
      row.put("channels", funnel(stats, overall));
      row.put("variants", variants(stats.variants()));
      campaigns.add(row);
      allVariants.addAll(stats.variants());
    }
    Map<String, Object> total = new LinkedHashMap<>();
    Map<String, Object> channels = new LinkedHashMap<>();
    overall.forEach(
        (channel, n) ->
            channels.put(channel.toLowerCase(Locale.ROOT), channel(n[0], n[1], n[2], channel)));
    total.put("channels", channels);
    total.put("variants", variants(allVariants));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("campaigns", campaigns);
    out.put("overall", total);
    out.put("inmailCredits", credits(clock.instant()));
    out.put("confidence", "95% Wilson score interval");
    ctx.json(out);
  }

  /** Each channel's sent, accepted and replies; adds them to {@code overall}. */
  private static Map<String, Object> funnel(CampaignStats stats, Map<String, long[]> overall) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String channel : CHANNELS) {
      long sent = stats.touches().getOrDefault(channel, 0L);
      long accepted = channel.equals("CONNECT") ? stats.events().getOrDefault("ACCEPTED", 0L) : 0;
      long replies = stats.replies().getOrDefault(channel, 0L);
      long[] sum = overall.computeIfAbsent(channel, k -> new long[3]);
      sum[0] += sent;
      sum[1] += accepted;
      sum[2] += replies;
      out.put(channel.toLowerCase(Locale.ROOT), channel(sent, accepted, replies, channel));
    }
    return out;
  }

  private static Map<String, Object> channel(
      long sent, long accepted, long replies, String channel) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("sent", sent);
    if (channel.equals("CONNECT")) {
      out.put("accepted", accepted);
      out.put("acceptanceRate", rate(accepted, sent));
    }
    out.put("replies", replies);
    out.put("replyRate", rate(replies, sent));
    return out;
  }

  private static Map<String, Object> rate(long successes, long trials) {
    // Events can outnumber recorded touches (an acceptance reported for a request sent elsewhere).
    RateEstimate r = RateEstimate.wilson95(Math.min(successes, trials), trials);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("rate", r.rate());
    out.put("low", r.low());
    out.put("high", r.high());
    return out;
  }

  private static List<Map<String, Object>> variants(List<VariantTally> tallies) {
    Map<String, VariantTally> merged = new LinkedHashMap<>();
    for (VariantTally v : tallies) {
      merged.merge(v.step() + "\u0000" + v.label(), v, VariantTally::plus);
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (VariantTally v : merged.values()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("template", v.step());
      row.put("variant", v.label());
      row.put("sent", v.sent());
      row.put("accepted", v.accepted());
      row.put("replied", v.replied());
      row.put("replyRate", rate(v.replied(), v.sent()));
      out.add(row);
    }
    return out;
  }

  private List<Map<String, Object>> credits(Instant now) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (SenderAccount account : store.accounts()) {
      Optional<AccountState> state = store.accountState(account.name());
      CreditLedger.Totals totals =
          state.map(s -> s.credits().at(now).totals()).orElse(new CreditLedger.Totals(0, 0, 0, 0));
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("account", account.name());
      row.put("spent", totals.spent());
      row.put("refunded", totals.refunded());
      row.put("left", state.map(s -> s.creditsLeft(now)).orElse(account.monthlyInmailCredits()));
      out.add(row);
    }
    return out;
  }
}
