package dev.warmreach.store;

import dev.warmreach.domain.Event;
import dev.warmreach.domain.PostLink;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The signals received, and the posts they published, each with what was done about it.
 * Implementations are thread-safe.
 */
public interface SignalFeed {

  /** Records what was done about a signal; a signal already in the feed is left as it was. */
  void recordSignal(Entry entry);

  /** The latest signals, newest first. */
  List<Entry> latestSignals(int limit);

  /** What was done about a signal. */
  enum Outcome {
    /** An enrolled prospect was woken to act on it now. */
    ACTED,
    /** They were added to the campaign that takes signals. */
    ENROLLED,
    /** Their campaign is a draft or paused: it acts when the campaign runs. */
    WAITING,
    /** Nothing may be done: do-not-contact, they replied, or no campaign to act in. */
    NOT_ACTED
  }

  /**
   * One signal in the feed.
   *
   * @param prospectName their name as stored, for people reading the feed (empty when writing)
   * @param action what was done, in words, e.g. "woke them in campaign q1"
   * @param post the post a published post's event named (its id and address); {@link PostLink#NONE}
   *     for other signals
   */
  record Entry(
      String idempotencyKey,
      long prospectId,
      String prospectName,
      Event.Signal.Kind kind,
      String detail,
      Instant at,
      Outcome outcome,
      String action,
      PostLink post) {
    public Entry {
      Objects.requireNonNull(idempotencyKey, "idempotencyKey");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(outcome, "outcome");
      prospectName = prospectName == null ? "" : prospectName;
      detail = detail == null ? "" : detail;
      action = action == null ? "" : action;
      post = post == null ? PostLink.NONE : post;
    }

    /** A signal that names no post. */
    public Entry(
        String idempotencyKey,
        long prospectId,
        String prospectName,
        Event.Signal.Kind kind,
        String detail,
        Instant at,
        Outcome outcome,
        String action) {
      this(idempotencyKey, prospectId, prospectName, kind, detail, at, outcome, action, null);
    }
  }
}
