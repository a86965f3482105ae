package dev.warmreach.web.api;

import dev.warmreach.domain.RateEstimate;
import dev.warmreach.live.LearnedOutcomes;
import dev.warmreach.live.OutreachAnalytics;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /api/analytics/summary}: what is working — per campaign and overall, the funnel per
 * channel with reply rates and their 95% Wilson intervals, each template variant's tally, and the
 * InMail credits each account spent and got back (computed by {@link OutreachAnalytics}, as the
 * dashboard's analytics page shows them), and what the adaptive policy has learned per segment.
 */
public final class AnalyticsApi {

  private final OutreachAnalytics analytics;
  private final Clock clock;

  public AnalyticsApi(OutreachAnalytics analytics, Clock clock) {
    this.analytics = analytics;
    this.clock = clock;
  }

  public void summary(Context ctx) {
    OutreachAnalytics.Summary summary = analytics.summary(clock.instant());
    List<Map<String, Object>> campaigns = new ArrayList<>();
    for (OutreachAnalytics.CampaignFigures c : summary.campaigns()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("campaign", c.campaign().campaign().name());
      row.put("status", c.campaign().campaign().status().name());
      row.put("channels", channels(c.funnel()));
      row.put("variants", variants(c.variants()));
      campaigns.add(row);
    }
    Map<String, Object> total = new LinkedHashMap<>();
    total.put("channels", channels(summary.overall()));
    total.put("variants", variants(summary.overallVariants()));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("campaigns", campaigns);
    out.put("overall", total);
    out.put("inmailCredits", credits(summary.credits()));
    out.put("learned", learned(analytics.learned(clock.instant())));
    out.put("confidence", "95% Wilson score interval");
    ctx.json(out);
  }

  private static Map<String, Object> channels(List<OutreachAnalytics.Funnel> funnel) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (OutreachAnalytics.Funnel f : funnel) {
      Map<String, Object> channel = new LinkedHashMap<>();
      channel.put("sent", f.sent());
      f.acceptance()
          .ifPresent(
              a -> {
                channel.put("accepted", f.accepted());
                channel.put("acceptanceRate", rate(a));
              });
      channel.put("replies", f.replies());
      channel.put("replyRate", rate(f.reply()));
      out.put(f.channel().toLowerCase(Locale.ROOT), channel);
    }
    return out;
  }

  private static Map<String, Object> rate(RateEstimate r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("rate", r.rate());
    out.put("low", r.low());
    out.put("high", r.high());
    return out;
  }

  private static List<Map<String, Object>> variants(List<OutreachAnalytics.Variant> variants) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (OutreachAnalytics.Variant v : variants) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("template", v.tally().step());
      row.put("variant", v.tally().label());
      row.put("sent", v.tally().sent());
      row.put("accepted", v.tally().accepted());
      row.put("replied", v.tally().replied());
      row.put("replyRate", rate(v.reply()));
      out.add(row);
    }
    return out;
  }

  /** Per segment: each learned rate with its 95% interval and sample, and the preferred touch. */
  private static List<Map<String, Object>> learned(List<LearnedOutcomes.SegmentFigures> segments) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (LearnedOutcomes.SegmentFigures s : segments) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("segment", s.segment().key());
      row.put("label", s.segment().label());
      row.put("degree", s.segment().degreeCode());
      row.put("tags", new java.util.TreeSet<>(s.segment().tags()));
      Map<String, Object> rates = new LinkedHashMap<>();
      for (LearnedOutcomes.RateFigure r : s.rates()) {
        Map<String, Object> rate = new LinkedHashMap<>();
        rate.put("rate", r.mean());
        rate.put("low", r.low());
        rate.put("high", r.high());
        rate.put("sent", r.sent());
        rate.put("known", r.known());
        rates.put(r.rate().code(), rate);
      }
      row.put("rates", rates);
      row.put("preferredChannel", s.preferred().name().toLowerCase(Locale.ROOT));
      out.add(row);
    }
    return out;
  }

  private static List<Map<String, Object>> credits(List<OutreachAnalytics.Credits> credits) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (OutreachAnalytics.Credits c : credits) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("account", c.account());
      row.put("spent", c.spent());
      row.put("refunded", c.refunded());
      row.put("left", c.left());
      out.add(row);
    }
    return out;
  }
}
