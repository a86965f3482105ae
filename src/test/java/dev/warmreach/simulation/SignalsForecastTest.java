package dev.warmreach.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.definition.ScenarioFile;
import dev.warmreach.domain.Event;
import dev.warmreach.testing.Engines;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The forecast models buying signals (SPEC §6): the simulated network emits them as signal events,
 * touches soon after one do better, and an engine that acts on them earns clearly more replies than
 * the same world run blind, when one account cannot reach everyone — inside every limit.
 */
class SignalsForecastTest {

  private static final Path EXAMPLE = Path.of("examples/signals.json");

  @Test
  void actingOnSignalsEarnsClearlyMoreRepliesThanTheSameWorldRunBlind() {
    Scenario scenario = ScenarioFile.read(EXAMPLE);
    System.out.println("SignalsForecastTest seed " + scenario.seed());

    ForecastResult acting =
        new Forecast(scenario, Engines.COACH, false).run(Forecast.Progress.NONE);
    ForecastResult blind = new Forecast(scenario, Engines.COACH, true).run(Forecast.Progress.NONE);

    assertThat(blind.sent().get("connect"))
        .as("one account cannot send everyone a request in the run")
        .isLessThan(scenario.prospects());
    assertThat(acting.signals().seen()).isPositive().isEqualTo(blind.signals().seen());
    assertThat(acting.signals().actedOn()).isGreaterThan(2 * blind.signals().actedOn());
    assertThat((double) acting.replies().get("total"))
        .as("replies acting on signals vs blind")
        .isGreaterThan(1.3 * blind.replies().get("total"));
    assertThat(acting.totalViolations()).isZero();
    assertThat(blind.totalViolations()).isZero();
  }

  @Test
  void withoutSignalsInTheScenarioNobodySignals() {
    ForecastResult result =
        new Forecast(ScenarioFile.read(Path.of("examples/default.json")), Engines.COACH)
            .run(Forecast.Progress.NONE);

    assertThat(result.signals()).isEqualTo(new ForecastResult.Signals(0, 0));
  }

  @Test
  void theNetworksSignalsAreTheSameForTheSameSeedAndComeAsOftenAsTheTruthSays() {
    Truth truth = Truth.DEFAULT.withSignals(2.0, 2.0, 7);
    Instant start = Instant.parse("2026-01-05T08:00:00Z");
    Instant end = start.plus(Duration.ofDays(300));
    long total = 0;
    for (int i = 0; i < 200; i++) {
      List<Event.Signal> signals = new SimulatedNetwork(5).signals(i, truth, start, end);
      assertThat(signals).isEqualTo(new SimulatedNetwork(5).signals(i, truth, start, end));
      assertThat(signals).allSatisfy(s -> assertThat(s.at()).isBetween(start, end));
      total += signals.size();
    }
    // 2 a month over 10 months for 200 people: about 4,000.
    assertThat(total).isBetween(3600L, 4400L);
  }
}
