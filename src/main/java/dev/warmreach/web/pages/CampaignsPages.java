package dev.warmreach.web.pages;

import dev.warmreach.Warmreach;
import io.javalin.http.Context;

/** Campaigns: create, edit templates with the coach, plan, launch, forecast. */
public final class CampaignsPages {

  private final Warmreach app;
  private final Views views;

  public CampaignsPages(Warmreach app, Views views) {
    this.app = app;
    this.views = views;
  }

  public void show(Context ctx) {
    views.page(
        ctx,
        "campaigns/campaigns.jte",
        views.chrome(ctx, "Campaigns", Chrome.Section.CAMPAIGNS),
        app.store());
  }
}
