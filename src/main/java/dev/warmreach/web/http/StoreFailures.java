package dev.warmreach.web.http;

import dev.warmreach.store.StoreException;
import java.sql.SQLException;
import java.sql.SQLTransientException;

/**
 * What a client is told when the database failed: a lost or refused connection, or a transaction
 * the database gave up under contention, is temporary (503 with {@code Retry-After}; a retry is
 * safe, since events and touches are keyed); anything else is the server's own failure (500).
 */
public final class StoreFailures {

  /** How long a client should wait before it tries again. */
  public static final String RETRY_AFTER_SECONDS = "5";

  private StoreFailures() {}

  /** The problem answering {@code failure}. */
  public static Problem problem(StoreException failure) {
    if (isTemporary(failure)) {
      return ProblemException.problem(
          "database-unavailable",
          "Database unavailable",
          503,
          "the database could not be reached or was too busy; nothing of this request was"
              + " stored twice, so send it again in "
              + RETRY_AFTER_SECONDS
              + " s (events already stored are answered as duplicates)");
    }
    return ProblemException.problem(
        "internal", "Internal server error", 500, "the server failed; the log has the details");
  }

  /** Whether the failure came from the connection or from contention, not from the request. */
  static boolean isTemporary(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientException) {
        return true; // a pool that gave no connection in time, a rolled-back transaction
      }
      if (t instanceof SQLException sql && isTemporary(sql)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isTemporary(SQLException e) {
    String state = e.getSQLState();
    if (state != null) {
      // 08: connection exceptions; 57P01-03: the server shut down or is starting; 53: out of
      // resources (too many connections); 40001/40P01: serialization failure, deadlock.
      if (state.startsWith("08")
          || state.startsWith("57P0")
          || state.startsWith("53")
          || state.equals("40001")
          || state.equals("40P01")) {
        return true;
      }
    }
    String message = e.getMessage() == null ? "" : e.getMessage();
    // SQLite: another process holds the write lock past the busy timeout.
    return message.contains("SQLITE_BUSY") || message.contains("database is locked");
  }
}
