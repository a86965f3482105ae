package dev.warmreach.policy;

import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which tags a campaign's segments are split by. Every tag would multiply the segments until none
 * has enough outcomes to learn from, so only tags that divide the campaign's prospects into
 * sizeable groups count: carried by at least {@link #MIN_SHARE} of them and at least {@link
 * #MIN_CARRIERS} people, and missing from at least {@link #MIN_SHARE} (a tag everyone carries tells
 * them apart from no one). Of those, the {@link #MAX_TAGS} most carried (ties by name); the
 * campaign's high-value tag is left out, as high value is in the segment already. Pure.
 */
public final class SegmentTags {

  /** The smallest share of the campaign's prospects a segmenting tag is carried by (and not). */
  public static final double MIN_SHARE = 0.10;

  /** The fewest people a segmenting tag is carried by. */
  public static final long MIN_CARRIERS = 20;

  /** At most this many tags split the segments (each at most doubles them). */
  public static final int MAX_TAGS = 2;

  private SegmentTags() {}

  /**
   * The tags to segment by.
   *
   * @param carriers per tag, how many of the campaign's prospects carry it
   * @param prospects how many prospects the campaign has
   * @param highValueTag the campaign's high-value tag, or null
   */
  public static Set<String> chosen(
      Map<String, Long> carriers, long prospects, String highValueTag) {
    double least = Math.max(MIN_CARRIERS, MIN_SHARE * prospects);
    double most = prospects - MIN_SHARE * prospects;
    return carriers.entrySet().stream()
        .filter(e -> !e.getKey().equals(highValueTag))
        .filter(e -> e.getValue() >= least && e.getValue() <= most)
        .sorted(
            Comparator.comparingLong((Map.Entry<String, Long> e) -> -e.getValue())
                .thenComparing(Map.Entry::getKey))
        .limit(MAX_TAGS)
        .map(Map.Entry::getKey)
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
