package dev.warmreach.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.warmreach.definition.CampaignFile;
import dev.warmreach.definition.ScenarioFile;
import dev.warmreach.domain.ActivityLevel;
import dev.warmreach.domain.ConnectionDegree;
import dev.warmreach.domain.Plan;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.message.CampaignMessages;
import dev.warmreach.testing.Engines;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CancellationException;
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
  void whereThePlaybookIsWrongTheAdaptivePolicyLearnsItAndTheSameSeedRepeatsIt() {
    Scenario scenario =
        ScenarioFile.read(Path.of("examples/wrong-playbook/managers-answer-inmail.json"));

    ForecastResult playbook = new Forecast(scenario, Engines.COACH).run(Forecast.Progress.NONE);
    ForecastResult adaptive =
        new Forecast(scenario.withPolicy("adaptive"), Engines.COACH).run(Forecast.Progress.NONE);
    ForecastResult again =
        new Forecast(scenario.withPolicy("adaptive"), Engines.COACH).run(Forecast.Progress.NONE);
    ForecastResult oracle =
        new Forecast(scenario.withPolicy("oracle"), Engines.COACH).run(Forecast.Progress.NONE);

    long adaptiveReplies = adaptive.replies().get("total");
    assertThat(adaptiveReplies).isGreaterThan(playbook.replies().get("total") * 115 / 100);
    assertThat(adaptiveReplies).isGreaterThan(oracle.replies().get("total") * 90 / 100);
    assertThat(again.replies()).isEqualTo(adaptive.replies());
    assertThat(again.sent()).isEqualTo(adaptive.sent());
    for (ForecastResult r : List.of(playbook, adaptive, oracle)) {
      assertThat(r.violations().values()).as(r.policy()).containsOnly(0L);
    }
    assertThat(adaptive.decisions()).anyMatch(d -> d.contains("answer InMails"));
  }

  @Test
  void segmentsByTagAndDegreeLetTheAdaptivePolicyFindWhoAnswersInmails() {
    // 2nd-degree managers tagged fintech answer InMails and ignore requests; untagged 2nd-degree
    // and 3rd-degree fintech managers accept requests as the playbook expects.
    Scenario scenario =
        ScenarioFile.read(Path.of("examples/segments/fintech-2nd-degree-answer-inmail.json"));
    Scenario untagged = withoutTags(scenario);

    ForecastResult playbook = new Forecast(scenario, Engines.COACH).run(Forecast.Progress.NONE);
    ForecastResult adaptive =
        new Forecast(scenario.withPolicy("adaptive"), Engines.COACH).run(Forecast.Progress.NONE);
    ForecastResult blind =
        new Forecast(untagged.withPolicy("adaptive"), Engines.COACH).run(Forecast.Progress.NONE);

    long replies = adaptive.replies().get("total");
    System.out.printf(
        "playbook %d, adaptive %d, adaptive without tags %d%n",
        playbook.replies().get("total"), replies, blind.replies().get("total"));
    assertThat(replies).isGreaterThan(playbook.replies().get("total") * 115 / 100);
    assertThat(replies).isGreaterThan(blind.replies().get("total"));
    // The fintech managers' InMail answers earn back more of the credits spent.
    assertThat(adaptive.inmailCredits().refunded()).isGreaterThan(blind.inmailCredits().refunded());
    for (ForecastResult r : List.of(playbook, adaptive, blind)) {
      assertThat(r.violations().values()).as(r.policy()).containsOnly(0L);
    }
  }

  /** The same world, its prospects carrying no tag: the fintech managers look like the others. */
  private static Scenario withoutTags(Scenario scenario) {
    List<Scenario.Segment> segments =
        scenario.segments().stream()
            .map(
                s -> {
                  Scenario.ProspectShape p = s.prospect();
                  return new Scenario.Segment(
                      s.name(),
                      s.count(),
                      new Scenario.ProspectShape(
                          p.title(),
                          p.activity(),
                          p.hasEmail(),
                          p.highValue(),
                          p.openProfile(),
                          p.degree(),
                          p.doNotContact()),
                      s.truth());
                })
            .toList();
    return new Scenario(
        scenario.seed(),
        scenario.start(),
        scenario.weeks(),
        scenario.policy(),
        scenario.accounts(),
        segments,
        scenario.campaign());
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

  @Test
  void finishesWhenTheStartFallsBetweenTwoMilliseconds() {
    // given two prospects for one week, starting at a time read from a system clock
    Scenario scenario =
        twoProspectsForOneWeekFrom(Instant.parse("2026-12-02T05:30:40.123456789Z"), POST_DAILY);

    // when
    ForecastResult result =
        assertTimeoutPreemptively(
            Duration.ofSeconds(10),
            () -> new Forecast(scenario, Engines.COACH).run(Forecast.Progress.NONE));

    // then
    assertThat(result.prospects()).isEqualTo(2);
    // the second warm-up round falls on Saturday and waits for Monday: the requests go next week
    assertThat(result.sent().get("engage")).as("two warm-up rounds each").isEqualTo(4);
  }

  @Test
  void stopsWhenItsThreadIsInterrupted() {
    Scenario scenario = ScenarioFile.read(EXAMPLE);
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> new Forecast(scenario, Engines.COACH).run(Forecast.Progress.NONE))
          .isInstanceOf(CancellationException.class);
      assertThat(Thread.currentThread().isInterrupted()).as("still interrupted").isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void countsAWarmUpOnlyWhenThereWasAPostToEngageWith() {
    // given the same two prospects, once posting every day and once never posting
    Instant start = Instant.parse("2026-12-07T08:00:00Z");

    // when
    ForecastResult posting =
        new Forecast(twoProspectsForOneWeekFrom(start, POST_DAILY), Engines.COACH)
            .run(Forecast.Progress.NONE);
    ForecastResult silent =
        new Forecast(twoProspectsForOneWeekFrom(start, NEVER_POST), Engines.COACH)
            .run(Forecast.Progress.NONE);

    // then a warm-up is done only on a post, as a live run marks one without a post skipped
    assertThat(posting.sent().get("engage")).isEqualTo(4);
    assertThat(silent.sent().get("engage")).isZero();
    assertThat(silent.sent().get("connect")).isEqualTo(posting.sent().get("connect"));
  }

  /** The default truth with people who post this often per week. */
  private static Truth posting(double perWeek) {
    Truth d = Truth.DEFAULT;
    return new Truth(
        d.acceptBlank(),
        d.acceptNote(),
        d.warmMultiplier(),
        d.dmReply(),
        d.inmailReply(),
        d.inmailReplyGeneric(),
        d.emailReply(),
        d.declineShare(),
        d.medianAcceptDays(),
        perWeek,
        d.noteReply(),
        d.medianReplyDays());
  }

  private static final Truth POST_DAILY = posting(7);
  private static final Truth NEVER_POST = posting(0);

  private static Scenario twoProspectsForOneWeekFrom(Instant start, Truth truth) {
    SenderAccount account =
        SenderAccount.withPlanDefaults("sdr-1", Plan.SALES_NAVIGATOR, ZoneId.of("Europe/Berlin"));
    Scenario.ProspectShape shape =
        new Scenario.ProspectShape(
            "Sales Manager", ActivityLevel.HIGH, true, false, false, ConnectionDegree.UNKNOWN, 0.0);
    return new Scenario(
        1,
        start,
        1,
        "playbook",
        List.of(new Scenario.Account(account, false)),
        List.of(new Scenario.Segment("managers", 2, shape, truth)),
        CampaignFile.defaults());
  }
}
