package dev.warmreach.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One action towards a prospect, planned or done. The idempotency key is derived from the
 * enrollment and step, so a retried or replayed step finds the touch it already made instead of
 * sending twice.
 *
 * @param text the rendered message; empty for a warm-up or a blank request
 * @param subject the InMail or email subject; empty for other channels
 * @param doneAt when it was sent; {@code null} while planned
 */
public record Touch(
    long id,
    long enrollmentId,
    long prospectId,
    String senderAccount,
    Channel channel,
    Status status,
    Instant dueAt,
    Instant doneAt,
    String idempotencyKey,
    String subject,
    String text) {

  /** Where a touch is: planned, sent, or not sent and why. */
  public enum Status {
    PLANNED,
    DONE,
    SKIPPED,
    FAILED
  }

  public Touch {
    Objects.requireNonNull(senderAccount, "senderAccount");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(dueAt, "dueAt");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    subject = subject == null ? "" : subject;
    text = text == null ? "" : text;
    if (idempotencyKey.isBlank()) {
      throw new IllegalArgumentException("a touch needs an idempotency key");
    }
    if (status == Status.DONE && doneAt == null) {
      throw new IllegalArgumentException("a done touch needs the time it was done");
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
