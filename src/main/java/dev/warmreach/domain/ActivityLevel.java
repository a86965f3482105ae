package dev.warmreach.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * How active a prospect is on LinkedIn. Active people see requests and posts sooner, so the policy
 * prefers a connection request for them.
 */
public enum ActivityLevel {
  HIGH,
  MEDIUM,
  LOW,
  UNKNOWN;

  /** Reads {@code high}, {@code Medium}, {@code LOW} and the like; empty for anything else. */
  public static Optional<ActivityLevel> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.of(UNKNOWN);
    }
    String wanted = text.trim().toUpperCase(Locale.ROOT);
    for (ActivityLevel level : values()) {
      if (level.name().equals(wanted)) {
        return Optional.of(level);
      }
    }
    return Optional.empty();
  }
}
