package dev.warmreach.execute;

import dev.warmreach.store.Deliveries;
import dev.warmreach.store.Delivery;
import dev.warmreach.store.SenderAccounts;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a sender account may act now, as its working hours say: an executor asks just before it
 * starts an attempt, since the engine's check at planning time can lie minutes behind on a busy
 * node, and longer after a restart. Thread-safe when its store is.
 */
@FunctionalInterface
public interface OpenHours {

  /** Every account may act at any time (executors used without accounts, e.g. in tests). */
  OpenHours ALWAYS = (account, now) -> Optional.empty();

  /**
   * Empty when {@code senderAccount} may act at {@code now}; else when its working hours next open.
   * An account that no longer exists is left to the executor's own checks.
   */
  Optional<Instant> closedUntil(String senderAccount, Instant now);

  /** The working hours of the accounts in {@code accounts}, read at each question. */
  static OpenHours of(SenderAccounts accounts) {
    return (name, now) ->
        accounts
            .account(name)
            .filter(a -> !a.workingHours().contains(now, a.timeZone()))
            .map(a -> a.workingHours().nextOpen(now, a.timeZone()));
  }

  /**
   * Holds {@code delivery} until {@code account}'s working hours open, when they are closed at
   * {@code now} (no attempt is used up); true when it was held, so the caller does not send.
   */
  default boolean holdWhileClosed(
      Deliveries deliveries, Delivery delivery, String account, Instant now) {
    Optional<Instant> closed = closedUntil(account, now);
    closed.ifPresent(
        opens ->
            deliveries.holdDelivery(
                delivery.id(), delivery.attempts(), opens, reason(account, opens), now));
    return closed.isPresent();
  }

  /** Why a touch of {@code account} waits, in words. */
  static String reason(String account, Instant opens) {
    return "outside " + account + "'s working hours; waits until they open at " + opens;
  }
}
