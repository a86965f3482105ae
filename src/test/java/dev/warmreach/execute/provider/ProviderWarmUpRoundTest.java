package dev.warmreach.execute.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.Warmreach;
import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Touch;
import dev.warmreach.execute.Backoff;
import dev.warmreach.live.LiveEngine;
import dev.warmreach.quota.AccountLimits;
import dev.warmreach.store.ProspectQuery;
import dev.warmreach.testing.ACampaign;
import dev.warmreach.testing.SettableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's warm-up round through the provider (the fake Unipile over real HTTP): with more people
 * in warm-up than the account's daily engagement cap, the account likes the latest post of exactly
 * cap of them a day, inside its working hours, and the rest on the next working day.
 */
@Timeout(240)
class ProviderWarmUpRoundTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  // Monday 2026-03-02, 08:00 in Berlin, an hour before the account's working day.
  private static final Instant MONDAY = Instant.parse("2026-03-02T07:00:00Z");

  @TempDir Path home;

  @Test
  void likesTheLatestPostOfCapPeopleADayInWorkingHoursAndTheRestTheNextDay() throws Exception {
    SettableClock clock = new SettableClock(MONDAY);
    try (Warmreach app = Warmreach.builder().home(home).clock(clock).build();
        FakeUnipile fake = new FakeUnipile()) {
      // given 200 people, each with an older and a newest post, on an account in Berlin
      int people = 200;
      ACampaign.launched(app.store(), people, MONDAY, "sdr-1");
      for (int i = 0; i < people; i++) {
        FakeUnipile.Person person = fake.person("person-" + i, "ACo" + i, "SECOND_DEGREE");
        fake.post(person, "urn:li:activity:" + i + "-old", "older");
        fake.post(person, "urn:li:activity:" + i + "-new", "newest");
      }
      app.store().providerLinks().linkAccount("sdr-1", FakeUnipile.ACCOUNT, "OK", MONDAY);
      int cap =
          AccountLimits.defaultsFor(app.accounts().account("sdr-1").orElseThrow())
              .dailyEngagements();
      LiveEngine engine = app.liveEngine(executor(app, fake, clock), "node-test");

      // when Monday and Tuesday pass, the engine looking every minute
      Map<LocalDate, Integer> likesByDay = new TreeMap<>();
      for (Instant t = MONDAY; t.isBefore(MONDAY.plus(Duration.ofHours(48))); ) {
        t = t.plus(Duration.ofMinutes(1));
        clock.set(t);
        int before = fake.reactions.size();
        engine.runUntilIdle(t);
        likesByDay.merge(
            LocalDate.ofInstant(t, BERLIN), fake.reactions.size() - before, Integer::sum);
      }

      // then
      List<Touch> warmUps = warmUpsDone(app);
      System.out.println("cap " + cap + ", likes by day " + likesByDay);
      long inWarmUp = warmUps.size();
      assertThat(inWarmUp).as("people warmed up over the two days").isGreaterThan(cap);
      // The account's pacing spaces actions at jittered intervals over the working day, so the
      // last slot may fall after closing: a day does up to the cap, never more.
      assertThat(likesByDay.get(LocalDate.parse("2026-03-02")))
          .as("likes on Monday: up to the cap, the day spent on them")
          .isLessThanOrEqualTo(cap)
          .isGreaterThanOrEqualTo(cap * 9 / 10);
      assertThat(likesByDay.get(LocalDate.parse("2026-03-03")))
          .as("likes on Tuesday: the rest, within the cap")
          .isPositive()
          .isLessThanOrEqualTo(cap);
      assertThat(fake.reactions).hasSize(warmUps.size());
      assertThat(fake.reactions)
          .allSatisfy(
              r -> {
                assertThat(r.path("reaction_type").asText()).isEqualTo("like");
                assertThat(r.path("post_id").asText()).endsWith("-new");
              });
      assertThat(warmUps)
          .allSatisfy(
              t -> {
                LocalTime at = LocalTime.ofInstant(t.doneAt(), BERLIN);
                assertThat(at).isBetween(LocalTime.of(9, 0), LocalTime.of(17, 30));
              });
    }
  }

  private static List<Touch> warmUpsDone(Warmreach app) {
    return app.prospects().prospects(ProspectQuery.all(10_000)).stream()
        .flatMap(p -> app.touches().touches(p.id()).stream())
        .filter(t -> t.channel() == Channel.ENGAGE && t.status() == Touch.Status.DONE)
        .collect(Collectors.toList());
  }

  private static ProviderExecutor executor(Warmreach app, FakeUnipile fake, SettableClock clock) {
    var store = app.store();
    return new ProviderExecutor(
        new UnipileProvider(fake.base(), FakeUnipile.API_KEY, Duration.ofSeconds(5)),
        store.deliveries(),
        store.doNotContact(),
        store.providerLinks(),
        store.engineSteps(),
        store.accounts(),
        // The provider's own pacing out of the way: the account's cap is what is tested.
        new ProviderPacing(
            Map.of(
                Channel.ENGAGE,
                10_000,
                Channel.CONNECT,
                10_000,
                Channel.DM,
                10_000,
                Channel.INMAIL,
                10_000),
            Duration.ZERO,
            Duration.ZERO),
        new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(10), 3),
        Duration.ofSeconds(5),
        clock,
        new Random(7));
  }
}
