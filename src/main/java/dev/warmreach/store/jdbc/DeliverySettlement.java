package dev.warmreach.store.jdbc;

import dev.warmreach.domain.Touch;
import dev.warmreach.store.Delivery;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Settles a delivery and its touch in the caller's transaction: the one place where a delivery's
 * outcome reaches the touch, with the time the touch was carried out.
 */
final class DeliverySettlement {

  private DeliverySettlement() {}

  static boolean settle(
      Handle h,
      long id,
      Delivery.Status outcome,
      String reason,
      Touch.Status touchOutcome,
      Instant now) {
    Delivery delivery =
        DeliveryRows.find(h, id)
            .orElseThrow(() -> new IllegalArgumentException("no delivery " + id));
    h.createUpdate(
            "UPDATE delivery SET status = :status, next_attempt_at = NULL, last_error = :reason,"
                + " updated_at = :now WHERE id = :id")
        .bind("status", outcome.name())
        .bind("reason", reason == null ? "" : reason)
        .bind("now", now)
        .bind("id", id)
        .execute();
    if (touchOutcome == null) {
      return false;
    }
    if (touchOutcome == Touch.Status.DONE) {
      // A dead letter replayed after its touch was marked failed: it went out after all.
      JdbcTouches.reopenFailed(h, delivery.touchKey());
    }
    return JdbcTouches.finish(
        h,
        delivery.touchKey(),
        touchOutcome,
        attemptedAt(delivery, touchOutcome, now),
        touchOutcome == Touch.Status.DONE ? null : reason);
  }

  /**
   * When a touch carried out (or perhaps carried out) was acted on: when its attempt began (the
   * sender's claim, or the email's hand-over), which the sender checked against the account's
   * working hours, not when the receiver's answer was recorded. On a sped-up clock a call of a few
   * milliseconds spans minutes, and a touch begun at 23:58 would read as done after a 23:59 close.
   */
  private static Instant attemptedAt(Delivery delivery, Touch.Status touchOutcome, Instant now) {
    // The claim is the last change of an attempt in flight (a webhook's claim keeps it pending).
    boolean inFlight =
        delivery.status() == Delivery.Status.PENDING
            || delivery.status() == Delivery.Status.SENDING
            || delivery.status() == Delivery.Status.HANDING_OVER;
    boolean acted = touchOutcome == Touch.Status.DONE || touchOutcome == Touch.Status.UNCERTAIN;
    return inFlight && acted && delivery.updatedAt().isBefore(now) ? delivery.updatedAt() : now;
  }
}
