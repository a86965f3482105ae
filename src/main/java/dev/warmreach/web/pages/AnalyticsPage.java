package dev.warmreach.web.pages;

import dev.warmreach.live.OutreachAnalytics;
import dev.warmreach.store.Campaigns;
import dev.warmreach.store.StoredCampaign;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What works: the funnel per channel, reply rates with their intervals, template variants, InMail
 * credits and activity per week, for one campaign ({@code ?campaign=}) or all. The campaign filter
 * swaps only the figures (htmx) and keeps the choice in the address.
 */
public final class AnalyticsPage {

  private final Campaigns campaigns;
  private final Clock clock;
  private final Views views;
  private final OutreachAnalytics analytics;

  public AnalyticsPage(Campaigns campaigns, OutreachAnalytics analytics, Clock clock, Views views) {
    this.campaigns = campaigns;
    this.analytics = analytics;
    this.clock = clock;
    this.views = views;
  }

  public void show(Context ctx) {
    AnalyticsView model = model(ctx.queryParam("campaign"));
    if (Views.fromHtmx(ctx)) {
      views.render(ctx, "analytics/figures.jte", Map.of("model", model));
      return;
    }
    views.page(
        ctx,
        "analytics/analytics.jte",
        views.chrome(ctx, "Analytics", Chrome.Section.ANALYTICS),
        model);
  }

  AnalyticsView model(String campaign) {
    Instant now = clock.instant();
    List<StoredCampaign> campaigns = this.campaigns.campaigns();
    List<String> names = campaigns.stream().map(c -> c.campaign().name()).toList();
    String asked = campaign == null ? "" : campaign.strip();
    Optional<StoredCampaign> chosen =
        campaigns.stream().filter(c -> c.campaign().name().equals(asked)).findFirst();
    if (chosen.isPresent()) {
      OutreachAnalytics.CampaignFigures figures = analytics.campaign(chosen.get());
      return new AnalyticsView(
          names,
          asked,
          "",
          figures.funnel(),
          AnalyticsView.steps(figures.variants()),
          analytics.credits(now),
          analytics.weekly(chosen.get().campaign().id(), now),
          analytics.learned(now));
    }
    OutreachAnalytics.Summary summary = analytics.summary(now);
    return new AnalyticsView(
        names,
        "",
        asked,
        summary.overall(),
        AnalyticsView.steps(summary.overallVariants()),
        summary.credits(),
        analytics.weekly(null, now),
        analytics.learned(now));
  }
}
