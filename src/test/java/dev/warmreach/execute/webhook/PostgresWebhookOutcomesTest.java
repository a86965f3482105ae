package dev.warmreach.execute.webhook;

import dev.warmreach.store.Store;
import dev.warmreach.store.jdbc.JdbcStore;
import dev.warmreach.store.jdbc.SecretsAtRest;
import dev.warmreach.testing.PostgresDatabase;
import dev.warmreach.testing.SettableClock;
import java.nio.file.Path;

/**
 * The outcomes the webhook posts, on PostgreSQL. Needs {@code WARMREACH_TEST_POSTGRES_URL}; skipped
 * without it, except in CI.
 */
class PostgresWebhookOutcomesTest extends WebhookOutcomesTest {

  @Override
  Store openStore(Path home, SettableClock clock) {
    return JdbcStore.open(
        PostgresDatabase.createSchema().url(), clock, SecretsAtRest.of(new byte[32]));
  }
}
