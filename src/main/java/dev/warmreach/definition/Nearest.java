package dev.warmreach.definition;

import java.util.List;
import java.util.Locale;

/** The known name a mistyped one was most likely meant to be, by edit distance. */
final class Nearest {

  private Nearest() {}

  /** The known name closest to {@code typed}, or null when none is close enough to suggest. */
  static String of(String typed, List<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String wanted = typed.toLowerCase(Locale.ROOT);
    for (String name : known) {
      int d = distance(wanted, name.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = name;
        bestDistance = d;
      }
    }
    // A third of the name may be wrong (at least 2 letters): more is another word, not a typo.
    return best != null && bestDistance <= Math.max(2, typed.length() / 3) ? best : null;
  }

  /** Levenshtein distance: insertions, deletions and substitutions to turn a into b. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
