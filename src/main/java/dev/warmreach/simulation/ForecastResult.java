package dev.warmreach.simulation;

import java.util.List;
import java.util.Map;

/**
 * A forecast's outcome in the shape SPEC §6 fixes for tools (extend, never break).
 *
 * @param sent touches per channel: engage, connect, dm, inmail, email
 * @param violations limits broken, counted independently of the engine: all zero when it works
 * @param rates acceptance and reply rates per channel, for people
 * @param decisions a few of the policy's decisions with their reasons
 * @param signals buying signals the simulated network emitted, and those a touch answered
 */
public record ForecastResult(
    String policy,
    long seed,
    int prospects,
    int weeks,
    Map<String, Long> sent,
    long accepted,
    long declined,
    long withdrawn,
    Map<String, Long> replies,
    Credits inmailCredits,
    Map<String, Long> violations,
    Map<String, Double> rates,
    List<String> decisions,
    Signals signals,
    long wallMillis) {

  /**
   * Buying signals over the run.
   *
   * @param seen signals the simulated network emitted (told to the engine unless it runs blind)
   * @param actedOn signals a touch followed within the signal window (by chance, when blind)
   */
  public record Signals(long seen, long actedOn) {}

  /** InMail credits spent and refunded over the run. */
  public record Credits(long spent, long refunded) {}

  /** This result with the wall time the run took, measured by the caller. */
  public ForecastResult withWallMillis(long millis) {
    return new ForecastResult(
        policy,
        seed,
        prospects,
        weeks,
        sent,
        accepted,
        declined,
        withdrawn,
        replies,
        inmailCredits,
        violations,
        rates,
        decisions,
        signals,
        millis);
  }

  public long totalViolations() {
    return violations.values().stream().mapToLong(Long::longValue).sum();
  }
}
