package dev.warmreach.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.Warmreach;
import dev.warmreach.domain.Touch;
import dev.warmreach.store.Operations;
import dev.warmreach.testing.ACampaign;
import dev.warmreach.testing.SettableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enrollments held back by an account's limits wait in its queue and are woken one at a time when
 * the account can act again, so the engine's work follows what is done, not how many wait.
 */
class HeldEnrollmentsWaitInTheirAccountsQueueTest {

  private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

  @TempDir Path dir;

  @Test
  void aWeekOfOneBusyAccountCostsWorkInProportionToWhatIsDoneNotToWhoWaits() {
    try (Warmreach app = Warmreach.builder().home(dir).clock(new SettableClock(START)).build()) {
      ACampaign.launched(app.store(), 400, START, "sdr-1");
      LiveEngine engine = engine(app);

      int work = engine.runUntil(START.plus(Duration.ofDays(7)));

      Operations operations = app.analytics().operations(START.plus(Duration.ofDays(7)));
      long finished =
          operations.touches().stream()
              .filter(t -> t.status() != Touch.Status.PLANNED)
              .mapToLong(Operations.TouchCount::count)
              .sum();
      // One account paces its actions over working days for 400 people (warm-ups alone fill 60 a
      // day, in two rounds each): looking at every waiting enrollment at every slot would take
      // hundreds of thousands of steps.
      assertThat(finished).as("touches carried out").isGreaterThanOrEqualTo(300);
      assertThat(work)
          .as("engine work for %d touches and 400 enrollments", finished)
          .isLessThan((int) (6 * (finished + 400)));
    }
  }

  @Test
  void aPassWithNothingDueDoesNoWork() {
    try (Warmreach app = Warmreach.builder().home(dir).clock(new SettableClock(START)).build()) {
      ACampaign.launched(app.store(), 200, START, "sdr-1");
      LiveEngine engine = engine(app);
      Instant monday = START.plus(Duration.ofHours(3));
      engine.runUntil(monday);

      // Everyone now waits: for the account's next slot, for an answer, or for a step's delay.
      assertThat(engine.runDue(monday)).isZero();
      assertThat(engine.runDue(monday)).isZero();
    }
  }

  private LiveEngine engine(Warmreach app) {
    return app.liveEngine(app.simulatedExecutor(7, dir.resolve("deliveries.log")), "node-test");
  }
}
