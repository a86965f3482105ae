package dev.warmreach.store;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Touch;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The touches the engine planned, as the task inbox and the executors see them: what is due, and
 * marking each done, skipped or failed. Each method is one transaction; implementations are
 * thread-safe.
 */
public interface Touches {

  /** The touch with this number. */
  Optional<Touch> touch(long id);

  /** A prospect's touches, in the order they were planned. */
  List<Touch> touches(long prospectId);

  /** Planned touches of every account, oldest due first. */
  List<Touch> plannedTouches(int limit);

  /**
   * Touches whose outcome is unknown after a crash, oldest attempt first: they wait for the user to
   * confirm sent or not sent.
   */
  List<Touch> uncertainTouches(int limit);

  /**
   * Planned touches due at or before {@code dueBy}, oldest first: the task inbox.
   *
   * @param account only this sender account's; {@code null} for all
   */
  List<Touch> dueTouches(Instant dueBy, String account, int limit);

  /**
   * How many planned touches each sender account has due at or before its own time: the size of
   * each account's task inbox, counted in one pass without loading it.
   *
   * @param dueBy per account name, the latest due time that counts (e.g. the end of its today)
   * @return per account of {@code dueBy}, its count (0 when none)
   */
  Map<String, Long> countDueTouches(Map<String, Instant> dueBy);

  /**
   * How many touches are planned on each channel, due or not, claimed or not: what is left for the
   * executors and the task inbox. Channels with none are left out.
   */
  Map<Channel, Long> countPlannedTouches();

  /**
   * Finishes a planned touch as {@link #finishTouch(String, Touch.Status, Instant)} does, keeping
   * why it was skipped or failed.
   */
  boolean finishTouch(String idempotencyKey, Touch.Status status, Instant at, String outcome);

  /**
   * Settles an {@link Touch.Status#UNCERTAIN} touch as the user confirmed it: sent (done, at the
   * time it was attempted) or not sent (failed, with {@code note}); its uncertain delivery, if any,
   * follows. False when the touch is not uncertain.
   */
  boolean confirmUncertain(String idempotencyKey, boolean sent, String note);

  /** Marks a planned touch done or skipped; false when it was not planned (already handled). */
  boolean finishTouch(String idempotencyKey, Touch.Status status, Instant at);

  /**
   * As {@link #finishTouch(String, Touch.Status, Instant)}, for a touch the caller has just read
   * (claimed) in the status it still has: spares reading it again. False when its status has
   * changed since.
   */
  boolean finishTouch(Touch read, Touch.Status status, Instant at);

  /**
   * As {@link #finishTouch(Touch, Touch.Status, Instant)}, for a touch the simulated network
   * carried out in a dry run: it is marked so, and monitoring counts it apart from live touches.
   */
  boolean finishDryRunTouch(Touch read, Touch.Status status, Instant at);
}
