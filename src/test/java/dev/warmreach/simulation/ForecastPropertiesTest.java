package dev.warmreach.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.definition.CampaignFile;
import dev.warmreach.domain.ActivityLevel;
import dev.warmreach.domain.ConnectionDegree;
import dev.warmreach.domain.Plan;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.testing.Engines;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of whole forecasts over small random worlds: whatever the accounts, prospects, truth
 * and policy, no limit is broken and the counts add up. A failure names its seed; {@code
 * scenario(seed)} rebuilds the world.
 */
class ForecastPropertiesTest {

  private static final List<String> POLICIES = List.of("playbook", "connect-only", "inmail-first");

  private static final List<String> TITLES =
      List.of(
          "CEO",
          "Chief Revenue Officer",
          "VP Sales",
          "Director of Marketing",
          "Head of Growth",
          "Account Executive",
          "Software Engineer",
          "Founder");

  private static final List<String> ZONES =
      List.of(
          "UTC",
          "Europe/Berlin",
          "America/New_York",
          "America/Los_Angeles",
          "Asia/Kolkata",
          "Asia/Kathmandu",
          "Australia/Sydney");

  static LongStream seeds() {
    return LongStream.range(0, 40);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void breaksNoLimitInAnyRandomWorld(long seed) {
    // given
    Scenario scenario = scenario(seed);

    // when
    ForecastResult result = forecast(seed);

    // then
    assertThat(result.violations())
        .as("seed %d: violations", seed)
        .containsOnlyKeys(
            "weeklyInvites", "inmailCredits", "doNotContact", "workingHours", "noteLength")
        .allSatisfy(
            (kind, count) -> assertThat(count).as("seed %d: %s violations", seed, kind).isZero());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void countsAddUpInAnyRandomWorld(long seed) {
    // given
    Scenario scenario = scenario(seed);

    // when
    ForecastResult result = forecast(seed);

    // then
    Map<String, Long> sent = result.sent();
    Map<String, Long> replies = result.replies();
    assertThat(result.policy()).as("seed %d", seed).isEqualTo(scenario.policy());
    assertThat(result.prospects()).as("seed %d", seed).isEqualTo(scenario.prospects());
    assertThat(result.weeks()).as("seed %d", seed).isEqualTo(scenario.weeks());
    assertThat(sent.values())
        .as("seed %d: sent", seed)
        .allSatisfy(n -> assertThat(n).as("seed %d: sent", seed).isNotNegative());
    assertThat(result.accepted() + result.declined())
        .as("seed %d: accepted + declined vs requests sent %s", seed, sent)
        .isLessThanOrEqualTo(sent.get("connect"));
    assertThat(result.accepted() + result.declined() + result.withdrawn())
        .as("seed %d: answered or withdrawn vs requests sent %s", seed, sent)
        .isLessThanOrEqualTo(sent.get("connect"));
    assertThat(replies.get("total"))
        .as("seed %d: replies %s", seed, replies)
        .isLessThanOrEqualTo(result.prospects())
        .isEqualTo(
            replies.get("connect")
                + replies.get("dm")
                + replies.get("inmail")
                + replies.get("email"));
    assertThat(replies.get("inmail")).as("seed %d", seed).isLessThanOrEqualTo(sent.get("inmail"));
    assertThat(replies.get("email")).as("seed %d", seed).isLessThanOrEqualTo(sent.get("email"));
    assertThat(replies.get("dm")).as("seed %d", seed).isLessThanOrEqualTo(sent.get("dm"));
    assertThat(result.inmailCredits().refunded())
        .as("seed %d: credits %s", seed, result.inmailCredits())
        .isLessThanOrEqualTo(result.inmailCredits().spent());
    assertThat(result.inmailCredits().spent())
        .as("seed %d: credits spent vs InMails sent", seed)
        .isLessThanOrEqualTo(sent.get("inmail"));
    assertThat(result.inmailCredits().spent())
        .as("seed %d: credits spent vs monthly allowances", seed)
        .isLessThanOrEqualTo(creditsArriving(scenario) + result.inmailCredits().refunded());
    assertThat(sent.get("connect"))
        .as("seed %d: requests vs weekly caps", seed)
        .isLessThanOrEqualTo(weeklyCaps(scenario) * (scenario.weeks() + 1L));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void aPolicyUsesOnlyItsOwnChannels(long seed) {
    // given
    Scenario scenario = scenario(seed);

    // when
    ForecastResult result = forecast(seed);

    // then
    if (scenario.policy().equals("connect-only")) {
      assertThat(result.sent())
          .as("seed %d: connect-only sent", seed)
          .containsEntry("engage", 0L)
          .containsEntry("inmail", 0L)
          .containsEntry("email", 0L);
    }
    boolean anyPaid =
        scenario.accounts().stream().anyMatch(a -> a.account().monthlyInmailCredits() > 0);
    if (!anyPaid) {
      assertThat(result.sent().get("inmail")).as("seed %d: InMails with no credits", seed).isZero();
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void givesTheSameResultForTheSameScenarioAndSeed(long seed) {
    // given the scenario rebuilt from its seed
    Scenario scenario = scenario(seed);
    assertThat(scenario(seed)).as("seed %d: scenario", seed).isEqualTo(scenario);

    // when it is forecast twice, by separate runs
    ForecastResult first = forecast(seed).withWallMillis(0);
    ForecastResult second =
        new Forecast(scenario, Engines.COACH).run(Forecast.Progress.NONE).withWallMillis(0);

    // then
    assertThat(second).as("seed %d", seed).isEqualTo(first);
  }

  @Test
  void sendsNothingWhenEveryProspectIsOnTheDoNotContactList() {
    // given a world where everyone asked not to be contacted
    Scenario base = scenario(7);
    List<Scenario.Segment> segments = new ArrayList<>();
    for (Scenario.Segment segment : base.segments()) {
      Scenario.ProspectShape p = segment.prospect();
      segments.add(
          new Scenario.Segment(
              segment.name(),
              segment.count(),
              new Scenario.ProspectShape(
                  p.title(),
                  p.activity(),
                  p.hasEmail(),
                  p.highValue(),
                  p.openProfile(),
                  p.degree(),
                  1.0),
              segment.truth()));
    }
    for (String policy : POLICIES) {
      Scenario scenario =
          new Scenario(
              base.seed(),
              base.start(),
              base.weeks(),
              policy,
              base.accounts(),
              segments,
              base.campaign());

      // when
      ForecastResult result = new Forecast(scenario, Engines.COACH).run(Forecast.Progress.NONE);

      // then
      assertThat(result.sent().values()).as("seed 7, %s", policy).containsOnly(0L);
      assertThat(result.violations().get("doNotContact")).as("seed 7, %s", policy).isZero();
    }
  }

  // ---- random worlds ----

  /** Forecasts are pure functions of their scenario, so each is run once for these properties. */
  private static final Map<Long, ForecastResult> RESULTS = new ConcurrentHashMap<>();

  private static ForecastResult forecast(long seed) {
    return RESULTS.computeIfAbsent(
        seed, s -> new Forecast(scenario(s), Engines.COACH).run(Forecast.Progress.NONE));
  }

  /** A small random world; the same seed always builds the same one. */
  static Scenario scenario(long seed) {
    Random random = new Random(seed);
    List<Scenario.Account> accounts = new ArrayList<>();
    int accountCount = 1 + random.nextInt(3);
    for (int a = 0; a < accountCount; a++) {
      Plan plan = Plan.values()[random.nextInt(Plan.values().length)];
      ZoneId zone = ZoneId.of(ZONES.get(random.nextInt(ZONES.size())));
      accounts.add(
          new Scenario.Account(
              SenderAccount.withPlanDefaults("sdr-" + (a + 1), plan, zone), random.nextBoolean()));
    }
    List<Scenario.Segment> segments = new ArrayList<>();
    int segmentCount = 1 + random.nextInt(3);
    for (int s = 0; s < segmentCount; s++) {
      Scenario.ProspectShape shape =
          new Scenario.ProspectShape(
              TITLES.get(random.nextInt(TITLES.size())),
              ActivityLevel.values()[random.nextInt(ActivityLevel.values().length)],
              random.nextBoolean(),
              random.nextBoolean(),
              random.nextInt(4) == 0,
              ConnectionDegree.values()[random.nextInt(ConnectionDegree.values().length)],
              random.nextDouble() * 0.3);
      segments.add(
          new Scenario.Segment(
              "segment-" + (s + 1), 20 + random.nextInt(131), shape, truth(random)));
    }
    Instant start =
        Instant.parse("2026-01-01T00:00:00Z").plus(random.nextInt(365 * 24), ChronoUnit.HOURS);
    return new Scenario(
        random.nextLong(),
        start,
        2 + random.nextInt(9),
        POLICIES.get(random.nextInt(POLICIES.size())),
        accounts,
        segments,
        CampaignFile.defaults());
  }

  private static Truth truth(Random random) {
    return new Truth(
        random.nextDouble() * 0.5,
        random.nextDouble() * 0.8,
        0.5 + random.nextDouble() * 2.5,
        random.nextDouble(),
        random.nextDouble() * 0.5,
        random.nextDouble() * 0.1,
        random.nextDouble() * 0.2,
        random.nextDouble(),
        0.1 + random.nextDouble() * 10,
        random.nextDouble() * 3,
        random.nextDouble() * 0.3,
        0.1 + random.nextDouble() * 10);
  }

  /** Credits that may arrive over the run: each account's allowance once per month touched. */
  private static long creditsArriving(Scenario scenario) {
    Instant end = scenario.start().plus(Duration.ofDays(7L * scenario.weeks()));
    long credits = 0;
    for (Scenario.Account account : scenario.accounts()) {
      ZoneId zone = account.account().timeZone();
      long months =
          YearMonth.from(scenario.start().atZone(zone))
                  .until(YearMonth.from(end.atZone(zone)), ChronoUnit.MONTHS)
              + 1;
      credits += account.account().monthlyInmailCredits() * months;
    }
    return credits;
  }

  private static long weeklyCaps(Scenario scenario) {
    return scenario.accounts().stream().mapToLong(a -> a.account().weeklyInvitationCap()).sum();
  }
}
