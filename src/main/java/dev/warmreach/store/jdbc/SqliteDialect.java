package dev.warmreach.store.jdbc;

import dev.warmreach.domain.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The embedded default: one file, write-ahead log for readers alongside the writer, foreign keys
 * on; one writer at a time.
 */
final class SqliteDialect implements Dialect {

  private static final String PREFIX = "jdbc:sqlite:";

  static String urlOf(Path file) {
    return PREFIX + file.toAbsolutePath();
  }

  @Override
  public String name() {
    return "SQLite";
  }

  @Override
  public boolean accepts(String url) {
    return url.startsWith(PREFIX);
  }

  /**
   * Creates the folder of the database file (0700), so that a new home folder just works, and the
   * file itself empty and 0600 before SQLite opens it: SQLite gives its write-ahead log and shared
   * memory files the database file's permissions. Files made before are tightened to 0600.
   */
  @Override
  public void prepareUrl(String url) {
    String file = url.substring(PREFIX.length()).replaceFirst("\\?.*$", "");
    if (file.isEmpty() || file.equals(":memory:") || file.startsWith("file:")) {
      return;
    }
    Path database = Path.of(file).toAbsolutePath();
    Path parent = database.getParent();
    if (!Files.isDirectory(parent)) {
      OwnerOnly.folder(parent);
    }
    try {
      OwnerOnly.createFile(database);
    } catch (IOException e) {
      throw new UserError(
          "cannot create the database file "
              + database
              + " ("
              + e.getMessage()
              + "); choose a writable folder with --home or WARMREACH_HOME",
          e);
    }
    for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
      OwnerOnly.file(Path.of(database + suffix));
    }
  }

  /** Each connection's page cache, in KiB. */
  private static final int CACHE_KIB = 64 * 1024;

  @Override
  public DataSource dataSource(String url) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(10_000);
    // A catch-up transaction changes thousands of pages: with SQLite's default 2 MiB cache they
    // spilled to the log again and again (45 page writes per engine step at 10,000 prospects).
    // The cache fills only as far as a connection uses it.
    config.setCacheSize(-CACHE_KIB);
    // Each write inside a shared transaction has a savepoint, whose journal of changed pages went
    // to
    // a temporary file: 45 system calls per engine step. Kept in memory, it costs a copy.
    config.setTempStore(SQLiteConfig.TempStore.MEMORY);
    // A transaction that reads and then writes must hold the write lock from its start: otherwise
    // in WAL mode another writer (the scheduler's heartbeat) makes it fail with
    // SQLITE_BUSY_SNAPSHOT.
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    SQLiteDataSource dataSource = new SQLiteDataSource(config);
    dataSource.setUrl(url);
    return dataSource;
  }

  @Override
  public boolean singleWriter() {
    return true;
  }

  /** A write transaction is the only writer (the {@link WriteGate} and SQLite's own lock). */
  @Override
  public String lockingStepRows() {
    return "";
  }

  /** SQLite's {@code WITH} holds only a {@code SELECT}; its statements cost no round trip. */
  @Override
  public boolean writesInWith() {
    return false;
  }

  /** One writer at a time already. */
  @Override
  public Optional<String> runsTakeTurns() {
    return Optional.empty();
  }

  /** Few: writers take turns anyway, and readers in WAL mode need no more. */
  @Override
  public int poolSize() {
    return 4;
  }

  @Override
  public String identityColumn() {
    return "INTEGER PRIMARY KEY AUTOINCREMENT";
  }

  @Override
  public String timestampType() {
    return "TIMESTAMP";
  }

  @Override
  public String blobType() {
    return "BLOB";
  }
}
