package dev.warmreach.web.auth;

import dev.warmreach.domain.User;
import io.javalin.http.Context;
import java.time.Instant;

/**
 * Who made a request and how: with a session cookie (then {@code csrfToken} and {@code expiresAt}
 * are set) or with an API token.
 */
public record Principal(User user, boolean viaSession, String csrfToken, Instant expiresAt) {

  private static final String ATTRIBUTE = "warmreach.principal";

  /** The principal {@link Authentication} found for this request. */
  public static Principal of(Context ctx) {
    Principal principal = ctx.attribute(ATTRIBUTE);
    if (principal == null) {
      throw new IllegalStateException(
          "no principal: is the route registered behind Authentication?");
    }
    return principal;
  }

  void attachTo(Context ctx) {
    ctx.attribute(ATTRIBUTE, this);
  }
}
