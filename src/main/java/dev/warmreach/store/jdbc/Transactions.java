package dev.warmreach.store.jdbc;

import dev.warmreach.store.StoreException;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * How every part of the JDBC store reaches the database: a write is one transaction, let in through
 * the {@link WriteGate} where the database has a single writer; a read runs on a pooled handle.
 * Failures of the database become {@link StoreException}s; a {@link LostRace} passes through, for
 * the caller to turn into a value. Thread-safe.
 */
final class Transactions {

  private final Jdbi jdbi;
  private final WriteGate writes;

  Transactions(Jdbi jdbi, WriteGate writes) {
    this.jdbi = jdbi;
    this.writes = writes;
  }

  /** Runs {@code work} in one write transaction and returns its result. */
  <T> T write(HandleCallback<T, RuntimeException> work) {
    try {
      return writes.write(() -> jdbi.inTransaction(work));
    } catch (JdbiException e) {
      if (e.getCause() instanceof LostRace lost) {
        throw lost;
      }
      throw new StoreException("the database refused a write: " + e.getMessage(), e);
    }
  }

  /** Runs {@code work} in one write transaction. */
  void run(HandleConsumer<RuntimeException> work) {
    write(
        h -> {
          work.useHandle(h);
          return null;
        });
  }

  /** Runs {@code work} on a handle of its own, outside any write transaction. */
  <T> T read(HandleCallback<T, RuntimeException> work) {
    try {
      return jdbi.withHandle(work);
    } catch (JdbiException e) {
      throw new StoreException("the database could not be read: " + e.getMessage(), e);
    }
  }
}
