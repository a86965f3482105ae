package dev.warmreach.web.auth;

import dev.warmreach.domain.Role;
import io.javalin.security.RouteRole;

/**
 * Who may call a route. A route registered without one is treated as {@link #MEMBER}: signing in is
 * the default, and only a route marked {@link #PUBLIC} is open.
 */
public enum Access implements RouteRole {
  /** Anyone, signed in or not: the health check, signing in, the first admin's setup link. */
  PUBLIC,
  /** Any signed-in user. */
  MEMBER,
  /** Admins only. */
  ADMIN;

  boolean allows(Role role) {
    return this != ADMIN || role == Role.ADMIN;
  }
}
