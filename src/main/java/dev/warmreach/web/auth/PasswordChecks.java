package dev.warmreach.web.auth;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds how many passwords are checked at once. Each Argon2id check takes 19 MiB and about 100 ms
 * of a core; without a bound, a burst of sign-ins takes the server's memory and every core. A check
 * that finds no free slot within {@code patience} is not made. Thread-safe.
 */
final class PasswordChecks {

  private final Semaphore slots;
  private final Duration patience;

  PasswordChecks(int slots, Duration patience) {
    if (slots < 1) {
      throw new IllegalArgumentException("at least one password check at a time: " + slots);
    }
    this.slots = new Semaphore(slots, true);
    this.patience = patience;
  }

  /** As many checks at once as the machine has cores, from 1 to 4 (at most 76 MiB). */
  static PasswordChecks forThisMachine() {
    int cores = Runtime.getRuntime().availableProcessors();
    return new PasswordChecks(Math.max(1, Math.min(4, cores)), Duration.ofSeconds(2));
  }

  /** Takes a slot; false when none came free in time. Call {@link #done} after a true. */
  boolean start() {
    try {
      return slots.tryAcquire(patience.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  void done() {
    slots.release();
  }
}
