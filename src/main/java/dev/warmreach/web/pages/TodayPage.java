package dev.warmreach.web.pages;

import dev.warmreach.Warmreach;
import io.javalin.http.Context;

/** The task inbox. */
public final class TodayPage {

  private final Warmreach app;
  private final Views views;

  public TodayPage(Warmreach app, Views views) {
    this.app = app;
    this.views = views;
  }

  public void show(Context ctx) {
    views.page(
        ctx, "today/today.jte", views.chrome(ctx, "Today", Chrome.Section.TODAY), app.store());
  }
}
