package dev.warmreach.quota;

/**
 * Deterministic pseudo-random numbers from keys (SplitMix64), so pacing looks human yet the same
 * inputs always give the same schedule — in the simulator and after a restart alike.
 */
public final class Jitter {

  private Jitter() {}

  /** A number in [0, 1) determined by the keys. */
  public static double unit(long... keys) {
    long h = 0x9E3779B97F4A7C15L;
    for (long key : keys) {
      h = mix(h ^ key);
    }
    return (h >>> 11) * 0x1.0p-53;
  }

  /** A key for a text, for use with {@link #unit}. */
  public static long key(String text) {
    long h = 1125899906842597L;
    for (int i = 0; i < text.length(); i++) {
      h = 31 * h + text.charAt(i);
    }
    return mix(h);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
