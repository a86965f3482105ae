package dev.warmreach.web.pages;

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
