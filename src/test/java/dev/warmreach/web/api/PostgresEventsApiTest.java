package dev.warmreach.web.api;

import dev.warmreach.testing.PostgresDatabase;
import dev.warmreach.web.ServerFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;

/**
 * The events API on PostgreSQL, in a schema of its own. Needs {@code WARMREACH_TEST_POSTGRES_URL};
 * skipped without it, except in CI where it must run.
 */
class PostgresEventsApiTest extends EventsApiContract {

  private PostgresDatabase database;

  @Override
  protected ServerFixture startServer(Path home) {
    database = PostgresDatabase.createSchema();
    return ServerFixture.start(home, database.url());
  }

  @AfterEach
  void dropSchema() {
    if (server != null) {
      server.close();
      server = null;
    }
    if (database != null) {
      database.close();
    }
  }
}
