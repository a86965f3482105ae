package dev.warmreach.policy;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Outcomes observed so far: per segment and learned rate, how many touches went out and how many
 * are known to have succeeded or failed. A touch counts as failed when it is declined or withdrawn,
 * or when {@link #OUTCOME_WINDOW} passes without an answer — not when it is sent, since acceptances
 * and answers arrive days later. An immutable value; each observation gives a new one. Only
 * observed outcomes go in — never a simulated truth.
 */
public final class Evidence {

  public static final Evidence NONE = new Evidence(Map.of());

  /**
   * How long a touch may go unanswered before it counts as failed: a week, when the playbook
   * follows up on a pending request. Most acceptances and answers come within it (a median of two
   * days); one that comes later turns its failure into a success.
   */
  public static final Duration OUTCOME_WINDOW = Duration.ofDays(7);

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

  /** One more touch of this kind sent to this segment; its outcome is not known yet. */
  public Evidence sent(Segment segment, LearnedRate rate) {
    return with(segment, rate, new Tally(1, 0, 0));
  }

  /** One of those touches succeeded (accepted, answered) within its outcome window. */
  public Evidence succeeded(Segment segment, LearnedRate rate) {
    return with(segment, rate, new Tally(0, 1, 0));
  }

  /**
   * One of those touches failed: declined, withdrawn, or unanswered for {@link #OUTCOME_WINDOW}.
   */
  public Evidence failed(Segment segment, LearnedRate rate) {
    return with(segment, rate, new Tally(0, 0, 1));
  }

  /** A touch already counted as failed succeeded after all: accepted or answered late. */
  public Evidence succeededLate(Segment segment, LearnedRate rate) {
    Map<Segment, Tally[]> next = new HashMap<>(tallies);
    Tally[] row = next.containsKey(segment) ? next.get(segment).clone() : empty();
    row[rate.ordinal()] = row[rate.ordinal()].failureTurnedSuccess();
    next.put(segment, row);
    return new Evidence(next);
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
        if (!tally.equals(Tally.NONE)) {
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

  /** Touches of any kind sent to the segment, their outcomes known or not. */
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
