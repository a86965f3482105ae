package dev.warmreach.forecast;

import java.time.Duration;
import java.util.Objects;

/**
 * How large a forecast the server runs for a request, and for how long. The CLI's {@code warmreach
 * forecast} has no such limits.
 *
 * @param maxProspects the most prospects a forecast runs over
 * @param maxProspectWeeks the most prospects times weeks
 * @param budget how long a forecast may take before the server gives up on it
 */
public record ForecastLimits(int maxProspects, long maxProspectWeeks, Duration budget) {

  /**
   * 50,000 prospects, 600,000 prospect-weeks (50,000 prospects for 12 weeks, or 5,769 for two
   * years) and 20 seconds: a forecast of that size takes a few seconds (docs/benchmarks.md).
   */
  public static final ForecastLimits DEFAULT =
      new ForecastLimits(50_000, 600_000, Duration.ofSeconds(20));

  public ForecastLimits {
    Objects.requireNonNull(budget, "budget");
    if (maxProspects < 1 || maxProspectWeeks < 1) {
      throw new IllegalArgumentException("forecast limits must be positive");
    }
    if (budget.isNegative() || budget.isZero()) {
      throw new IllegalArgumentException("a forecast's time budget must be positive: " + budget);
    }
  }

  public ForecastLimits withBudget(Duration other) {
    return new ForecastLimits(maxProspects, maxProspectWeeks, other);
  }

  /** The most weeks a forecast of {@code prospects} may run for. */
  long weeksFor(int prospects) {
    return maxProspectWeeks / Math.max(1, prospects);
  }
}
