package dev.warmreach.web.pages;

import dev.warmreach.Warmreach;
import io.javalin.http.Context;

/** What works: funnels, reply rates, variants, credits. */
public final class AnalyticsPage {

  private final Warmreach app;
  private final Views views;

  public AnalyticsPage(Warmreach app, Views views) {
    this.app = app;
    this.views = views;
  }

  public void show(Context ctx) {
    views.page(
        ctx,
        "analytics/analytics.jte",
        views.chrome(ctx, "Analytics", Chrome.Section.ANALYTICS),
        app.store());
  }
}
