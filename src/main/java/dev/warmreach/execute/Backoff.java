package dev.warmreach.execute;

import dev.warmreach.domain.UserError;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When to try a failed delivery again: {@code first} after the first failure, doubling after each
 * further one up to {@code cap}, and no more after {@code maxAttempts} attempts in all. With the
 * defaults (1 minute, 1 hour, 8 attempts) a delivery is given up about two hours after it started.
 */
public record Backoff(Duration first, Duration cap, int maxAttempts) {

  public static final Backoff DEFAULT = new Backoff(Duration.ofMinutes(1), Duration.ofHours(1), 8);

  public Backoff {
    if (first == null || first.isNegative() || first.isZero()) {
      throw new UserError("retry 'first' delay must be positive, e.g. 1m; got " + first);
    }
    if (cap == null || cap.compareTo(first) < 0) {
      throw new UserError(
          "retry 'cap' must be at least the first delay (" + first + "); got " + cap);
    }
    if (maxAttempts < 1) {
      throw new UserError("retry 'maxAttempts' must be 1 or more; got " + maxAttempts);
    }
  }

  /**
   * When to try again after {@code attemptsMade} attempts, the last of which failed at {@code
   * failedAt}; empty when that was the last attempt allowed.
   */
  public Optional<Instant> next(int attemptsMade, Instant failedAt) {
    if (attemptsMade >= maxAttempts) {
      return Optional.empty();
    }
    Duration delay = first;
    for (int i = 1; i < attemptsMade && delay.compareTo(cap) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return Optional.of(failedAt.plus(delay.compareTo(cap) > 0 ? cap : delay));
  }
}
