package dev.warmreach.quota;

import dev.warmreach.domain.WorkingHours;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * The time a follow-up must land in, e.g. 24 to 48 hours after an acceptance. When the account's
 * working hours leave no working time in it (an acceptance on Thursday evening, a Mon–Fri account),
 * the follow-up may go on the day off, inside the account's usual hours of the day: the one
 * exception to working hours, and only for such a window. Immutable.
 *
 * @param from the earliest the follow-up may go
 * @param to the latest it may go
 */
public record FollowUpWindow(Instant from, Instant to) {

  public FollowUpWindow {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("a follow-up window must end after it starts");
    }
  }

  /** The window {@code min} to {@code max} after {@code start}. */
  public static FollowUpWindow after(Instant start, Duration min, Duration max) {
    return new FollowUpWindow(start.plus(min), start.plus(max));
  }

  /** Whether {@code hours} hold no working time at all in this window: it falls on days off. */
  public boolean onDaysOff(WorkingHours hours, ZoneId zone) {
    return hours.pointWithin(from, to, zone, 0).isEmpty();
  }

  /**
   * The point at {@code share} (0 to 1) of the usual hours of the day inside this window, days off
   * included; empty only when the window is shorter than the gap between two working days.
   */
  public Optional<Instant> pointOnDaysOff(WorkingHours hours, ZoneId zone, double share) {
    return hours.everyDay().pointWithin(from, to, zone, share);
  }

  /** Whether {@code at} falls in this window (both ends included). */
  public boolean contains(Instant at) {
    return !at.isBefore(from) && !at.isAfter(to);
  }

  /**
   * Whether a follow-up at {@code at}, outside {@code hours}, is the accepted exception: inside
   * this window, the window on days off only, and {@code at} inside the usual hours of the day.
   */
  public boolean excuses(Instant at, WorkingHours hours, ZoneId zone) {
    return contains(at) && onDaysOff(hours, zone) && hours.everyDay().contains(at, zone);
  }
}
