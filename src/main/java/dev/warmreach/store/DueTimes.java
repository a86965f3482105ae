package dev.warmreach.store;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * When each kind of the live engine's work is next due, read in one query, so that a pass asks the
 * database only about the kinds due at its time; {@code null} where none is waiting.
 *
 * @param reactions the earliest simulated reaction (dry runs)
 * @param queues the earliest wake-up of an account queue with members in a running campaign
 * @param enrollments the earliest due enrollment of a running campaign that can act on its own
 * @param touches the earliest time a planned touch can be claimed: its due time, or when a node's
 *     claim on it lapses
 */
public record DueTimes(Instant reactions, Instant queues, Instant enrollments, Instant touches) {

  /** Nothing waiting at all. */
  public static final DueTimes NONE = new DueTimes(null, null, null, null);

  /**
   * The earliest time an enrollment could move: a reaction, a queue's wake-up or a due step.
   * Touches are left out: one claimed by another node waits for that node, not for a pass.
   */
  public Optional<Instant> next() {
    return Stream.of(reactions, queues, enrollments).filter(t -> t != null).min(Instant::compareTo);
  }

  /** Whether a reaction is due at {@code now}. */
  public boolean reactionsDue(Instant now) {
    return due(reactions, now);
  }

  /** Whether a queue wakes at {@code now}. */
  public boolean queuesDue(Instant now) {
    return due(queues, now);
  }

  /** Whether an enrollment is due at {@code now}. */
  public boolean enrollmentsDue(Instant now) {
    return due(enrollments, now);
  }

  /** Whether a planned touch can be claimed at {@code now}. */
  public boolean touchesDue(Instant now) {
    return due(touches, now);
  }

  private static boolean due(Instant at, Instant now) {
    return at != null && !at.isAfter(now);
  }
}
