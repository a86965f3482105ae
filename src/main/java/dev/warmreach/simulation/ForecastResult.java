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
    long wallMillis) {

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
        millis);
  }

  public long totalViolations() {
    return violations.values().stream().mapToLong(Long::longValue).sum();
  }
}
