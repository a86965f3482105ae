package dev.warmreach.domain;

/**
 * A rate observed in a sample, such as replies per message sent, with its 95% Wilson score
 * interval: honest for small samples and rates near 0 or 1, where the normal approximation is not.
 *
 * @param successes how many succeeded (replied, accepted)
 * @param trials how many were tried (sent); 0 gives a rate of 0 and the interval [0, 1]
 */
public record RateEstimate(long successes, long trials, double rate, double low, double high) {

  private static final double Z95 = 1.959963984540054;

  public RateEstimate {
    if (successes < 0 || trials < 0 || successes > trials) {
      throw new IllegalArgumentException(
          successes + " successes of " + trials + " trials is not a sample");
    }
  }

  /** The estimate of {@code successes} out of {@code trials} with its 95% Wilson interval. */
  public static RateEstimate wilson95(long successes, long trials) {
    if (trials == 0) {
      return new RateEstimate(0, 0, 0, 0, 1);
    }
    double n = trials;
    double p = successes / n;
    double z2 = Z95 * Z95;
    double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
    // At 0 and at every trial a success the bound is exact; rounding would leave 1e-17 there.
    double low = successes == 0 ? 0 : Math.max(0, centre - half);
    double high = successes == trials ? 1 : Math.min(1, centre + half);
    return new RateEstimate(successes, trials, p, low, high);
  }
}
