package dev.warmreach.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.store.jdbc.JdbcStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * Workspace settings hold passwords and secrets: the database keeps them encrypted, and values
 * stored in plain text before are encrypted when the store opens.
 */
interface SecretsAtRestContract extends StoreFixture {

  String SMTP = "{\"host\":\"smtp.example.com\",\"password\":\"hunter2 is my smtp password\"}";

  @Test
  default void aSettingIsStoredEncryptedAndReadBackPlain() {
    store().settings().saveSetting("smtp", SMTP);

    assertThat(rawValue(store(), "smtp"))
        .startsWith("aes-gcm:v1:")
        .doesNotContain("hunter2")
        .doesNotContain("smtp.example.com");
    assertThat(store().settings().setting("smtp")).contains(SMTP);
    try (Store other = reopenStore(clock())) {
      assertThat(other.settings().setting("smtp")).contains(SMTP);
    }
  }

  @Test
  default void aSettingStoredInPlainTextBeforeIsEncryptedWhenTheStoreOpens() {
    execute(
        store(),
        "INSERT INTO setting (name, value, updated_at) VALUES ('webhook', ?, 0)",
        "{\"url\":\"https://hooks.example.com\",\"secret\":\"whsec_plain_secret_value_123\"}");

    try (Store other = reopenStore(clock())) {
      assertThat(rawValue(other, "webhook"))
          .startsWith("aes-gcm:v1:")
          .doesNotContain("whsec_plain");
      assertThat(other.settings().setting("webhook").orElseThrow())
          .contains("whsec_plain_secret_value_123");
    }
  }

  private static String rawValue(Store store, String name) {
    try (Connection c = ((JdbcStore) store).dataSource().getConnection();
        PreparedStatement s = c.prepareStatement("SELECT value FROM setting WHERE name = ?")) {
      s.setString(1, name);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void execute(Store store, String sql, String value) {
    try (Connection c = ((JdbcStore) store).dataSource().getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, value);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
