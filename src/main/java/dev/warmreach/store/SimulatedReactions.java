package dev.warmreach.store;

import java.time.Instant;
import java.util.List;

/**
 * The simulated network's pending reactions, for dry runs only: a simulated prospect's response
 * waits here for its time and then becomes a recorded event. Each method is one transaction;
 * implementations are thread-safe.
 */
public interface SimulatedReactions {

  void scheduleReactions(List<SimulatedReaction> reactions);

  /**
   * What the simulated network knows of its past with a prospect, in one read: whether we engaged
   * with their posts and whether a LinkedIn message (a request, a DM or an InMail) reached them.
   */
  PastContact pastContact(long prospectId);

  /** See {@link #pastContact}. */
  record PastContact(boolean engaged, boolean touchedOnLinkedIn) {}

  /**
   * Turns reactions due by {@code now} into recorded events, in one transaction: none is lost and
   * none applied twice. Returns how many were applied.
   */
  int applyDueReactions(Instant now, int limit);
}
