package dev.warmreach.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.store.jdbc.JdbcStore;
import dev.warmreach.testing.WarmreachProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code warmreach run} as a real process: SIGTERM stops it within seconds leaving nothing marked
 * running, and after a SIGKILL a restarted run picks its work up within seconds.
 */
class StopAndRestartTest {

  @TempDir Path home;

  @BeforeEach
  void aLaunchedCampaign() {
    cli("import", "src/main/resources/sample/prospects.csv", "--tag", "sample");
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
    cli("campaigns", "create", "stop-test", "--accounts", "sdr-1", "--tag", "sample");
    cli("campaigns", "launch", "stop-test");
  }

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void sigtermStopsARunWithinTenSecondsLeavingNothingPickedOrClaimed() throws Exception {
    // given a dry run busy with the campaign
    Process run = startRun(home.resolve("run.log"));
    awaitDeliveries(30, run);

    // when
    long began = System.nanoTime();
    run.destroy(); // SIGTERM
    boolean exited = run.waitFor(10, TimeUnit.SECONDS);
    Duration took = Duration.ofNanos(System.nanoTime() - began);
    if (!exited) {
      run.destroyForcibly().waitFor();
    }

    // then
    String log = Files.readString(home.resolve("run.log"));
    System.out.println("run stopped " + took.toMillis() + " ms after SIGTERM");
    assertThat(exited).as("stopped within 10 s of SIGTERM; log:%n%s", log).isTrue();
    assertThat(count("SELECT count(*) FROM scheduled_tasks WHERE picked"))
        .as("scheduler executions left picked")
        .isZero();
    assertThat(
            count("SELECT count(*) FROM touch WHERE status = 'PLANNED' AND claimed_by IS NOT NULL"))
        .as("planned touches left claimed")
        .isZero();
    assertThat(log).doesNotContain("ClosedByInterruptException").doesNotContain("Exception");
  }

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void aRunRestartedAfterSigkillDeliversAgainWithinSeconds() throws Exception {
    // given a dry run killed in the middle of the campaign
    long firstBegan = System.nanoTime();
    Process first = startRun(home.resolve("first.log"));
    awaitDeliveries(1, first);
    Duration fresh = Duration.ofNanos(System.nanoTime() - firstBegan);
    awaitDeliveries(30, first);
    first.destroyForcibly(); // SIGKILL: nothing is released
    first.waitFor();
    long before = deliveries();

    // when it is started again
    long began = System.nanoTime();
    Process second = startRun(home.resolve("second.log"));
    try {
      while (deliveries() == before
          && second.isAlive()
          && System.nanoTime() - began < TimeUnit.SECONDS.toNanos(60)) {
        Thread.sleep(20);
      }
      Duration took = Duration.ofNanos(System.nanoTime() - began);

      // then
      System.out.println(
          "restarted run delivered again "
              + took.toMillis()
              + " ms after start (a fresh run's first delivery: "
              + fresh.toMillis()
              + " ms)");
      assertThat(deliveries()).as("delivered after the restart").isGreaterThan(before);
      // About a fresh start (JVM, schema check, first pass), not the 30 s more it takes the
      // scheduler to find a dead node's execution: measured against the fresh run of the same
      // machine, so a loaded machine slows both alike.
      assertThat(took)
          .as("time to the first delivery after the restart (a fresh run's: %s)", fresh)
          .isLessThan(fresh.plusSeconds(10));
    } finally {
      second.destroy();
      second.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private void cli(String... args) {
    WarmreachProcess.cli(home, args);
  }

  private Process startRun(Path output) throws IOException {
    return WarmreachProcess.start(
        home, output, "run", "--simulate", "--speed", "20000", "--poll", "PT0.1S");
  }

  private void awaitDeliveries(long atLeast, Process run) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (deliveries() < atLeast && run.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(run.isAlive()).as("the run is still going").isTrue();
    assertThat(deliveries()).as("deliveries so far").isGreaterThanOrEqualTo(atLeast);
  }

  private long deliveries() throws IOException {
    Path log = home.resolve("simulated-deliveries.log");
    return Files.exists(log)
        ? Files.readAllLines(log).stream().filter(l -> l.startsWith("SENT ")).count()
        : 0;
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
