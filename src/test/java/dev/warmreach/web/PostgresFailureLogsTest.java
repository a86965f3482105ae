package dev.warmreach.web;

import dev.warmreach.testing.PostgresDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * Database failures' logs on PostgreSQL, whose errors quote the refused row unless told not to.
 * Needs {@code WARMREACH_TEST_POSTGRES_URL}; skipped without it, except in CI.
 */
class PostgresFailureLogsTest extends FailureLogsContract {

  private PostgresDatabase database;

  @Override
  protected ServerFixture startServer(Path home) {
    database = PostgresDatabase.createSchema();
    return ServerFixture.start(home, database.url());
  }

  @Override
  protected List<String> refuseInserts(String table) {
    return List.of(
        "ALTER TABLE " + table + " ADD CONSTRAINT refuse_" + table + " CHECK (false) NOT VALID");
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    if (database != null) {
      database.close();
    }
  }
}
