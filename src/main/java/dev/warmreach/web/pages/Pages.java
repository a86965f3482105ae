package dev.warmreach.web.pages;

import dev.warmreach.Warmreach;
import dev.warmreach.web.ForecastRuns;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;

/** The dashboard's pages, one handler class per section of the navigation. */
public record Pages(
    SignInPage signIn,
    TodayPage today,
    ProspectsPages prospects,
    CampaignsPages campaigns,
    AccountsPage accounts,
    AnalyticsPage analytics,
    SettingsPage settings) {

  /** The first segment of every dashboard path; everything else is the API or signing in. */
  public static final List<String> SECTIONS =
      List.of("/today", "/prospects", "/campaigns", "/accounts", "/analytics", "/settings");

  /**
   * @param forgetTokens forgets the API tokens the server remembers, so a token revoked on a page
   *     stops working at once
   * @param forecasts runs the Forecast button's forecasts within the server's limits
   */
  public static Pages create(
      Warmreach app, Views views, Runnable forgetTokens, ForecastRuns forecasts) {
    return new Pages(
        new SignInPage(views),
        new TodayPage(app, views),
        new ProspectsPages(app, views),
        new CampaignsPages(app, views, forecasts),
        new AccountsPage(app, views),
        new AnalyticsPage(app, views),
        new SettingsPage(app, views, forgetTokens));
  }

  /** True for a path the dashboard serves (a page or a fragment of one), not the API. */
  public static boolean isPage(String path) {
    return path.equals("/")
        || SECTIONS.stream().anyMatch(s -> path.equals(s) || path.startsWith(s + "/"));
  }

  /** The start page: today's tasks. */
  public static void home(Context ctx) {
    ctx.redirect("/today", HttpStatus.SEE_OTHER);
  }
}
