package dev.warmreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.store.jdbc.JdbcStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --simulate} hears the simulated network's buying signals as the forecast does: with
 * them on, signal events are recorded and wake enrollments; with {@code --ignore-signals} the same
 * world records none.
 */
class DryRunSignalsTest {

  @TempDir Path home;

  @BeforeEach
  void aLaunchedCampaignOnTwentyProspects() throws Exception {
    List<String> sample = Files.readAllLines(Path.of("src/main/resources/sample/prospects.csv"));
    Path list = home.resolve("twenty.csv");
    Files.write(list, sample.subList(0, 21));
    cli("import", list.toString(), "--tag", "sample");
    cli(
        "accounts",
        "add",
        "sdr-1",
        "--plan",
        "SALES_NAVIGATOR",
        "--timezone",
        "UTC",
        "--hours",
        "Mon-Sun 00:00-23:59");
    cli("campaigns", "create", "dry", "--accounts", "sdr-1", "--tag", "sample");
    cli("campaigns", "launch", "dry");
  }

  @Test
  @Timeout(value = 170, unit = TimeUnit.SECONDS)
  void aDryRunWithSignalsRecordsThemAndWakesEnrollments() throws Exception {
    // when
    CliRun run = dryRun("--signals-per-month", "1");

    // then
    System.out.println(run.out);
    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.out).contains("1.0 buying signals a month").contains("Buying signals: ");
    long recorded = count("SELECT count(*) FROM prospect_event WHERE kind = 'SIGNAL'");
    long woke = count("SELECT count(*) FROM signal_feed WHERE outcome = 'ACTED'");
    long answered = count("SELECT count(*) FROM decision WHERE summary LIKE '%signal%'");
    System.out.println(
        "signal events " + recorded + ", woke an enrollment " + woke + ", decisions " + answered);
    assertThat(recorded).as("signal events recorded").isPositive();
    assertThat(count("SELECT count(*) FROM signal_feed")).isEqualTo(recorded);
    assertThat(woke).as("signals that woke an enrolled prospect").isPositive();
    assertThat(answered).as("decisions whose reasons name a signal").isPositive();
  }

  @Test
  @Timeout(value = 170, unit = TimeUnit.SECONDS)
  void theSameWorldWithSignalsIgnoredRecordsNone() throws Exception {
    // when
    CliRun run = dryRun("--signals-per-month", "1", "--ignore-signals");

    // then
    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.out).contains("which the engine ignores");
    assertThat(count("SELECT count(*) FROM prospect_event WHERE kind = 'SIGNAL'")).isZero();
    assertThat(count("SELECT count(*) FROM signal_feed")).isZero();
    assertThat(count("SELECT count(*) FROM touch WHERE status = 'DONE'"))
        .as("the campaign still ran")
        .isPositive();
  }

  @Test
  void signalOptionsNeedADryRun() {
    CliRun run = CliRun.in(home, "run", "--signals-per-month", "2");

    assertThat(run.exitCode).isNotZero();
    assertThat(run.err)
        .contains("--signals-per-month and --ignore-signals only work with --simulate");
  }

  private CliRun dryRun(String... options) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "run", "--simulate", "--speed", "10000000", "--until-done", "--poll", "PT0.1S"));
    args.addAll(List.of(options));
    return CliRun.in(home, args.toArray(String[]::new));
  }

  private void cli(String... args) {
    CliRun run = CliRun.in(home, args);
    assertThat(run.exitCode).as(run.toString()).isZero();
  }

  private long count(String sql) throws SQLException {
    try (JdbcStore store = JdbcStore.openEmbedded(home, Clock.systemUTC());
        Connection c = store.dataSource().getConnection();
        ResultSet rows = c.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
