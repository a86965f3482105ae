package dev.warmreach.quota;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Protects an account's standing: LinkedIn restricts accounts whose invitations are often ignored
 * or declined. Over the last requests that have an answer, a low acceptance rate first slows
 * invitations down, then pauses them for a while, and says why.
 *
 * @param outcomes the latest answered requests, oldest first: true = accepted
 * @param pausedUntil invitations are paused until then; {@code null} when not paused
 */
public record AcceptanceGuard(Settings settings, List<Boolean> outcomes, Instant pausedUntil) {

  /**
   * @param window how many answered requests count
   * @param minimumAnswers below this many answers the rate is not judged
   * @param slowBelow under this rate, invitations go at half speed
   * @param pauseBelow under this rate, invitations pause for {@code pause}
   */
  public record Settings(
      int window, int minimumAnswers, double slowBelow, double pauseBelow, Duration pause) {
    public static final Settings DEFAULT = new Settings(50, 20, 0.25, 0.15, Duration.ofDays(7));
  }

  /** How the account stands. */
  public enum Health {
    HEALTHY,
    SLOWED,
    PAUSED
  }

  public AcceptanceGuard {
    outcomes = List.copyOf(outcomes);
  }

  public static AcceptanceGuard fresh(Settings settings) {
    return new AcceptanceGuard(settings, List.of(), null);
  }

  /** Accepted share of the answered requests counted, or -1 with too few answers. */
  public double rate() {
    if (outcomes.size() < settings.minimumAnswers()) {
      return -1;
    }
    long accepted = outcomes.stream().filter(Boolean::booleanValue).count();
    return (double) accepted / outcomes.size();
  }

  public Health health(Instant now) {
    if (pausedUntil != null && now.isBefore(pausedUntil)) {
      return Health.PAUSED;
    }
    double rate = rate();
    return rate >= 0 && rate < settings.slowBelow() ? Health.SLOWED : Health.HEALTHY;
  }

  /** Why the account is slowed or paused, in words; empty when healthy. */
  public String explain(Instant now) {
    return switch (health(now)) {
      case HEALTHY -> "";
      case SLOWED ->
          String.format(
              Locale.ROOT,
              "acceptance rate %.0f%% over the last %d answered requests is under %.0f%%:"
                  + " invitations at half speed",
              100 * rate(),
              outcomes.size(),
              100 * settings.slowBelow());
      case PAUSED ->
          String.format(
              Locale.ROOT,
              "acceptance rate fell under %.0f%%: invitations paused until %s",
              100 * settings.pauseBelow(),
              pausedUntil);
    };
  }

  /** Records an answer; a rate under the pause threshold starts a pause. */
  public AcceptanceGuard answered(boolean accepted, Instant now) {
    List<Boolean> latest = new ArrayList<>(outcomes);
    latest.add(accepted);
    while (latest.size() > settings.window()) {
      latest.remove(0);
    }
    AcceptanceGuard next = new AcceptanceGuard(settings, latest, pausedUntil);
    double rate = next.rate();
    boolean pausedNow = pausedUntil != null && now.isBefore(pausedUntil);
    if (rate >= 0 && rate < settings.pauseBelow() && !pausedNow) {
      // Start afresh after the pause, so one bad stretch does not pause the account forever.
      return new AcceptanceGuard(settings, List.of(), now.plus(settings.pause()));
    }
    return next;
  }
}
