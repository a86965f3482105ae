package dev.warmreach.live;

import dev.warmreach.domain.UserError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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

  /**
   * A clock {@code speed} times faster than {@code system} (the wall clock), anchored in {@code
   * home}'s {@code simulated-clock} file (written on first use), so a restarted node continues its
   * timeline and nodes given the same file share one.
   */
  public static ScaledClock anchoredIn(Clock system, Path home, double speed) {
    Path anchor = home.resolve("simulated-clock");
    try {
      Files.createDirectories(home);
      if (!Files.exists(anchor)) {
        Instant now = system.instant();
        Files.writeString(anchor, now + " " + now + " " + speed + "\n");
      }
      String[] parts = Files.readString(anchor).strip().split(" ");
      return new ScaledClock(
          system, Instant.parse(parts[0]), Instant.parse(parts[1]), Double.parseDouble(parts[2]));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      throw new UserError(
          anchor + " is damaged; delete it to start the clock's timeline afresh", e);
    }
  }

  /**
   * How far {@code clock} moves while {@code realTime} passes: what a claim meant to outlast a call
   * of {@code realTime} must span, so that on a sped-up clock it does not lapse mid-call.
   */
  public static Duration span(Clock clock, Duration realTime) {
    if (clock instanceof ScaledClock scaled && scaled.speed > 1) {
      return Duration.ofMillis(
          (long) Math.min(Long.MAX_VALUE / 4.0, realTime.toMillis() * scaled.speed));
    }
    return realTime;
  }

  /** How many times faster than real time this clock runs. */
  public double speed() {
    return speed;
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
