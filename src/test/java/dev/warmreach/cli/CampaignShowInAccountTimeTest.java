package dev.warmreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.store.jdbc.JdbcStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code campaigns show} lists the latest decisions as the plan does: a stored wait, kept in UTC,
 * is told on the clock of the account that enrollment sends from.
 */
class CampaignShowInAccountTimeTest {

  @TempDir Path home;

  @Test
  void aStoredWaitIsShownOnTheSenderAccountsClock() throws Exception {
    Path csv = home.resolve("leads.csv");
    Files.writeString(
        csv,
        """
        First Name,Last Name,Title,Company,LinkedIn URL
        Sam,Reyes,Head of Sales,Orbe,https://www.linkedin.com/in/sam-reyes
        """);
    cli("import", csv.toString());
    cli("accounts", "add", "sdr-ny", "--plan", "sales_navigator", "--timezone", "America/New_York");
    cli("campaigns", "create", "q1", "--accounts", "sdr-ny");
    cli("campaigns", "launch", "q1");
    try (JdbcStore store = JdbcStore.openEmbedded(home, Clock.systemUTC());
        Connection c = store.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO decision (enrollment_id, prospect_id, step, kind, summary, decided_at)"
              + " SELECT id, prospect_id, 'connect', 'WAIT',"
              + " 'Wait until 2026-03-03T14:00:00Z: waiting until they accept or decline', 0"
              + " FROM enrollment");
    }

    CliRun show = CliRun.in(home, "campaigns", "show", "q1");

    assertThat(show.exitCode).as(show.toString()).isZero();
    assertThat(show.out)
        .contains(
            "at connect: Wait until Tue 3 Mar 2026, 09:00 (America/New_York):"
                + " waiting until they accept or decline")
        .doesNotContain("2026-03-03T14:00:00Z");
  }

  private void cli(String... args) {
    CliRun run = CliRun.in(home, args);
    assertThat(run.exitCode).as(run.toString()).isZero();
  }
}
