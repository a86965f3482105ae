package dev.warmreach.store.jdbc;

import dev.warmreach.store.StoreException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * How every part of the JDBC store reaches the database: a write is one transaction, let in through
 * the {@link WriteGate} where the database has a single writer; a read runs on a pooled handle.
 * Inside {@link #together} a thread's writes and reads share one transaction instead, each write in
 * a savepoint of its own. Failures of the database become {@link StoreException}s; a {@link
 * LostRace} passes through, for the caller to turn into a value. Thread-safe.
 */
final class Transactions {

  private final Jdbi jdbi;
  private final WriteGate writes;

  /** The handle of the transaction this thread runs {@link #together}, if any. */
  private final ThreadLocal<Handle> shared = new ThreadLocal<>();

  private final AtomicLong savepoints = new AtomicLong();

  private final Optional<String> runsTakeTurns;

  Transactions(Jdbi jdbi, WriteGate writes, Optional<String> runsTakeTurns) {
    this.jdbi = jdbi;
    this.writes = writes;
    this.runsTakeTurns = runsTakeTurns;
  }

  /**
   * Runs {@code work} with every write and read this thread makes through this object in one
   * transaction: what it does lands together, at the cost of one commit, or not at all if it
   * throws. A write inside that fails is undone alone (a savepoint) before its exception reaches
   * the caller, as if it had been a transaction of its own. Within an outer call, just runs {@code
   * work}.
   */
  <T> T together(Supplier<T> work) {
    if (shared.get() != null) {
      return work.get();
    }
    return write(
        h -> {
          runsTakeTurns.ifPresent(sql -> h.createQuery(sql).mapToMap().list());
          shared.set(h);
          WriteBehind behind = WriteBehind.begin(h);
          try {
            T result = work.get();
            behind.flush();
            return result;
          } finally {
            behind.end();
            shared.remove();
          }
        });
  }

  /** Whether this thread runs {@link #together}: its writes then share one transaction. */
  boolean inRun() {
    return shared.get() != null;
  }

  /** Runs {@code work} in one write transaction and returns its result. */
  <T> T write(HandleCallback<T, RuntimeException> work) {
    Handle outer = shared.get();
    if (outer != null) {
      return inSavepoint(outer, work);
    }
    try {
      return writes.write(() -> jdbi.inTransaction(work));
    } catch (JdbiException e) {
      if (e.getCause() instanceof LostRace lost) {
        throw lost;
      }
      throw new StoreException("the database refused a write: " + e.getMessage(), e);
    }
  }

  /**
   * As {@link #write}, for a write that cannot fail half way: it makes its checks before it writes
   * (a lost race leaves nothing written) or is a single statement. Inside {@link #together} it
   * therefore needs no savepoint of its own, which on PostgreSQL is two round trips; a database
   * error there, which nothing expects, ends the whole shared transaction instead of this write.
   * Should {@code work} call other writes of the store, a savepoint is taken at the first of them
   * and undoes them with this write if it fails, so write nothing before them.
   */
  <T> T writeAtOnce(HandleCallback<T, RuntimeException> work) {
    Handle outer = shared.get();
    if (outer == null) {
      return write(work);
    }
    if (atOnce.get() != null) {
      return work.withHandle(outer);
    }
    AtOnce mine = new AtOnce();
    atOnce.set(mine);
    WriteBehind.Mark held = heldMark();
    try {
      T result = work.withHandle(outer);
      if (mine.savepoint != null) {
        outer.releaseSavepoint(mine.savepoint);
      }
      return result;
    } catch (RuntimeException e) {
      if (mine.savepoint != null) {
        outer.rollbackToSavepoint(mine.savepoint);
      }
      undoHeld(held);
      throw translated(e);
    } finally {
      atOnce.remove();
    }
  }

  /** The at-once write this thread runs inside {@link #together}, if any. */
  private final ThreadLocal<AtOnce> atOnce = new ThreadLocal<>();

  /** The savepoint an at-once write took when it called another write, if it did. */
  private static final class AtOnce {
    String savepoint;
  }

  private static RuntimeException translated(RuntimeException e) {
    if (e.getCause() instanceof LostRace lost) {
      return lost;
    }
    if (e instanceof JdbiException) {
      return new StoreException("the database refused a write: " + e.getMessage(), e);
    }
    return e;
  }

  private <T> T inSavepoint(Handle h, HandleCallback<T, RuntimeException> work) {
    // Named apart: a write may run inside another (an event recorded within a step).
    AtOnce enclosing = atOnce.get();
    if (enclosing != null && enclosing.savepoint == null) {
      enclosing.savepoint = "write_" + savepoints.incrementAndGet();
      h.savepoint(enclosing.savepoint);
    }
    String savepoint = "write_" + savepoints.incrementAndGet();
    h.savepoint(savepoint);
    WriteBehind.Mark held = heldMark();
    T result;
    try {
      result = work.withHandle(h);
    } catch (RuntimeException e) {
      h.rollbackToSavepoint(savepoint);
      undoHeld(held);
      if (e.getCause() instanceof LostRace lost) {
        throw lost;
      }
      if (e instanceof JdbiException) {
        throw new StoreException("the database refused a write: " + e.getMessage(), e);
      }
      throw e;
    }
    h.releaseSavepoint(savepoint);
    return result;
  }

  private static WriteBehind.Mark heldMark() {
    WriteBehind behind = WriteBehind.current();
    return behind == null ? null : behind.mark();
  }

  /** A write undone alone takes back the writes it held for the commit. */
  private static void undoHeld(WriteBehind.Mark mark) {
    WriteBehind behind = WriteBehind.current();
    if (behind != null && mark != null) {
      behind.undoTo(mark);
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

  /**
   * Runs {@code work} on a handle of its own, outside any write transaction; inside {@link
   * #together}, in its transaction, so that it sees what was written there.
   */
  <T> T read(HandleCallback<T, RuntimeException> work) {
    Handle outer = shared.get();
    try {
      return outer != null ? work.withHandle(outer) : jdbi.withHandle(work);
    } catch (JdbiException e) {
      throw new StoreException("the database could not be read: " + e.getMessage(), e);
    }
  }
}
