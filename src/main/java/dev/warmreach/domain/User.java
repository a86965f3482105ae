package dev.warmreach.domain;

import java.util.Objects;

/** A person who signs in to the server, identified by a lower-case email address. */
public record User(long id, String email, Role role) {
  public User {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(role, "role");
  }
}
