package dev.warmreach.web;

import static dev.warmreach.web.auth.Access.ADMIN;
import static dev.warmreach.web.auth.Access.MEMBER;
import static dev.warmreach.web.auth.Access.PUBLIC;

import dev.warmreach.web.api.EventsApi;
import dev.warmreach.web.auth.ApiTokens;
import dev.warmreach.web.auth.FirstAdmin;
import dev.warmreach.web.auth.SignIn;
import dev.warmreach.web.auth.UsersApi;
import dev.warmreach.web.metrics.ServerMetrics;
import io.javalin.router.JavalinDefaultRouting;

/**
 * Every route of the server, in one place. Each names who may call it; a route without a role needs
 * a signed-in user (see {@code Authentication}). New resources (accounts, prospects, campaigns,
 * tasks, analytics) go in their own block below, with a handler class in {@code web/api}.
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
      ServerMetrics metrics) {}

  static void register(JavalinDefaultRouting r, Handlers h) {
    // Open: health, signing in, the first admin's one-time setup link
    r.get("/health", h.health()::check, PUBLIC);
    r.get("/login", h.signIn()::page, PUBLIC);
    r.post("/login", h.signIn()::login, PUBLIC);
    r.get("/setup", h.firstAdmin()::page, PUBLIC);
    r.post("/setup", h.firstAdmin()::create, PUBLIC);

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

    // Prometheus: scrape with an API token (authorization: credentials)
    r.get(
        "/metrics",
        ctx -> ctx.contentType(ServerMetrics.contentType()).result(h.metrics().scrape()),
        MEMBER);
  }
}
