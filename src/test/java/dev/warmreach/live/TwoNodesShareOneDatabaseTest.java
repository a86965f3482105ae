package dev.warmreach.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.Warmreach;
import dev.warmreach.domain.Prospect;
import dev.warmreach.domain.Touch;
import dev.warmreach.execute.simulated.DeliveryLog;
import dev.warmreach.execute.simulated.SimulatedExecutor;
import dev.warmreach.simulation.Truth;
import dev.warmreach.store.ProspectQuery;
import dev.warmreach.testing.ACampaign;
import dev.warmreach.testing.Engines;
import dev.warmreach.testing.PostgresDatabase;
import dev.warmreach.testing.SettableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two live engines, each with its own connection pool, run one campaign on one PostgreSQL database
 * at the same time, as two nodes would: every touch is carried out by exactly one of them, and none
 * is lost.
 */
class TwoNodesShareOneDatabaseTest {

  private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
  private static final Duration TICK = Duration.ofMinutes(30);

  @TempDir Path dir;

  @Test
  void everyTouchIsCarriedOutOnceByOneNode() throws Exception {
    try (PostgresDatabase database = PostgresDatabase.createSchema();
        Warmreach first = node(database);
        Warmreach second = node(database)) {
      long campaign =
          ACampaign.launched(first.store(), 80, START, "sdr-1", "sdr-2").campaign().id();

      // Both nodes see the same time, as on one wall clock, and work at every tick at once.
      LiveEngine nodeA = engine(first, "node-a");
      LiveEngine nodeB = engine(second, "node-b");
      ExecutorService threads = Executors.newFixedThreadPool(2);
      int workA = 0;
      int workB = 0;
      for (Instant now = START; !now.isAfter(weeksLater(4)); now = now.plus(TICK)) {
        Instant at = now;
        Future<Integer> a = threads.submit(() -> nodeA.runUntilIdle(at));
        Future<Integer> b = threads.submit(() -> nodeB.runUntilIdle(at));
        workA += a.get(1, TimeUnit.MINUTES);
        workB += b.get(1, TimeUnit.MINUTES);
      }
      threads.shutdown();

      List<String> logA = Files.readAllLines(dir.resolve("node-a.log"));
      List<String> logB = Files.readAllLines(dir.resolve("node-b.log"));
      Set<String> sentA = sent(logA);
      Set<String> sentB = sent(logB);
      Set<String> done = new HashSet<>();
      for (Prospect p : first.store().prospects().prospects(ProspectQuery.all(1000))) {
        for (Touch t : first.store().touches().touches(p.id())) {
          assertThat(t.status()).as(t.toString()).isNotEqualTo(Touch.Status.PLANNED);
          done.add(t.idempotencyKey()); // done, or skipped (a warm-up that found no post)
        }
      }

      assertThat(workA).as("node a did work").isPositive();
      assertThat(workB).as("node b did work").isPositive();
      assertThat(logA).noneMatch(line -> line.startsWith("DUPLICATE"));
      assertThat(logB).noneMatch(line -> line.startsWith("DUPLICATE"));
      assertThat(sentA).as("carried out by both nodes").doesNotContainAnyElementsOf(sentB);
      Set<String> all = new HashSet<>(sentA);
      all.addAll(sentB);
      assertThat(all)
          .as("every touch carried out is finished, and every finished one was carried out")
          .isEqualTo(done);
      assertThat(done).hasSizeGreaterThan(80);
      assertThat(first.store().analytics().campaignStats(campaign).touches())
          .containsKey("CONNECT");
    }
  }

  private Warmreach node(PostgresDatabase database) {
    return Warmreach.builder()
        .home(dir)
        .database(database.url())
        .clock(new SettableClock(START))
        .build();
  }

  private LiveEngine engine(Warmreach app, String node) {
    return Engines.live(
        app.store(),
        new SimulatedExecutor(
            app.touches(),
            app.store().simulatedReactions(),
            7,
            Truth.DEFAULT,
            new DeliveryLog(dir.resolve(node + ".log"))),
        node);
  }

  private static Instant weeksLater(int weeks) {
    return START.plus(Duration.ofDays(7L * weeks));
  }

  private static Set<String> sent(List<String> log) {
    Set<String> keys = new HashSet<>();
    for (String line : log) {
      if (line.startsWith("SENT ")) {
        assertThat(keys.add(line.substring(5))).as("sent twice: " + line).isTrue();
      }
    }
    return keys;
  }
}
