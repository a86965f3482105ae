package dev.warmreach.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored prospect: their profile plus what Warmreach tracks about them.
 *
 * @param id the store's number for them, stable for their lifetime
 * @param doNotContact true once the user said never to contact them; it always wins
 */
public record Prospect(
    long id, ProspectProfile profile, boolean doNotContact, Instant createdAt, Instant updatedAt) {

  public Prospect {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  public String fullName() {
    return profile.fullName();
  }

  public Seniority seniority() {
    return profile.seniority();
  }
}
