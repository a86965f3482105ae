package dev.warmreach.store;

import dev.warmreach.store.jdbc.JdbcStore;
import dev.warmreach.testing.SettableClock;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** A campaign's running totals on the embedded SQLite database. */
class SqliteCampaignTotalsTest extends CampaignTotalsContract {

  @TempDir Path home;

  @Override
  protected Store openStore(SettableClock clock) {
    return JdbcStore.openEmbedded(home, clock);
  }

  @Override
  protected Store reopenStore(SettableClock clock) {
    return JdbcStore.openEmbedded(home, clock);
  }
}
