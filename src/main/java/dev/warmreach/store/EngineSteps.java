package dev.warmreach.store;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Event;
import dev.warmreach.domain.Touch;
import dev.warmreach.sequence.Advance;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the live engine does on each pass, safe with several nodes on one database: finds due
 * enrollments, moves each one step on with version checks, records what happened to prospects, and
 * claims the touches to carry out. Each method is one transaction; implementations are thread-safe.
 */
public interface EngineSteps {

  /**
   * Active enrollments of active campaigns due at or before {@code now}, soonest first. Enrollments
   * held back by an account's limits are not among them: they wait in their account's queue.
   */
  List<Long> dueEnrollments(Instant now, int limit);

  /**
   * Wakes the oldest enrollment of each account queue (enrollments held back by that account's
   * limits on one channel) whose account can act on the channel again at {@code now}: it becomes
   * due at {@code now}. Returns the enrollments woken.
   */
  List<Long> wakeQueued(Instant now, int limit);

  /**
   * Runs one engine step for an enrollment in one transaction: loads it with the prospect and the
   * account, runs {@code work}, and saves all three with version checks, with the touches (keyed,
   * so a replayed step adds none) and decisions. Empty when the enrollment is not due, not active,
   * another worker moved it first, or the step moved nothing (then nothing is written).
   */
  Optional<Advance> advance(long enrollmentId, Instant now, StepWork work);

  /**
   * Records an event once (a repeated idempotency key is a duplicate: false), applies it to the
   * prospect's history and the accounts that contacted them, and wakes their enrollments.
   */
  boolean recordEvent(Event event);

  /**
   * The event recorded under {@code idempotencyKey}, as it was recorded; empty when none was. A
   * client that reuses a key shows by it whether it repeats an event or sends another one.
   */
  Optional<Event> eventByKey(String idempotencyKey);

  /**
   * Claims up to {@code limit} planned touches on {@code channels} for {@code node} to carry out,
   * oldest due first: each is claimed by one node at a time, until {@code claimUntil}. A touch
   * whose claim has lapsed (its node crashed) can be claimed again; the executor's idempotency key
   * guards the send. A touch whose delivery waits for a retry is left until the retry is due.
   */
  List<Touch> claimTouches(
      String node, Set<Channel> channels, Instant now, Instant claimUntil, int limit);

  /**
   * The earliest time anything is due: an enrollment step, or in a dry run a simulated reaction
   * (see {@link SimulatedReactions}), so that a run can jump straight to it.
   */
  Optional<Instant> nextDue();

  /** When each kind of work is next due, in one read: what a pass at a given time must look at. */
  DueTimes dueTimes();

  /**
   * Runs {@code work} with every call this thread makes on this store (through any of its ports) in
   * one transaction, so that a run of many small steps pays for one commit: it lands whole, or not
   * at all if {@code work} throws. A call inside that fails is undone alone, as if it had been a
   * transaction of its own. Keep {@code work} short, and free of anything but the store: other
   * writers wait for it.
   */
  <T> T together(Supplier<T> work);
}
