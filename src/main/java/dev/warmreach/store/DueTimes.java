package dev.warmreach.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * @param soonest the first few enrollments of {@code enrollments}' kind in the order they fall due
 *     (read with the times, so a pass that only steps enrollments needs no read of its own)
 */
public record DueTimes(
    Instant reactions,
    Instant queues,
    Instant enrollments,
    Instant touches,
    List<DueEnrollment> soonest) {

  /** Nothing waiting at all. */
  public static final DueTimes NONE = new DueTimes(null, null, null, null, List.of());

  /** An enrollment and when it is due. */
  public record DueEnrollment(long id, Instant at) {}

  public DueTimes {
    soonest = List.copyOf(soonest);
  }

  /** The times alone, with no enrollments read. */
  public DueTimes(Instant reactions, Instant queues, Instant enrollments, Instant touches) {
    this(reactions, queues, enrollments, touches, List.of());
  }

  /**
   * The enrollments due at {@code now} as {@link EngineSteps#dueEnrollments} lists them (up to
   * {@code limit}), when {@link #soonest} holds all of them; empty when it may not (then ask the
   * store). Valid only while nothing but the engine's own steps changed due times since the read.
   */
  public Optional<List<Long>> dueAt(Instant now, int limit) {
    return dueAt(now, limit, List.of());
  }

  /**
   * As {@link #dueAt(Instant, int)}, with the enrollments {@code woken} from their queues at {@code
   * now} since the read (each due at {@code now}) in their place among them.
   */
  public Optional<List<Long>> dueAt(Instant now, int limit, List<Long> woken) {
    List<DueEnrollment> due = new ArrayList<>();
    boolean allRead = true;
    for (DueEnrollment e : soonest) {
      if (e.at().isAfter(now)) {
        allRead = false;
        break;
      }
      due.add(e);
    }
    if (allRead && !soonest.isEmpty() && due.size() < limit) {
      // Every one read is due: more may be, unread (none is when none was read).
      return Optional.empty();
    }
    // Each woken one goes before the first read one it precedes in the store's order (due time,
    // then id), which it can only do among those due at now.
    List<Long> wokenInOrder = woken.stream().sorted().toList();
    List<Long> ids = new ArrayList<>();
    int next = 0;
    for (DueEnrollment e : due) {
      while (next < wokenInOrder.size()
          && e.at().equals(now)
          && wokenInOrder.get(next) < e.id()
          && ids.size() < limit) {
        ids.add(wokenInOrder.get(next++));
      }
      if (ids.size() == limit) {
        break;
      }
      ids.add(e.id());
    }
    while (next < wokenInOrder.size() && ids.size() < limit) {
      ids.add(wokenInOrder.get(next++));
    }
    return Optional.of(ids);
  }

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
