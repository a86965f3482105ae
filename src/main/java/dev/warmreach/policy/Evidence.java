package dev.warmreach.policy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Outcomes observed so far: per segment and learned rate, how many touches went out and how many
 * succeeded. An immutable value; each observation gives a new one. Only observed outcomes go in —
 * never a simulated truth.
 */
public final class Evidence {

  public static final Evidence NONE = new Evidence(Map.of());

  private static final int RATES = LearnedRate.values().length;

  private final Map<Segment, Tally[]> tallies;

  private Evidence(Map<Segment, Tally[]> tallies) {
    this.tallies = tallies;
  }

  /** Evidence from stored tallies. */
  public static Evidence of(Map<Segment, Map<LearnedRate, Tally>> stored) {
    Evidence evidence = NONE;
    for (var segment : stored.entrySet()) {
      for (var rate : segment.getValue().entrySet()) {
        evidence = evidence.with(segment.getKey(), rate.getKey(), rate.getValue());
      }
    }
    return evidence;
  }

  /** One more touch of this kind sent to this segment. */
  public Evidence sent(Segment segment, LearnedRate rate) {
    return with(segment, rate, new Tally(1, 0));
  }

  /** One of those touches succeeded (accepted, answered). */
  public Evidence succeeded(Segment segment, LearnedRate rate) {
    return with(segment, rate, new Tally(0, 1));
  }

  /** This evidence and {@code tally} more. */
  public Evidence with(Segment segment, LearnedRate rate, Tally tally) {
    Map<Segment, Tally[]> next = new HashMap<>(tallies);
    Tally[] row = next.containsKey(segment) ? next.get(segment).clone() : empty();
    row[rate.ordinal()] = row[rate.ordinal()].plus(tally);
    next.put(segment, row);
    return new Evidence(next);
  }

  /** Both together. */
  public Evidence plus(Evidence other) {
    Evidence sum = this;
    for (Segment segment : other.segments()) {
      for (LearnedRate rate : LearnedRate.values()) {
        Tally tally = other.tally(segment, rate);
        if (tally.sent() > 0 || tally.succeeded() > 0) {
          sum = sum.with(segment, rate, tally);
        }
      }
    }
    return sum;
  }

  public Tally tally(Segment segment, LearnedRate rate) {
    Tally[] row = tallies.get(segment);
    return row == null ? Tally.NONE : row[rate.ordinal()];
  }

  /** Touches of any kind observed for the segment. */
  public long observations(Segment segment) {
    Tally[] row = tallies.get(segment);
    return row == null ? 0 : Arrays.stream(row).mapToLong(Tally::sent).sum();
  }

  public Set<Segment> segments() {
    return Set.copyOf(tallies.keySet());
  }

  private static Tally[] empty() {
    Tally[] row = new Tally[RATES];
    Arrays.fill(row, Tally.NONE);
    return row;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof Evidence that) || !that.tallies.keySet().equals(tallies.keySet())) {
      return false;
    }
    return tallies.entrySet().stream()
        .allMatch(e -> Arrays.equals(e.getValue(), that.tallies.get(e.getKey())));
  }

  @Override
  public int hashCode() {
    return tallies.keySet().hashCode();
  }

  @Override
  public String toString() {
    return "Evidence" + tallies.keySet();
  }
}
