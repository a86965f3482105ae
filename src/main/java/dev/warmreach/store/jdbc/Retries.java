package dev.warmreach.store.jdbc;

import dev.warmreach.store.StoreException;
import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Runs a write again when it lost a race ({@link LostRace}) to a concurrent writer, a bounded
 * number of times with a short random pause that grows, so that writers which collided spread out.
 * Where losing is a value (an engine step), callers do not use it; where the caller must see its
 * write land (an event reported over the API), they do.
 */
final class Retries {

  static final int ATTEMPTS = 30;
  private static final long FIRST_PAUSE_MICROS = 200;
  private static final long LONGEST_PAUSE_MICROS = 20_000;

  private Retries() {}

  static <T> T onLostRace(String what, Supplier<T> write) {
    long pause = FIRST_PAUSE_MICROS;
    for (int attempt = 1; ; attempt++) {
      try {
        return write.get();
      } catch (LostRace lost) {
        if (attempt == ATTEMPTS) {
          throw new StoreException(
              what + " lost to concurrent writers " + ATTEMPTS + " times; try again",
              new SQLTransactionRollbackException(lost.getMessage(), "40001"));
        }
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(pause / 2, pause + 1) * 1000);
        pause = Math.min(LONGEST_PAUSE_MICROS, pause * 2);
      }
    }
  }
}
