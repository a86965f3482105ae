package dev.warmreach.live;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that runs {@code speed} times faster than its base from an anchor, for dry runs that
 * cover weeks in minutes. Time keeps passing while the process is down, as it would for real.
 * Thread-safe.
 */
public final class ScaledClock extends Clock {

  private final Clock base;
  private final Instant baseAnchor;
  private final Instant virtualAnchor;
  private final double speed;

  public ScaledClock(Clock base, Instant baseAnchor, Instant virtualAnchor, double speed) {
    if (!(speed > 0)) {
      throw new IllegalArgumentException("speed must be positive");
    }
    this.base = base;
    this.baseAnchor = baseAnchor;
    this.virtualAnchor = virtualAnchor;
    this.speed = speed;
  }

  /** The virtual time at the anchor: when the dry run's timeline began. */
  public Instant virtualAnchor() {
    return virtualAnchor;
  }

  @Override
  public Instant instant() {
    long elapsed = base.millis() - baseAnchor.toEpochMilli();
    return virtualAnchor.plusMillis((long) (elapsed * speed));
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
