package dev.warmreach.store.jdbc;

import java.util.Map;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The embedded default: one file, write-ahead log for readers alongside the writer, foreign keys
 * on.
 */
final class SqliteDialect implements Dialect {

  @Override
  public String name() {
    return "SQLite";
  }

  @Override
  public Map<String, String> migrationPlaceholders() {
    return Map.of(
        "id_column", "INTEGER PRIMARY KEY AUTOINCREMENT",
        "timestamp_type", "TIMESTAMP",
        "blob_type", "BLOB");
  }

  @Override
  public DataSource dataSource(String url) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(10_000);
    // A transaction that reads and then writes must hold the write lock from its start: otherwise
    // in WAL mode another writer (the scheduler's heartbeat) makes it fail with
    // SQLITE_BUSY_SNAPSHOT.
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    SQLiteDataSource dataSource = new SQLiteDataSource(config);
    dataSource.setUrl(url);
    return dataSource;
  }
}
