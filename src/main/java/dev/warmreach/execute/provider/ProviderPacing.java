package dev.warmreach.execute.provider;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.SenderAccount;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When an account may make its next provider call of a kind: inside its working hours, at most a
 * daily cap of each kind (halved while the provider's push-back keeps it lowered), and a random gap
 * after the last one so that actions do not come in bursts (SPEC §7). Not thread-safe: the executor
 * holds it under its own lock.
 *
 * @param caps the daily cap of each kind of action
 * @param minGap the shortest gap between two actions of a kind
 * @param maxGap the longest
 */
public record ProviderPacing(Map<Channel, Integer> caps, Duration minGap, Duration maxGap) {

  /**
   * SPEC §7: about 80–100 invitations a day on paid accounts; messages are held to the 50 a day
   * LinkedIn is reported to allow; reactions and InMails stay well below profile visits.
   */
  public static final ProviderPacing DEFAULT =
      new ProviderPacing(
          Map.of(Channel.ENGAGE, 40, Channel.CONNECT, 80, Channel.DM, 50, Channel.INMAIL, 25),
          Duration.ofMinutes(2),
          Duration.ofMinutes(9));

  public ProviderPacing {
    caps = Map.copyOf(caps);
    if (minGap.isNegative() || maxGap.compareTo(minGap) < 0) {
      throw new IllegalArgumentException("the gap between actions must be 0 <= min <= max");
    }
  }

  /** The cap of a kind for a day, lowered to half while {@code lowered}. */
  public int cap(Channel channel, boolean lowered) {
    int cap = caps.getOrDefault(channel, 0);
    return lowered ? Math.max(1, cap / 2) : cap;
  }

  /** A random gap to wait after an action. */
  public Duration gap(RandomGenerator random) {
    long spread = maxGap.toMillis() - minGap.toMillis();
    return minGap.plusMillis(spread == 0 ? 0 : random.nextLong(spread + 1));
  }

  /**
   * When the account may act, or empty when it may now: outside working hours, the next opening;
   * past the day's cap, the opening of the next working day.
   */
  public Optional<Instant> holdUntil(
      SenderAccount account, Channel channel, int doneToday, boolean lowered, Instant now) {
    ZoneId zone = account.timeZone();
    if (!account.workingHours().contains(now, zone)) {
      return Optional.of(account.workingHours().nextOpen(now, zone));
    }
    if (doneToday >= cap(channel, lowered)) {
      return Optional.of(account.workingHours().nextOpen(startOfNextDay(now, zone), zone));
    }
    return Optional.empty();
  }

  /** Midnight after {@code now} where the account is. */
  public static Instant startOfNextDay(Instant now, ZoneId zone) {
    return now.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
  }

  /** Midnight before {@code now} where the account is. */
  public static Instant startOfDay(Instant now, ZoneId zone) {
    return now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
  }

  /** The Monday after {@code now} where the account is: a lowered cap is back then. */
  public static Instant startOfNextWeek(Instant now, ZoneId zone) {
    LocalDate monday =
        now.atZone(zone).toLocalDate().with(TemporalAdjusters.next(java.time.DayOfWeek.MONDAY));
    return ZonedDateTime.of(monday.atStartOfDay(), zone).toInstant();
  }
}
