package dev.warmreach.web.auth;

import dev.warmreach.domain.User;
import dev.warmreach.store.UserStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Browser sessions: a random 256-bit id in an HttpOnly cookie, of which the store keeps only the
 * SHA-256, with an absolute expiry and a CSRF token of its own. Thread-safe.
 */
public final class Sessions {

  public static final String COOKIE = "warmreach_session";

  private final UserStore users;
  private final Clock clock;
  private final Duration lifetime;
  private final boolean secureCookies;

  /**
   * @param secureCookies mark the cookie Secure, for a server reached over https (e.g. behind a TLS
   *     proxy); over plain http a browser would not send it back
   */
  public Sessions(UserStore users, Clock clock, Duration lifetime, boolean secureCookies) {
    this.users = users;
    this.clock = clock;
    this.lifetime = lifetime;
    this.secureCookies = secureCookies;
  }

  /** A new session: its id goes in the cookie, its CSRF token to the page or client. */
  public record Started(String id, String csrfToken, Instant expiresAt) {}

  public Started start(User user) {
    Instant now = clock.instant();
    users.deleteExpiredSessions(now);
    String id = Secrets.random("");
    String csrf = Secrets.random("");
    Instant expires = now.plus(lifetime);
    users.createSession(Secrets.hash(id), user.id(), csrf, expires);
    return new Started(id, csrf, expires);
  }

  public Optional<UserStore.Session> find(String id) {
    if (id == null || id.isBlank()) {
      return Optional.empty();
    }
    return users.session(Secrets.hash(id), clock.instant());
  }

  public void end(String id) {
    if (id != null && !id.isBlank()) {
      users.deleteSession(Secrets.hash(id));
    }
  }

  /** The Set-Cookie value that hands a browser its session. */
  public String cookie(Started session) {
    return COOKIE
        + "="
        + session.id()
        + "; Path=/; Max-Age="
        + lifetime.toSeconds()
        + "; HttpOnly; SameSite=Lax"
        + (secureCookies ? "; Secure" : "");
  }

  /** The Set-Cookie value that makes a browser forget its session. */
  public String expiredCookie() {
    return COOKIE
        + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax"
        + (secureCookies ? "; Secure" : "");
  }
}
