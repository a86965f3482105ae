package dev.warmreach.web.pages;

import dev.warmreach.Warmreach;
import io.javalin.http.Context;

/** Prospects: search, upload and each one's timeline. */
public final class ProspectsPages {

  private final Warmreach app;
  private final Views views;

  public ProspectsPages(Warmreach app, Views views) {
    this.app = app;
    this.views = views;
  }

  public void show(Context ctx) {
    views.page(
        ctx,
        "prospects/prospects.jte",
        views.chrome(ctx, "Prospects", Chrome.Section.PROSPECTS),
        app.store());
  }
}
