package dev.warmreach.store.jdbc;

import dev.warmreach.domain.UserError;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * What differs between the databases Warmreach runs on, kept in one small seam so that the store
 * itself has one code path: the store asks a dialect what it can do instead of asking which
 * database it is. Chosen from the JDBC URL.
 */
sealed interface Dialect permits SqliteDialect, PostgresDialect {

  /** A short name for messages, e.g. {@code SQLite}. */
  String name();

  /** Whether {@code url} names a database of this kind. */
  boolean accepts(String url);

  /** Gets ready to open {@code url}, e.g. by creating the folder its file lives in. */
  void prepareUrl(String url);

  /** A data source for {@code url}, with the settings this database needs. */
  DataSource dataSource(String url);

  /**
   * Whether the database lets only one transaction write at a time, so that the writers of this
   * process should take turns before they start (see {@link WriteGate}).
   */
  boolean singleWriter();

  /**
   * A statement that makes a transaction wait until no other transaction on the database runs a run
   * of steps ({@link Transactions#together}), held until it ends; empty where writers take turns
   * anyway. Runs of many steps on two nodes at once would lock the same rows in different orders
   * and deadlock.
   */
  Optional<String> runsTakeTurns();

  /**
   * What ends a read of an engine step's enrollment, prospect history and account state so that no
   * other transaction can change them before the step writes ({@code FOR UPDATE}); empty where a
   * write transaction has the database to itself. A step's checks then hold when it writes, and it
   * needs no savepoint.
   */
  String lockingStepRows();

  /**
   * Whether a {@code WITH} clause may hold {@code UPDATE}s, so that writes to several tables go in
   * one statement (one round trip where each statement is one).
   */
  boolean writesInWith();

  /** How many pooled connections are worth keeping open. */
  int poolSize();

  /** The column type of a generated numeric primary key. */
  String identityColumn();

  /** The column type of a point in time where a migration keeps one as a timestamp. */
  String timestampType();

  /** The column type of a byte string. */
  String blobType();

  /** Values for the {@code ${…}} placeholders in the shared Flyway migrations. */
  default Map<String, String> migrationPlaceholders() {
    return Map.of(
        "id_column", identityColumn(),
        "timestamp_type", timestampType(),
        "blob_type", blobType(),
        "restart_delivery_ids", restartIdentity("delivery"));
  }

  /**
   * A statement that moves a table's identity on past the ids copied into it (a migration that
   * rebuilds a table keeps its ids); a no-op statement where the database does that by itself.
   */
  default String restartIdentity(String table) {
    return "SELECT 1;";
  }

  /** The dialect for a JDBC URL, or a user error naming the URLs Warmreach understands. */
  static Dialect forUrl(String url) {
    for (Dialect dialect : List.of(new SqliteDialect(), new PostgresDialect())) {
      if (dialect.accepts(url)) {
        return dialect;
      }
    }
    throw new UserError(
        "--db '"
            + DatabaseUrls.shown(url)
            + "' is not a database Warmreach supports; use jdbc:sqlite:FILE or"
            + " jdbc:postgresql://HOST:PORT/DATABASE");
  }

  /** The JDBC URL of the embedded database kept in {@code home}. */
  static String embeddedUrl(Path home) {
    return SqliteDialect.urlOf(home.resolve("warmreach.db"));
  }
}
