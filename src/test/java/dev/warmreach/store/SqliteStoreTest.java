package dev.warmreach.store;

import static dev.warmreach.testing.AProspect.aProspect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warmreach.domain.UserError;
import dev.warmreach.store.jdbc.JdbcStore;
import dev.warmreach.testing.SettableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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

  @Test
  void theDataFolderIsItsOwnersAlone() throws Exception {
    Path fresh = home.resolve("fresh");

    try (Store created = JdbcStore.openEmbedded(fresh, clock)) {
      created.prospects().saveProspects(List.of(aProspect().build()));
      created.settings().saveSetting("smtp", "{\"password\":\"x\"}");

      assertThat(permissions(fresh)).isEqualTo("rwx------");
      for (String file :
          List.of("warmreach.db", "warmreach.db-wal", "warmreach.db-shm", "secret.key")) {
        assertThat(fresh.resolve(file)).as(file).exists();
        assertThat(permissions(fresh.resolve(file))).as(file).isEqualTo("rw-------");
      }
    }
  }

  @Test
  void looseFilesMadeBeforeAreTightenedAtStart() throws Exception {
    store.settings().saveSetting("smtp", "{\"password\":\"x\"}");
    store.close();
    Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
    for (String file : List.of("warmreach.db", "secret.key")) {
      Files.setPosixFilePermissions(
          home.resolve(file), PosixFilePermissions.fromString("rw-r--r--"));
    }

    store = reopenStore(clock);

    assertThat(store.settings().setting("smtp")).isPresent();
    assertThat(permissions(home)).isEqualTo("rwx------");
    assertThat(permissions(home.resolve("warmreach.db"))).isEqualTo("rw-------");
    assertThat(permissions(home.resolve("secret.key"))).isEqualTo("rw-------");
  }

  @Test
  void secretsAreReadWithTheKeyFileTheyWereSealedWith() throws Exception {
    store.settings().saveSetting("smtp", "{\"password\":\"x\"}");
    store.close();
    Files.delete(home.resolve("secret.key"));

    store = reopenStore(clock);

    assertThatThrownBy(() -> store.settings().setting("smtp"))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("encrypted with another key")
        .hasMessageContaining("secret.key");
  }

  private static String permissions(Path path) throws java.io.IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}
