package dev.warmreach.domain;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Labels users put on prospects to group them ({@code saas}, {@code dach}, {@code abm-target}). A
 * tag is stored lower-case with spaces as hyphens, so {@code "ABM Target"} and {@code abm-target}
 * are one tag.
 */
public final class Tags {

  private static final Pattern SEPARATORS = Pattern.compile("[;,|]");
  private static final Pattern VALID = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._:/-]{0,39}");

  private Tags() {}

  /** The canonical form of one tag, or {@code null} if nothing usable is left. */
  public static String normalise(String tag) {
    String cleaned =
        tag.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-").replaceAll("^#", "");
    return VALID.matcher(cleaned).matches() ? cleaned : null;
  }

  /** Whether {@code tag} is already canonical and usable. */
  public static boolean isValid(String tag) {
    return tag != null && VALID.matcher(tag).matches() && tag.equals(tag.toLowerCase(Locale.ROOT));
  }

  /** Splits a cell such as {@code "saas; DACH, abm target"} into canonical tags. */
  public static Set<String> split(String cell) {
    Set<String> tags = new TreeSet<>();
    if (cell == null) {
      return Set.of();
    }
    for (String piece : SEPARATORS.split(cell)) {
      String tag = normalise(piece);
      if (tag != null) {
        tags.add(tag);
      }
    }
    return Set.copyOf(tags);
  }
}
