package dev.warmreach.store;

import dev.warmreach.store.jdbc.JdbcStore;
import dev.warmreach.store.jdbc.SecretsAtRest;
import dev.warmreach.testing.PostgresDatabase;
import dev.warmreach.testing.SettableClock;
import org.junit.jupiter.api.AfterEach;

/**
 * The store contract on PostgreSQL, each test in a schema of its own. Needs {@code
 * WARMREACH_TEST_POSTGRES_URL}; skipped without it, except in CI where it must run.
 */
class PostgresStoreTest extends StoreContract {

  private static final SecretsAtRest SECRETS = SecretsAtRest.of(new byte[32]);

  private PostgresDatabase database;

  @Override
  protected Store openStore(SettableClock clock) {
    database = PostgresDatabase.createSchema();
    return JdbcStore.open(database.url(), clock, SECRETS);
  }

  @Override
  public Store reopenStore(SettableClock clock) {
    return JdbcStore.open(database.url(), clock, SECRETS);
  }

  @AfterEach
  void dropSchema() {
    if (database != null) {
      database.close();
    }
  }
}
