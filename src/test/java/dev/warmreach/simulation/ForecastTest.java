package dev.warmreach.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.definition.ScenarioFile;
import dev.warmreach.message.CampaignMessages;
import dev.warmreach.testing.Engines;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Forecasts of the example scenario reproduce SPEC §1's typical outcomes. */
class ForecastTest {

  private static final Path EXAMPLE = Path.of("examples/default.json");

  @Test
  void aPersonalisedPlaybookCampaignWithDefaultTruthFallsInsideTheTypicalRanges() {
    Scenario scenario = ScenarioFile.read(EXAMPLE);

    ForecastResult result = new Forecast(scenario, Engines.COACH).run(Forecast.Progress.NONE);

    assertThat(result.policy()).isEqualTo("playbook");
    assertThat(result.sent().get("connect")).isGreaterThan(1000);
    assertThat(result.rates().get("acceptance")).as("acceptance").isBetween(0.20, 0.40);
    assertThat(result.rates().get("inmailReply")).as("InMail reply").isBetween(0.10, 0.25);
    assertThat(result.rates().get("dmReply")).as("DM reply").isBetween(0.30, 0.50);
    assertThat(result.violations())
        .allSatisfy((limit, count) -> assertThat(count).as(limit).isZero());
  }

  @Test
  void genericTemplatesForecastTheGenericRatesOfSpecSection1() {
    Scenario personalised = ScenarioFile.read(EXAMPLE);
    Scenario generic = ScenarioFile.read(EXAMPLE.resolveSibling("default-generic.json"));

    ForecastResult good = new Forecast(personalised, Engines.COACH).run(Forecast.Progress.NONE);
    ForecastResult bad = new Forecast(generic, Engines.COACH).run(Forecast.Progress.NONE);

    assertThat(Engines.messages(generic.campaign()).reviews())
        .noneMatch(CampaignMessages.Judged::personalised);
    assertThat(Engines.messages(personalised.campaign()).reviews())
        .allMatch(CampaignMessages.Judged::personalised);
    assertThat(bad.rates().get("acceptance")).isBetween(0.08, 0.20);
    assertThat(bad.rates().get("inmailReply")).isBetween(0.0, 0.07);
    assertThat(bad.rates().get("dmReply")).isLessThan(good.rates().get("dmReply"));
    assertThat(bad.replies().get("total")).isLessThan(good.replies().get("total"));
    assertThat(bad.violations()).allSatisfy((limit, count) -> assertThat(count).isZero());
  }

  @Test
  void thePlaybookEarnsMoreRepliesThanConnectionRequestsAlone() {
    Scenario scenario = ScenarioFile.read(EXAMPLE);

    ForecastResult playbook = new Forecast(scenario, Engines.COACH).run(Forecast.Progress.NONE);
    ForecastResult connectOnly =
        new Forecast(scenario.withPolicy("connect-only"), Engines.COACH)
            .run(Forecast.Progress.NONE);

    assertThat(connectOnly.sent().get("inmail")).isZero();
    assertThat(connectOnly.sent().get("engage")).isZero();
    assertThat(playbook.replies().get("total")).isGreaterThan(connectOnly.replies().get("total"));
  }
}
