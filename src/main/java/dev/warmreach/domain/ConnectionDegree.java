package dev.warmreach.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * How far a prospect is from the sender in LinkedIn's network. Only 1st-degree connections can be
 * sent a direct message.
 */
public enum ConnectionDegree {
  FIRST,
  SECOND,
  THIRD,
  OUT_OF_NETWORK,
  UNKNOWN;

  /**
   * Reads {@code 1st}, {@code 2}, {@code second}, {@code 3rd+} and the like; empty if unreadable.
   */
  public static Optional<ConnectionDegree> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.of(UNKNOWN);
    }
    String wanted = text.trim().toLowerCase(Locale.ROOT);
    switch (wanted) {
      case "1", "1st", "first":
        return Optional.of(FIRST);
      case "2", "2nd", "second":
        return Optional.of(SECOND);
      case "3", "3rd", "3rd+", "third":
        return Optional.of(THIRD);
      case "out_of_network", "out of network", "none":
        return Optional.of(OUT_OF_NETWORK);
      case "unknown":
        return Optional.of(UNKNOWN);
      default:
        return Optional.empty();
    }
  }
}
