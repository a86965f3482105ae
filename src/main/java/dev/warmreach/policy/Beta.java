package dev.warmreach.policy;

/**
 * A Beta distribution over a rate: what is believed about it, and how surely. Starts at a prior
 * (the playbook's figure with the weight of a few touches) and moves with each outcome observed.
 */
public record Beta(double alpha, double beta) {

  private static final double Z95 = 1.959963984540054;

  public Beta {
    if (!(alpha > 0) || !(beta > 0)) {
      throw new IllegalArgumentException("Beta(" + alpha + ", " + beta + ") is not a belief");
    }
  }

  /** A prior centred on {@code rate} worth {@code weight} observed touches. */
  public static Beta prior(double rate, double weight) {
    double r = Math.min(0.99, Math.max(0.01, rate));
    return new Beta(r * weight, (1 - r) * weight);
  }

  /**
   * After {@code tally}, its known outcomes counted {@code weight} times each; touches still
   * awaiting theirs do not move it.
   */
  public Beta observe(Tally tally, double weight) {
    return new Beta(alpha + weight * tally.succeeded(), beta + weight * tally.failed());
  }

  public double mean() {
    return alpha / (alpha + beta);
  }

  /** The standard deviation. */
  double sd() {
    double n = alpha + beta;
    return Math.sqrt(alpha * beta / (n * n * (n + 1)));
  }

  /** The lower end of the 95% credible interval (normal approximation, kept within 0–1). */
  public double low() {
    return Math.max(0, mean() - Z95 * sd());
  }

  public double high() {
    return Math.min(1, mean() + Z95 * sd());
  }

  /**
   * A draw from the belief, for Thompson sampling, from two uniform numbers in (0, 1): the normal
   * approximation by Box–Muller, kept within 0–1. Pure, so the caller's seeded draws decide it.
   */
  public double sample(double u1, double u2) {
    double z = Math.sqrt(-2 * Math.log(Math.max(1e-12, u1))) * Math.cos(2 * Math.PI * u2);
    return Math.min(1, Math.max(0, mean() + z * sd()));
  }
}
