package dev.warmreach.live;

import dev.warmreach.Warmreach;
import dev.warmreach.testing.PostgresDatabase;
import dev.warmreach.testing.SettableClock;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;

/**
 * Signals jump the account's queue on PostgreSQL, in a schema of its own. Needs {@code
 * WARMREACH_TEST_POSTGRES_URL}; skipped without it, except in CI where it must run.
 */
class PostgresSignalsJumpTheQueueTest extends SignalsJumpTheQueueContract {

  private PostgresDatabase database;

  @Override
  protected Warmreach app(Path home, SettableClock clock) {
    database = PostgresDatabase.createSchema();
    return Warmreach.builder().home(home).database(database.url()).clock(clock).build();
  }

  @AfterEach
  void dropSchema() {
    if (database != null) {
      database.close();
    }
  }
}
