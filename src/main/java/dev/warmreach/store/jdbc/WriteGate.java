package dev.warmreach.store.jdbc;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Lets one write transaction at a time into a database that allows only one writer (SQLite).
 * Without it, concurrent writers of this process wait in SQLite's busy handler, which sleeps in
 * steps of 1 to 100 ms: under load that halves throughput and puts tens of milliseconds on the
 * slowest requests. A fair lock hands the database over at once, in arrival order. Other processes
 * on the same file still meet the busy timeout. Thread-safe.
 */
final class WriteGate {

  private final ReentrantLock lock;

  private WriteGate(ReentrantLock lock) {
    this.lock = lock;
  }

  static WriteGate forDialect(Dialect dialect) {
    return new WriteGate(dialect.singleWriter() ? new ReentrantLock(true) : null);
  }

  <T> T write(Supplier<T> transaction) {
    if (lock == null) {
      return transaction.get();
    }
    lock.lock();
    try {
      return transaction.get();
    } finally {
      lock.unlock();
    }
  }
}
