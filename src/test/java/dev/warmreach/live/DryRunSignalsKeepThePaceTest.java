package dev.warmreach.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.Warmreach;
import dev.warmreach.domain.Touch;
import dev.warmreach.execute.simulated.SimulatedSignals;
import dev.warmreach.store.ProspectQuery;
import dev.warmreach.testing.ACampaign;
import dev.warmreach.testing.SettableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dry run's clock and its simulated signals fall at any instant, to the nanosecond, while the
 * store keeps milliseconds. An account that acted at such an instant was free again a fraction of a
 * millisecond after the time its queue was stored to wake: the run woke the same held prospect at
 * that time over and over, gave up on it, and jumped to the end of its run (in {@code run
 * --simulate --until-done --signals-per-month 1} on 300 prospects, from December to March with
 * nothing done). Every day of the week must see its work done.
 */
class DryRunSignalsKeepThePaceTest {

  // Monday 2026-03-02, 09:00 in Berlin, where the account works Mon-Fri 09:00-17:30.
  private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
  // A dry run's timeline starts when it was first run: at no whole millisecond.
  private static final Instant DRY_RUN_FROM = START.plusNanos(123_456_789);
  private static final Instant FRIDAY_NIGHT = Instant.parse("2026-03-06T21:00:00.987654321Z");

  @TempDir Path dir;

  @Test
  void aDryRunHearingSignalsWorksEveryDayOfTheWeek() {
    try (Warmreach app = Warmreach.builder().home(dir).clock(new SettableClock(START)).build()) {
      // given a campaign over 100 prospects on one account, whose people signal often
      ACampaign.launched(app.store(), 100, START, "sdr-1");
      SimulatedSignals signals = app.simulatedSignals(7, 20, DRY_RUN_FROM, true);
      LiveEngine engine =
          app.liveEngine(
              app.simulatedExecutor(7, dir.resolve("deliveries.log"), signals),
              "node-test",
              signals);

      // when the week runs in one go, as a dry run catches up
      engine.runUntil(FRIDAY_NIGHT);

      // then each working day has its share of the work, in order
      Map<LocalDate, Long> perDay = new TreeMap<>(doneByDay(app));
      System.out.println("touches done per day " + perDay + ", " + engine.stepsTaken() + " steps");
      assertThat(signals.summary()).doesNotStartWith("0 heard");
      assertThat(perDay.keySet())
          .as("days with touches done")
          .containsExactly(
              LocalDate.parse("2026-03-02"),
              LocalDate.parse("2026-03-03"),
              LocalDate.parse("2026-03-04"),
              LocalDate.parse("2026-03-05"),
              LocalDate.parse("2026-03-06"));
      assertThat(engine.stepsTaken())
          .as("engine steps: a look at each due enrollment, not 1,000 at one instant")
          .isLessThan(1_000);
    }
  }

  private static Map<LocalDate, Long> doneByDay(Warmreach app) {
    List<Touch> done =
        app.prospects().prospects(new ProspectQuery(null, null, null, 100, 0)).stream()
            .flatMap(p -> app.touches().touches(p.id()).stream())
            .filter(t -> t.doneAt() != null)
            .toList();
    return done.stream()
        .collect(
            Collectors.groupingBy(
                t -> LocalDate.ofInstant(t.doneAt(), ZoneOffset.UTC), Collectors.counting()));
  }
}
