package dev.warmreach.web.pages;

import dev.warmreach.Warmreach;
import io.javalin.http.Context;

/** Sender accounts: usage against LinkedIn's limits. */
public final class AccountsPage {

  private final Warmreach app;
  private final Views views;

  public AccountsPage(Warmreach app, Views views) {
    this.app = app;
    this.views = views;
  }

  public void show(Context ctx) {
    views.page(
        ctx,
        "accounts/accounts.jte",
        views.chrome(ctx, "Accounts", Chrome.Section.ACCOUNTS),
        app.store());
  }
}
