package dev.warmreach.quota;

import dev.warmreach.domain.WorkingHours;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Spreads one kind of action over an account's working day: at most {@code cap} a day, only inside
 * working hours, spaced at jittered intervals so the account acts like a person, not a script.
 *
 * @param day the working day {@code count} belongs to, in the account's zone
 * @param nextSlot the earliest time the next action may go
 */
public record DailyPacing(LocalDate day, int count, Instant nextSlot) {

  public static DailyPacing idle() {
    return new DailyPacing(LocalDate.EPOCH, 0, Instant.EPOCH);
  }

  /** Actions already taken on the day of {@code now}. */
  public int countOn(Instant now, ZoneId zone) {
    return now.atZone(zone).toLocalDate().equals(day) ? count : 0;
  }

  public QuotaCheck check(Instant now, int cap, WorkingHours hours, ZoneId zone, String what) {
    if (!hours.contains(now, zone)) {
      return new QuotaCheck.Deferred(
          hours.nextOpen(now, zone), "outside working hours (" + hours + " " + zone + ")");
    }
    if (countOn(now, zone) >= cap) {
      Instant tomorrow = now.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
      return new QuotaCheck.Deferred(
          hours.nextOpen(tomorrow, zone), "daily limit of " + cap + " " + what + " reached");
    }
    if (now.isBefore(nextSlot)) {
      return new QuotaCheck.Deferred(nextSlot, "pacing " + what + " over the working day");
    }
    return QuotaCheck.ALLOWED;
  }

  /** Records an action at {@code now}; the next may follow after a jittered share of the day. */
  public DailyPacing record(Instant now, int cap, WorkingHours hours, ZoneId zone, long seed) {
    int today = countOn(now, zone) + 1;
    long spacing = hours.dailyLength().toMillis() / Math.max(1, cap);
    double jitter = 0.5 + Jitter.unit(seed, now.toEpochMilli(), today);
    return new DailyPacing(
        now.atZone(zone).toLocalDate(),
        today,
        now.plus(Duration.ofMillis((long) (spacing * jitter))));
  }
}
