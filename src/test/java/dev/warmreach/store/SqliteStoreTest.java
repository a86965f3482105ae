package dev.warmreach.store;

import static dev.warmreach.testing.AProspect.aProspect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.store.jdbc.JdbcStore;
import dev.warmreach.testing.SettableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded SQLite database. */
class SqliteStoreTest extends StoreContract {

  @TempDir Path home;

  @Override
  protected Store openStore(SettableClock clock) {
    return JdbcStore.openEmbedded(home, clock);
  }

  @Override
  public Store reopenStore(SettableClock clock) {
    return JdbcStore.openEmbedded(home, clock);
  }

  @Test
  void keepsItsFileInTheHomeFolderInWriteAheadLogMode() throws Exception {
    store.prospects().saveProspects(List.of(aProspect().build()));

    Path file = home.resolve("warmreach.db");
    assertThat(Files.exists(file)).isTrue();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        ResultSet rs = c.createStatement().executeQuery("PRAGMA journal_mode")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
    }
  }

  @Test
  void createsAMissingHomeFolder() {
    Path nested = home.resolve("a/b/c");

    try (Store created = JdbcStore.openEmbedded(nested, clock)) {
      assertThat(created.accounts().accounts()).isEmpty();
    }
    assertThat(Files.exists(nested.resolve("warmreach.db"))).isTrue();
  }
}
