package dev.warmreach.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One touch on its way out by email, webhook or the LinkedIn provider, with its retries. There is
 * at most one per touch and kind, so a retried touch finds the delivery it started instead of
 * sending again.
 *
 * @param target the email address, webhook URL or provider account it goes to
 * @param attempts how many times sending was started
 * @param nextAttemptAt when it may be tried next; while {@link Status#SENDING}, when the sender's
 *     claim lapses; {@code null} once settled
 * @param lastError why the last attempt failed, or why it was skipped; empty when none
 */
public record Delivery(
    long id,
    String touchKey,
    Kind kind,
    String target,
    Status status,
    int attempts,
    Instant nextAttemptAt,
    String lastError,
    Instant createdAt,
    Instant updatedAt) {

  /** How it goes out. */
  public enum Kind {
    EMAIL,
    WEBHOOK,
    /** A call to the LinkedIn provider (a request, a message, a reaction …). */
    PROVIDER
  }

  /** Where it stands. */
  public enum Status {
    /** Waiting for its next attempt. */
    PENDING,
    /**
     * Claimed by a sender that is talking to the receiver, before anything was handed over: a claim
     * that lapses here means nothing went out, so it may be tried again.
     */
    SENDING,
    /**
     * The sent-marker: the email's DATA was about to begin (its Message-ID is the touch's, see
     * {@code TouchReference}), or the provider's call that acts on LinkedIn; so from here it may
     * have arrived. An email is never started again; a provider call is asked about first.
     */
    HANDING_OVER,
    /** Accepted by the mail server or the webhook's receiver. */
    SENT,
    /** Not sent on purpose: no address, do-not-contact. */
    SKIPPED,
    /** Refused for good, or interrupted so that sending again might duplicate it. */
    FAILED,
    /** Out of attempts: a dead letter the user can replay. */
    DEAD,
    /**
     * Its sender died or lost the connection after handing it over, before the receiver's answer:
     * it may have arrived. Its touch is uncertain until the user confirms sent or not sent.
     */
    UNCERTAIN
  }

  public Delivery {
    Objects.requireNonNull(touchKey, "touchKey");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    lastError = lastError == null ? "" : lastError;
  }

  /** Whether it may be tried at {@code now}. */
  public boolean isDue(Instant now) {
    return status == Status.PENDING && nextAttemptAt != null && !nextAttemptAt.isAfter(now);
  }
}
