package dev.warmreach.sequence;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Enrollment;
import dev.warmreach.domain.Message;
import dev.warmreach.policy.Decision;

/** What the engine asks its driver to do after a step: send, record a decision, or finish. */
public sealed interface Command {

  /**
   * Carry out a touch. The key is the same however often the step is retried or replayed, so the
   * driver and executors can make sure it goes out once.
   *
   * @param message the rendered text; {@code null} for a warm-up and a request without a note
   */
  record Send(
      long enrollmentId,
      long prospectId,
      String senderAccount,
      String step,
      Channel channel,
      boolean withNote,
      String template,
      String idempotencyKey,
      Decision decision,
      Message message)
      implements Command {}

  /** The policy decided something about a step; kept so users can see why. */
  record Decided(long enrollmentId, long prospectId, String step, Decision decision)
      implements Command {}

  /** The enrollment finished, with the reason in words. */
  record Finished(long enrollmentId, long prospectId, Enrollment.Status status, String reason)
      implements Command {}
}
