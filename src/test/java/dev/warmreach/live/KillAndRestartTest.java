package dev.warmreach.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.domain.Enrollment;
import dev.warmreach.domain.Touch;
import dev.warmreach.store.StoredCampaign;
import dev.warmreach.store.jdbc.JdbcStore;
import dev.warmreach.testing.WarmreachProcess;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live driver as a real process, killed with SIGKILL in the middle of a campaign and restarted:
 * no touch is sent twice and none is lost.
 */
class KillAndRestartTest {

  @TempDir Path home;

  private void cli(String... args) {
    WarmreachProcess.cli(home, args);
  }

  private Process startRun(Path output) throws IOException {
    return WarmreachProcess.start(
        home, output, "run", "--simulate", "--speed", "200000", "--until-done", "--poll", "PT0.1S");
  }

  private List<String> deliveries() throws IOException {
    Path log = home.resolve("simulated-deliveries.log");
    return Files.exists(log) ? Files.readAllLines(log) : List.of();
  }

  private long sent() throws IOException {
    return deliveries().stream().filter(l -> l.startsWith("SENT ")).count();
  }

  @Test
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  void aRunKilledMidCampaignRestartsWithoutSendingTwiceOrLosingATouch() throws Exception {
    Path sample = Path.of("src/main/resources/sample/prospects.csv");
    cli("import", sample.toString(), "--tag", "sample");
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
    cli(
        "accounts",
        "add",
        "sdr-2",
        "--plan",
        "PREMIUM",
        "--timezone",
        "Europe/Berlin",
        "--hours",
        "Mon-Sun 06:00-22:00");
    cli("campaigns", "create", "kill-test", "--accounts", "sdr-1,sdr-2", "--tag", "sample");
    cli("campaigns", "launch", "kill-test");

    Process first = startRun(home.resolve("first.log"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (sent() < 150 && first.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(first.isAlive()).as("the first run is still going when killed").isTrue();
    first.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
    first.waitFor();
    long sentBeforeKill = sent();

    Process second = startRun(home.resolve("second.log"));
    assertThat(second.waitFor(240, TimeUnit.SECONDS)).as("the restarted run finishes").isTrue();
    assertThat(second.exitValue()).as(Files.readString(home.resolve("second.log"))).isZero();

    List<String> lines = deliveries();
    Set<String> keys = new HashSet<>();
    List<String> sentTwice = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith("SENT ") && !keys.add(line.substring(5))) {
        sentTwice.add(line);
      }
    }
    try (JdbcStore store = JdbcStore.openEmbedded(home, Clock.systemUTC())) {
      StoredCampaign campaign = store.campaigns().campaign("kill-test").orElseThrow();
      List<Enrollment> enrollments =
          store.campaigns().enrollments(campaign.campaign().id(), 10_000);
      List<Touch> touches = new ArrayList<>();
      for (Enrollment e : enrollments) {
        touches.addAll(store.touches().touches(e.prospectId()));
      }
      // One touch per enrollment, step and round: the built-in warm-up runs two rounds, every
      // other step one. A step that planned again after the restart would show here.
      Map<String, Integer> perStep = new HashMap<>();
      for (Touch t : touches) {
        int times = perStep.merge(t.enrollmentId() + "/" + t.step(), 1, Integer::sum);
        assertThat(times)
            .as("touches of one enrollment and step: %s", t.idempotencyKey())
            .isLessThanOrEqualTo(t.step().equals("warm-up") ? 2 : 1);
      }
      assertThat(sentBeforeKill).as("killed in the middle").isPositive().isLessThan(keys.size());
      assertThat(sentTwice).as("touches delivered twice").isEmpty();
      assertThat(lines)
          .as("no touch handed to the network again (it is asked first)")
          .noneMatch(l -> l.startsWith("DUPLICATE "));
      assertThat(touches)
          .as("no touch left undone")
          .noneMatch(t -> t.status() == Touch.Status.PLANNED);
      assertThat(
              touches.stream()
                  .filter(t -> t.status() != Touch.Status.PLANNED)
                  .map(Touch::idempotencyKey))
          .as("every touch the store counts as carried out was delivered, and no other")
          .containsExactlyInAnyOrderElementsOf(keys);
      assertThat(enrollments).as("every prospect reached the end").noneMatch(Enrollment::isActive);
      System.out.printf(
          "Kill and restart: %d touches delivered before SIGKILL, %d in all over %d enrollments,"
              + " %d delivered twice, %d left planned%n",
          sentBeforeKill, keys.size(), enrollments.size(), sentTwice.size(), 0);
    }
    assertThat(new File(home.toFile(), "warmreach.db")).exists();
  }
}
