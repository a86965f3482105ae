package dev.warmreach.web;

import static dev.warmreach.web.auth.Access.ADMIN;
import static dev.warmreach.web.auth.Access.MEMBER;
import static dev.warmreach.web.auth.Access.PUBLIC;

import dev.warmreach.web.api.AccountsApi;
import dev.warmreach.web.api.AnalyticsApi;
import dev.warmreach.web.api.CampaignsApi;
import dev.warmreach.web.api.DncApi;
import dev.warmreach.web.api.EventsApi;
import dev.warmreach.web.api.ProspectsApi;
import dev.warmreach.web.api.ProviderWebhookApi;
import dev.warmreach.web.api.TasksApi;
import dev.warmreach.web.api.UnsubscribeApi;
import dev.warmreach.web.auth.ApiTokens;
import dev.warmreach.web.auth.FirstAdmin;
import dev.warmreach.web.auth.SignIn;
import dev.warmreach.web.auth.UsersApi;
import dev.warmreach.web.metrics.ServerMetrics;
import dev.warmreach.web.pages.Pages;
import io.javalin.router.JavalinDefaultRouting;

/**
 * Every route of the server, in one place. Each names who may call it; a route without a role needs
 * a signed-in user (see {@code Authentication}). Each resource has its own block below and a
 * handler class in {@code web/api}; {@code src/main/resources/openapi.json} describes them all.
 */
final class Routes {

  private Routes() {}

  record Handlers(
      Health health,
      SignIn signIn,
      FirstAdmin firstAdmin,
      ApiTokens tokens,
      UsersApi users,
      EventsApi events,
      ProviderWebhookApi provider,
      UnsubscribeApi unsubscribe,
      DncApi dnc,
      ServerMetrics metrics,
      AccountsApi accounts,
      ProspectsApi prospects,
      CampaignsApi campaigns,
      TasksApi tasks,
      AnalyticsApi analytics,
      OpenApiDocument openApi,
      Pages pages) {}

  static void register(JavalinDefaultRouting r, Handlers h) {
    // Open: health, signing in, the first admin's one-time setup link
    r.get("/health", h.health()::check, PUBLIC);
    r.get("/login", h.pages().signIn()::show, PUBLIC);
    r.post("/login", h.signIn()::login, PUBLIC);
    r.get("/setup", h.firstAdmin()::page, PUBLIC);
    r.post("/setup", h.firstAdmin()::create, PUBLIC);
    // The API's description holds no data; tools (client generators, Swagger UI) fetch it unsigned
    r.get("/openapi.json", h.openApi()::serve, PUBLIC);

    // The caller's session and API tokens
    r.post("/logout", h.signIn()::logout, MEMBER);
    r.get("/api/session", h.signIn()::session, MEMBER);
    r.get("/api/tokens", h.tokens()::list, MEMBER);
    r.post("/api/tokens", h.tokens()::create, MEMBER);
    r.delete("/api/tokens/{id}", h.tokens()::revoke, MEMBER);

    // Users: admins only
    r.get("/api/users", h.users()::list, ADMIN);
    r.post("/api/users", h.users()::create, ADMIN);

    // Events reported by other tools and people
    r.post("/api/events", h.events()::record, MEMBER);
    // The LinkedIn provider's webhooks: no user, the workspace's secret header instead
    r.post("/api/provider/webhook", h.provider()::receive, PUBLIC);
    r.post("/api/provider/linked", h.provider()::linked, PUBLIC);
    // The unsubscribe link in every email: no user, the workspace's signed token instead
    r.get("/unsubscribe", h.unsubscribe()::page, PUBLIC);
    r.post("/unsubscribe", h.unsubscribe()::unsubscribe, PUBLIC);

    // The do-not-contact list
    r.get("/api/dnc", h.dnc()::list, MEMBER);
    r.post("/api/dnc", h.dnc()::add, MEMBER);
    r.delete("/api/dnc", h.dnc()::remove, MEMBER);

    // Sender accounts
    r.get("/api/accounts", h.accounts()::list, MEMBER);
    r.post("/api/accounts", h.accounts()::create, MEMBER);
    r.get("/api/accounts/{name}", h.accounts()::show, MEMBER);
    r.patch("/api/accounts/{name}", h.accounts()::update, MEMBER);

    // The signals feed: each buying signal with what was done about it
    r.get("/api/signals", h.events()::signals, MEMBER);

    // Prospects
    r.get("/api/prospects", h.prospects()::list, MEMBER);
    r.post("/api/prospects/import", h.prospects()::importCsv, MEMBER);
    r.get("/api/prospects/{id}", h.prospects()::show, MEMBER);

    // Campaigns
    r.get("/api/campaigns", h.campaigns()::list, MEMBER);
    r.post("/api/campaigns", h.campaigns()::create, MEMBER);
    r.get("/api/campaigns/{name}", h.campaigns()::show, MEMBER);
    r.get("/api/campaigns/{name}/plan", h.campaigns()::plan, MEMBER);
    r.post("/api/campaigns/{name}/forecast", h.campaigns()::forecast, MEMBER);
    r.post("/api/campaigns/{name}/launch", h.campaigns()::launch, MEMBER);
    r.post("/api/campaigns/{name}/pause", h.campaigns()::pause, MEMBER);
    r.post("/api/campaigns/{name}/resume", h.campaigns()::resume, MEMBER);

    // The task inbox
    r.get("/api/tasks", h.tasks()::list, MEMBER);
    r.post("/api/tasks/{id}/done", h.tasks()::done, MEMBER);
    r.post("/api/tasks/{id}/skip", h.tasks()::skip, MEMBER);
    r.post("/api/tasks/{id}/fail", h.tasks()::fail, MEMBER);
    r.get("/api/tasks/uncertain", h.tasks()::uncertain, MEMBER);
    r.post("/api/tasks/{id}/confirm-sent", h.tasks()::confirmSent, MEMBER);
    r.post("/api/tasks/{id}/confirm-not-sent", h.tasks()::confirmNotSent, MEMBER);

    // What is working
    r.get("/api/analytics/summary", h.analytics()::summary, MEMBER);

    // Prometheus: scrape with an API token (authorization: credentials)
    r.get(
        "/metrics",
        ctx -> ctx.contentType(ServerMetrics.contentType()).result(h.metrics().scrape()),
        MEMBER);

    registerPages(r, h.pages());
  }

  /**
   * The dashboard (web/pages, templates in src/main/jte): pages and the fragments htmx swaps into
   * them. A browser that is not signed in is sent to /login and back.
   */
  private static void registerPages(JavalinDefaultRouting r, Pages p) {
    r.get("/", ctx -> Pages.home(ctx), MEMBER);

    // Today: the task inbox
    r.get("/today", p.today()::show, MEMBER);
    r.post("/today/tasks/{id}/done", p.today()::done, MEMBER);
    r.post("/today/tasks/{id}/skip", p.today()::skip, MEMBER);
    r.post("/today/uncertain/{id}/sent", p.today()::confirmSent, MEMBER);
    r.post("/today/uncertain/{id}/not-sent", p.today()::confirmNotSent, MEMBER);

    // Prospects: the list (its results alone for htmx), the CSV import with its preview, one's page
    r.get("/prospects", p.prospects()::show, MEMBER);
    r.get("/prospects/import", p.prospects()::importForm, MEMBER);
    r.post("/prospects/import", p.prospects()::preview, MEMBER);
    r.post("/prospects/import/{upload}", p.prospects()::store, MEMBER);
    r.get("/prospects/{id}", p.prospects()::prospect, MEMBER);

    // Campaigns
    r.get("/campaigns", p.campaigns()::show, MEMBER);
    r.post("/campaigns", p.campaigns()::create, MEMBER);
    r.get("/campaigns/new", p.campaigns()::newForm, MEMBER);
    r.post("/campaigns/coach", p.campaigns()::coach, MEMBER);
    r.get("/campaigns/{name}", p.campaigns()::campaign, MEMBER);
    r.get("/campaigns/{name}/plan", p.campaigns()::plan, MEMBER);
    r.post("/campaigns/{name}/launch", p.campaigns()::launch, MEMBER);
    r.post("/campaigns/{name}/pause", p.campaigns()::pause, MEMBER);
    r.post("/campaigns/{name}/resume", p.campaigns()::resume, MEMBER);
    r.post("/campaigns/{name}/forecast", p.campaigns()::forecast, MEMBER);

    // Sender accounts
    r.get("/accounts", p.accounts()::show, MEMBER);
    r.post("/accounts", p.accounts()::create, MEMBER);
    r.post("/accounts/{name}/link", p.accounts()::link, ADMIN);
    r.post("/accounts/{name}/settings", p.accounts()::update, MEMBER);

    // Analytics
    r.get("/analytics", p.analytics()::show, MEMBER);

    // Settings
    r.get("/settings", p.settings()::show, MEMBER);
    r.post("/settings/smtp", p.settings()::saveSmtp, ADMIN);
    r.post("/settings/webhook", p.settings()::saveWebhook, ADMIN);
    r.post("/settings/provider", p.settings()::saveProvider, ADMIN);
    r.post("/settings/provider/remove", p.settings()::removeProvider, ADMIN);
    r.post("/settings/webhooks/{id}/replay", p.settings()::replay, MEMBER);
    r.post("/settings/users", p.settings()::addUser, ADMIN);
    r.post("/settings/tokens", p.settings()::createToken, MEMBER);
    r.post("/settings/tokens/{id}/revoke", p.settings()::revokeToken, MEMBER);
  }
}
