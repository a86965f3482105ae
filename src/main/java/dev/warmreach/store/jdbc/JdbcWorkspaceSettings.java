package dev.warmreach.store.jdbc;

import dev.warmreach.store.WorkspaceSettings;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Workspace settings in SQL, one JSON value per name, each encrypted (they hold passwords and
 * secrets) with the key kept outside the database. Thread-safe.
 */
final class JdbcWorkspaceSettings implements WorkspaceSettings {

  private final Transactions db;
  private final Clock clock;
  private final SecretsAtRest secrets;

  JdbcWorkspaceSettings(Transactions db, Clock clock, SecretsAtRest secrets) {
    this.db = db;
    this.clock = clock;
    this.secrets = secrets;
  }

  /**
   * Encrypts the values stored in plain text before secrets were encrypted; run once when the store
   * opens. A value another node sealed in the meantime is left as it is.
   */
  void sealPlainValues() {
    List<Map.Entry<String, String>> plain =
        db
            .read(
                h ->
                    h.createQuery("SELECT name, value FROM setting")
                        .map((rs, ctx) -> Map.entry(rs.getString("name"), rs.getString("value")))
                        .list())
            .stream()
            .filter(e -> !SecretsAtRest.isSealed(e.getValue()))
            .toList();
    for (Map.Entry<String, String> setting : plain) {
      db.run(
          h ->
              h.createUpdate(
                      "UPDATE setting SET value = :sealed WHERE name = :name AND value = :plain")
                  .bind("sealed", secrets.seal(setting.getKey(), setting.getValue()))
                  .bind("name", setting.getKey())
                  .bind("plain", setting.getValue())
                  .execute());
    }
  }

  @Override
  public Optional<String> setting(String name) {
    return db.read(
            h ->
                h.createQuery("SELECT value FROM setting WHERE name = :name")
                    .bind("name", name)
                    .mapTo(String.class)
                    .findOne())
        .map(stored -> secrets.open(name, stored));
  }

  @Override
  public void saveSetting(String name, String json) {
    db.run(
        h -> {
          h.createUpdate("DELETE FROM setting WHERE name = :name").bind("name", name).execute();
          h.createUpdate(
                  "INSERT INTO setting (name, value, updated_at) VALUES (:name, :value, :at)")
              .bind("name", name)
              .bind("value", secrets.seal(name, json))
              .bind("at", clock.instant())
              .execute();
        });
  }

  @Override
  public String settingIfAbsent(String name, String json) {
    String stored =
        db.write(
            h -> {
              h.createUpdate(
                      "INSERT INTO setting (name, value, updated_at) VALUES (:name, :value, :at)"
                          + " ON CONFLICT (name) DO NOTHING")
                  .bind("name", name)
                  .bind("value", secrets.seal(name, json))
                  .bind("at", clock.instant())
                  .execute();
              return h.createQuery("SELECT value FROM setting WHERE name = :name")
                  .bind("name", name)
                  .mapTo(String.class)
                  .one();
            });
    return secrets.open(name, stored);
  }

  @Override
  public boolean removeSetting(String name) {
    return db.write(
        h ->
            h.createUpdate("DELETE FROM setting WHERE name = :name").bind("name", name).execute()
                > 0);
  }
}
