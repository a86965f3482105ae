package dev.warmreach.web.auth;

import dev.warmreach.domain.User;
import dev.warmreach.store.UserStore;
import dev.warmreach.web.http.ProblemException;
import dev.warmreach.web.http.Requests;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs before every matched route: finds who is calling (an {@code Authorization: Bearer} API
 * token, else the session cookie), refuses with 401 or 403, and checks the CSRF token of
 * cookie-authenticated requests that change something. Routes are closed unless marked {@link
 * Access#PUBLIC}, so a route added without thought is still protected.
 *
 * <p>A token that was found is remembered for {@link #TOKEN_MEMORY}, which saves a database read on
 * most API requests. Revoking a token through this server forgets them all at once; on other nodes
 * sharing a PostgreSQL database a revoked token stops working within that time. Thread-safe.
 */
public final class Authentication implements Handler {

  /** The header a browser session must echo its CSRF token in (or the {@code _csrf} form field). */
  public static final String CSRF_HEADER = "X-CSRF-Token";

  private static final Set<HandlerType> SAFE =
      Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

  /** How long a found API token is trusted without asking the database again. */
  public static final Duration TOKEN_MEMORY = Duration.ofSeconds(5);

  private static final int MAX_REMEMBERED = 10_000;

  private final UserStore users;
  private final Sessions sessions;
  private final Clock clock;
  private final Map<String, Remembered> tokens = new ConcurrentHashMap<>();
  // A lookup that raced with a revocation must not remember what it read before it.
  private final AtomicLong revocations = new AtomicLong();

  private record Remembered(User user, Instant until) {}

  public Authentication(UserStore users, Sessions sessions, Clock clock) {
    this.users = users;
    this.sessions = sessions;
    this.clock = clock;
  }

  /** Forgets every remembered token, so a revocation takes effect at once. */
  public void forgetTokens() {
    revocations.incrementAndGet();
    tokens.clear();
  }

  @Override
  public void handle(Context ctx) {
    Set<RouteRole> roles = ctx.routeRoles();
    if (roles.contains(Access.PUBLIC) || (roles.isEmpty() && isStaticFile(ctx.path()))) {
      return;
    }
    Optional<Principal> found = identify(ctx);
    if (found.isEmpty() && sendToSignIn(ctx)) {
      return;
    }
    Principal principal =
        found.orElseThrow(
            () -> {
              ctx.header("WWW-Authenticate", "Bearer realm=\"warmreach\"");
              return ProblemException.unauthorized(
                  "sign in first: POST /login for a session cookie, or send an API token as"
                      + " 'Authorization: Bearer …'");
            });
    Access needed = roles.contains(Access.ADMIN) ? Access.ADMIN : Access.MEMBER;
    if (!needed.allows(principal.user().role())) {
      throw ProblemException.forbidden(
          "only admins may do this; " + principal.user().email() + " is a member");
    }
    if (principal.viaSession() && !SAFE.contains(ctx.method())) {
      String sent = ctx.header(CSRF_HEADER);
      if (sent == null && (Requests.isForm(ctx) || Requests.isMultipart(ctx))) {
        sent = ctx.formParam("_csrf");
      }
      if (!Secrets.sameInConstantTime(sent, principal.csrfToken())) {
        throw ProblemException.forbidden(
            "missing or wrong CSRF token: send the csrfToken from GET /api/session (or the login"
                + " response) in the "
                + CSRF_HEADER
                + " header");
      }
    }
    principal.attachTo(ctx);
  }

  /**
   * The dashboard's stylesheet and scripts (Javalin serves them without a route, so they have no
   * roles): the same for everyone, and the sign-in page needs them before anyone has signed in.
   */
  private static boolean isStaticFile(String path) {
    return (path.startsWith("/assets/") || path.startsWith("/webjars/")) && !path.contains("..");
  }

  /**
   * A browser opening a dashboard page without a session goes to the sign-in form and comes back
   * after; API clients and htmx requests get the 401 problem instead.
   */
  private static boolean sendToSignIn(Context ctx) {
    String accept = ctx.header("Accept");
    if (ctx.method() != HandlerType.GET
        || accept == null
        || !accept.contains("text/html")
        || ctx.header("HX-Request") != null
        || ctx.path().startsWith("/api/")) {
      return false;
    }
    String wanted = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
    Requests.seeOther(
        ctx,
        "/login?next="
            + java.net.URLEncoder.encode(wanted, java.nio.charset.StandardCharsets.UTF_8));
    ctx.skipRemainingHandlers();
    return true;
  }

  private Optional<User> userForToken(String hash) {
    Instant now = clock.instant();
    Remembered remembered = tokens.get(hash);
    if (remembered != null && now.isBefore(remembered.until())) {
      return Optional.of(remembered.user());
    }
    long before = revocations.get();
    Optional<User> user = users.userForToken(hash);
    if (user.isPresent() && revocations.get() == before) {
      if (tokens.size() >= MAX_REMEMBERED) {
        tokens.clear();
      }
      tokens.put(hash, new Remembered(user.get(), now.plus(TOKEN_MEMORY)));
      if (revocations.get() != before) {
        tokens.remove(hash);
      }
    } else if (user.isEmpty()) {
      tokens.remove(hash);
    }
    return user;
  }

  private Optional<Principal> identify(Context ctx) {
    String authorization = ctx.header("Authorization");
    if (authorization != null) {
      // A wrong token never falls back to the cookie: the caller meant to use the token.
      if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
        return Optional.empty();
      }
      return userForToken(Secrets.hash(authorization.substring(7).strip()))
          .map(user -> new Principal(user, false, null, null));
    }
    return sessions
        .find(ctx.cookie(Sessions.COOKIE))
        .map(s -> new Principal(s.user(), true, s.csrfToken(), s.expiresAt()));
  }
}
