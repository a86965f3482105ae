package dev.warmreach.store;

import java.time.Instant;

/**
 * An outcome on its way to the webhook's receiver, with its retries: posted with the same {@code
 * payload} and {@code eventKey} on every attempt.
 *
 * @param attempts how many times sending was started
 * @param lastError why the latest attempt failed; empty when none did
 * @param updatedAt when it last changed: for a dead one, when it was given up
 */
public record WebhookEvent(
    long id,
    String eventKey,
    String type,
    String payload,
    int attempts,
    Instant createdAt,
    String lastError,
    Instant updatedAt) {

  /** Where it stands. */
  public enum Status {
    PENDING,
    /** Claimed by a sender; a claim that lapses makes it due again. */
    SENDING,
    SENT,
    /** Out of attempts. */
    DEAD
  }

  /** One to queue, about {@code prospectId} ({@code null} for a campaign's event). */
  public record New(String eventKey, Long prospectId, String type, String payload) {}
}
