package dev.warmreach.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One week of outreach: touches carried out and replies received.
 *
 * @param weekStart Monday 00:00 UTC of the week
 */
public record WeeklyActivity(Instant weekStart, long touches, long replies) {

  public WeeklyActivity {
    Objects.requireNonNull(weekStart, "weekStart");
  }
}
