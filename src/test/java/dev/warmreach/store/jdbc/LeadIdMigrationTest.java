package dev.warmreach.store.jdbc;

import static dev.warmreach.testing.AProspect.aProspect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warmreach.domain.ProfileUrl;
import dev.warmreach.domain.ProspectProfile;
import dev.warmreach.store.ProspectQuery;
import dev.warmreach.store.Store;
import dev.warmreach.testing.PostgresDatabase;
import dev.warmreach.testing.SettableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upgrading to V23 on both databases: a Sales Navigator lead address an earlier import stored as
 * the profile URL becomes the lead id, a person known by a lead id alone may be stored, and one
 * with no way to reach them still may not. The database is made at V20 by Flyway, as a workspace of
 * the earlier release has it, then opened by Warmreach.
 */
class LeadIdMigrationTest {

  private static final SettableClock CLOCK =
      new SettableClock(Instant.parse("2026-03-02T09:00:00Z"));
  private static final SecretsAtRest SECRETS = SecretsAtRest.of(new byte[32]);
  private static final String LEAD = "https://www.linkedin.com/sales/lead/ACwAAD1vBn3Mq8WeRtYu5";

  @TempDir Path home;

  @Test
  void upgradesSqlite() throws Exception {
    Files.createDirectories(home);
    upgrades(Dialect.embeddedUrl(home));
  }

  @Test
  void upgradesPostgres() throws Exception {
    try (PostgresDatabase database = PostgresDatabase.createSchema()) {
      upgrades(database.url());
    }
  }

  private void upgrades(String url) throws Exception {
    Flyway.configure()
        .dataSource(url, null, null)
        .locations("classpath:db/migration")
        .placeholders(Dialect.forUrl(url).migrationPlaceholders())
        .target("20")
        .load()
        .migrate();
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO prospect (first_name, last_name, profile_url, email, title, seniority,"
              + " company, location, tags, search_text, activity, degree, open_profile,"
              + " do_not_contact, created_at, updated_at) VALUES ('Aiko', 'Tanaka', '"
              + LEAD
              + "', NULL, '', 'UNKNOWN', '', '', '', 'aiko tanaka', 'UNKNOWN', 'UNKNOWN', FALSE,"
              + " FALSE, 0, 0)");
    }

    try (Store store = JdbcStore.open(url, CLOCK, SECRETS)) {
      ProspectProfile aiko =
          store.prospects().prospectByUrl(ProfileUrl.of(LEAD)).orElseThrow().profile();
      assertThat(aiko.profileUrl()).isNull();
      assertThat(aiko.leadId()).isEqualTo("ACwAAD1vBn3Mq8WeRtYu5");

      store
          .prospects()
          .saveProspects(
              List.of(
                  aProspect()
                      .named("Ingrid", "Solberg")
                      .withoutProfile()
                      .lead("ACwAAB3k")
                      .build()));
      assertThat(store.prospects().countProspects(ProspectQuery.all(1))).isEqualTo(2);
    }
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      assertThatThrownBy(
              () ->
                  s.execute(
                      "INSERT INTO prospect (first_name, last_name, title, seniority, company,"
                          + " location, tags, search_text, activity, degree, open_profile,"
                          + " do_not_contact, created_at, updated_at) VALUES ('No', 'Way', '',"
                          + " 'UNKNOWN', '', '', '', '', 'UNKNOWN', 'UNKNOWN', FALSE, FALSE, 0, 0)"))
          .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("check"));
    }
  }
}
