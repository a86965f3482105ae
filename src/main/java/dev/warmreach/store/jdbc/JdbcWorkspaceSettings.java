package dev.warmreach.store.jdbc;

import dev.warmreach.store.WorkspaceSettings;
import java.time.Clock;
import java.util.Optional;

/** Workspace settings in SQL, one JSON value per name. Thread-safe. */
final class JdbcWorkspaceSettings implements WorkspaceSettings {

  private final Transactions db;
  private final Clock clock;

  JdbcWorkspaceSettings(Transactions db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public Optional<String> setting(String name) {
    return db.read(
        h ->
            h.createQuery("SELECT value FROM setting WHERE name = :name")
                .bind("name", name)
                .mapTo(String.class)
                .findOne());
  }

  @Override
  public void saveSetting(String name, String json) {
    db.run(
        h -> {
          h.createUpdate("DELETE FROM setting WHERE name = :name").bind("name", name).execute();
          h.createUpdate(
                  "INSERT INTO setting (name, value, updated_at) VALUES (:name, :value, :at)")
              .bind("name", name)
              .bind("value", json)
              .bind("at", clock.instant())
              .execute();
        });
  }

  @Override
  public boolean removeSetting(String name) {
    return db.write(
        h ->
            h.createUpdate("DELETE FROM setting WHERE name = :name").bind("name", name).execute()
                > 0);
  }
}
