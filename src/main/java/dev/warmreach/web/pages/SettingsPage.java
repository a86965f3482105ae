package dev.warmreach.web.pages;

import dev.warmreach.Warmreach;
import io.javalin.http.Context;

/** Settings: SMTP, webhooks, users and API tokens. */
public final class SettingsPage {

  private final Warmreach app;
  private final Views views;

  public SettingsPage(Warmreach app, Views views) {
    this.app = app;
    this.views = views;
  }

  public void show(Context ctx) {
    views.page(
        ctx,
        "settings/settings.jte",
        views.chrome(ctx, "Settings", Chrome.Section.SETTINGS),
        app.store());
  }
}
