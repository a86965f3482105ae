package dev.warmreach.policy;

/**
 * Seeded uniform numbers for Thompson sampling, as a pure function of the seed, the prospect and
 * what is drawn: the same prospect gets the same draw whenever it is asked (a preview and the step
 * that follows agree), and a forecast with the same seed repeats exactly.
 */
public record Draws(long seed) {

  /** A number in (0, 1) for {@code key} and {@code salt}. */
  public double unit(long key, int salt) {
    long z = mix(seed ^ mix(key * 0x9E3779B97F4A7C15L + salt));
    return ((z >>> 11) + 0.5) / (1L << 53);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
