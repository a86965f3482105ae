package dev.warmreach.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One action towards a prospect, planned or done. The idempotency key is derived from the
 * enrollment and step, so a retried or replayed step finds the touch it already made instead of
 * sending twice.
 *
 * @param step the sequence step that made it
 * @param withNote for a connection request, whether it carries a note
 * @param template the template its text comes from; {@code null} for a warm-up
 * @param doneAt when it was sent; {@code null} while planned
 * @param reason why the policy chose it, in words
 * @param message its rendered text; {@code null} for a warm-up and a request without a note
 */
public record Touch(
    long id,
    long enrollmentId,
    long prospectId,
    String senderAccount,
    String step,
    Channel channel,
    boolean withNote,
    String template,
    Status status,
    Instant dueAt,
    Instant doneAt,
    String idempotencyKey,
    String reason,
    Message message) {

  /**
   * Where a touch is: planned, sent, not sent and why, or uncertain. Stored under its name, so a
   * constant is never renamed.
   */
  public enum Status {
    PLANNED,
    DONE,
    SKIPPED,
    FAILED,
    /**
     * Its sender died while handing it over and the receiver cannot be asked whether it arrived (an
     * email whose DATA had begun): never sent again, waiting for the user to confirm sent or not
     * sent. {@code doneAt} holds when it was attempted.
     */
    UNCERTAIN
  }

  public Touch {
    Objects.requireNonNull(senderAccount, "senderAccount");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(dueAt, "dueAt");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(step, "step");
    reason = reason == null ? "" : reason;
    if (idempotencyKey.isBlank()) {
      throw new IllegalArgumentException("a touch needs an idempotency key");
    }
    if ((status == Status.DONE || status == Status.UNCERTAIN) && doneAt == null) {
      throw new IllegalArgumentException("a " + status + " touch needs the time it was attempted");
    }
  }

  /**
   * The key for the touch that {@code step} of an enrollment makes; the same inputs give the same
   * key.
   */
  public static String keyFor(long enrollmentId, String step, int attempt) {
    return "e" + enrollmentId + ":" + step + ":" + attempt;
  }
}
