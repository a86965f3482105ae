package dev.warmreach.execute.webhook;

import static dev.warmreach.testing.AProspect.aProspect;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warmreach.domain.Campaign;
import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Enrollment;
import dev.warmreach.domain.Event;
import dev.warmreach.domain.ProfileUrl;
import dev.warmreach.domain.Prospect;
import dev.warmreach.execute.Backoff;
import dev.warmreach.live.LiveEngine;
import dev.warmreach.live.SignalIntake;
import dev.warmreach.store.ProspectQuery;
import dev.warmreach.store.Store;
import dev.warmreach.store.StoredCampaign;
import dev.warmreach.store.jdbc.JdbcStore;
import dev.warmreach.testing.ACampaign;
import dev.warmreach.testing.Engines;
import dev.warmreach.testing.SettableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A prospect's outcomes (accepted, replied, bounced) go to the webhook as Standard Webhooks
 * messages, each once, retried as touches are; over real HTTP on 127.0.0.1.
 */
@Timeout(60)
class WebhookOutcomesTest {

  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final String SECRET = WebhookSecret.generate();
  private static final Backoff FOUR_TRIES =
      new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(30), 4);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;
  private final SettableClock clock = new SettableClock(T0);
  private Store store;
  private WebhookReceiver receiver;
  private long ana;

  @BeforeEach
  void start() throws Exception {
    store = openStore(home, clock);
    receiver = new WebhookReceiver();
    store
        .prospects()
        .saveProspects(
            List.of(
                aProspect()
                    .named("Ana", "Silva")
                    .at("https://www.linkedin.com/in/ana-silva")
                    .workingAt("Northwind")
                    .build()));
    ana =
        store
            .prospects()
            .prospectByUrl(ProfileUrl.of("linkedin.com/in/ana-silva"))
            .orElseThrow()
            .id();
  }

  /** The store the tests run on: SQLite here, PostgreSQL in {@link PostgresWebhookOutcomesTest}. */
  Store openStore(Path home, SettableClock clock) {
    return JdbcStore.openEmbedded(home, clock);
  }

  @AfterEach
  void stop() {
    receiver.close();
    store.close();
  }

  private WebhookExecutor executor() {
    return new WebhookExecutor(
        store.deliveries(),
        store.doNotContact(),
        new WebhookSettings(receiver.url(), SECRET, Duration.ofSeconds(5), FOUR_TRIES),
        clock);
  }

  @Test
  void postsEachOutcomeOnceOnAnyNodeAndNoneStoredBeforeTheWebhookFirstRan() throws Exception {
    store.engineSteps().recordEvent(new Event.Accepted(ana, T0.minusSeconds(60), "li-accept-1"));
    executor().deliverDue();
    assertThat(receiver.received()).isEmpty();

    store.engineSteps().recordEvent(new Event.Replied(ana, T0, "li-reply-1", Channel.DM));
    store.engineSteps().recordEvent(new Event.Declined(ana, T0, "li-decline-1"));
    store.engineSteps().recordEvent(new Event.Bounced(ana, T0, "bounce-1"));
    executor().deliverDue();
    executor().deliverDue();
    clock.tick(Duration.ofHours(2));
    executor().deliverDue();

    assertThat(receiver.received()).hasSize(2);
    WebhookReceiver.Received replied = receiver.received().get(0);
    assertThat(replied.header("webhook-id")).isEqualTo("event:li-reply-1");
    assertThat(replied.header("Idempotency-Key")).isEqualTo("event:li-reply-1");
    assertThat(
            Signature.verifyStandard(
                SECRET,
                replied.header("webhook-id"),
                replied.header("webhook-timestamp"),
                replied.header("webhook-signature"),
                replied.body(),
                T0,
                Signature.DEFAULT_TOLERANCE))
        .isTrue();
    JsonNode json = JSON.readTree(replied.body());
    assertThat(json.get("type").asText()).isEqualTo("prospect.replied");
    assertThat(json.get("timestamp").asText()).isEqualTo(T0.toString());
    assertThat(json.get("data").get("channel").asText()).isEqualTo("DM");
    assertThat(json.get("data").get("prospect").get("name").asText()).isEqualTo("Ana Silva");
    assertThat(json.get("data").get("prospect").get("company").asText()).isEqualTo("Northwind");
    assertThat(JSON.readTree(receiver.received().get(1).body()).get("type").asText())
        .isEqualTo("prospect.bounced");
  }

  @Test
  void retriesAnOutcomeTheReceiverRefusedWithTheSameBytesAndGivesUpAfterTheLastAttempt() {
    WebhookExecutor executor = executor();
    executor.deliverDue();
    store.engineSteps().recordEvent(new Event.Accepted(ana, T0, "li-accept-2"));
    receiver.answer(500);

    executor.deliverDue();
    executor.deliverDue();
    assertThat(receiver.received()).hasSize(1);
    for (int minute = 0; minute < 120; minute++) {
      clock.tick(Duration.ofMinutes(1));
      executor.deliverDue();
    }

    assertThat(receiver.received()).hasSize(4);
    assertThat(receiver.received().stream().map(r -> new String(r.body())).distinct()).hasSize(1);
    assertThat(receiver.received().stream().map(r -> r.header("webhook-id")).distinct())
        .containsExactly("event:li-accept-2");
  }

  @Test
  void aDeadOutcomeIsADeadLetterAndGoesOutWithTheSameBytesWhenReplayed() {
    WebhookExecutor executor = executor();
    executor.deliverDue();
    store.engineSteps().recordEvent(new Event.Replied(ana, T0, "li-reply-dead", Channel.DM));
    receiver.answer(500);
    for (int minute = 0; minute < 120; minute++) {
      clock.tick(Duration.ofMinutes(1));
      executor.deliverDue();
    }
    assertThat(receiver.received()).hasSize(4);

    DeadLetters letters = new DeadLetters(store.deliveries());
    List<DeadLetters.Letter> dead = letters.list(100);
    assertThat(dead).hasSize(1);
    DeadLetters.Letter letter = dead.get(0);
    assertThat(letter.reference()).matches("e\\d+");
    assertThat(letter.type()).isEqualTo("prospect.replied");
    assertThat(letter.key()).isEqualTo("event:li-reply-dead");
    assertThat(letter.lastError()).contains("HTTP 500", "gave up after 4 attempts");
    assertThat(letters.replay(letter.reference().substring(1), clock.instant()))
        .as("a bare number names a touch's dead letter, not an outcome's")
        .isFalse();

    receiver.answer(200);
    assertThat(letters.replay(letter.reference(), clock.instant())).isTrue();
    assertThat(letters.replay(letter.reference(), clock.instant())).isFalse();
    executor.deliverDue();

    assertThat(receiver.received()).hasSize(5);
    assertThat(receiver.received().get(4).header("webhook-id")).isEqualTo("event:li-reply-dead");
    assertThat(new String(receiver.received().get(4).body()))
        .isEqualTo(new String(receiver.received().get(0).body()));
    assertThat(letters.list(100)).isEmpty();
  }

  @Test
  void anOutcomeRefusedOnceGoesOutOnTheNextAttempt() {
    WebhookExecutor executor = executor();
    executor.deliverDue();
    store.engineSteps().recordEvent(new Event.Accepted(ana, T0, "li-accept-3"));
    receiver.answer(503);
    executor.deliverDue();
    receiver.answer(200);

    clock.tick(Duration.ofMinutes(1));
    executor.deliverDue();
    clock.tick(Duration.ofHours(3));
    executor.deliverDue();

    assertThat(receiver.received()).hasSize(2);
  }

  @Test
  void aCampaignWhoseEnrollmentsAllFinishedIsCompletedAndPostedOnce() throws Exception {
    WebhookExecutor executor = executor();
    executor.deliverDue();
    StoredCampaign launched =
        ACampaign.launchedWorking("Mon-Sun 00:00-23:59", store, 2, T0, "sdr-1");
    long campaign = launched.campaign().id();
    LiveEngine engine = Engines.live(store, executor);
    engine.runDue(clock.instant());
    List<Prospect> people = store.prospects().prospects(ProspectQuery.all(100));
    for (int i = 0; i < people.size() - 1; i++) {
      store
          .engineSteps()
          .recordEvent(
              new Event.Replied(people.get(i).id(), clock.instant(), "reply-" + i, Channel.DM));
    }
    clock.tick(Duration.ofMinutes(5));
    engine.runDue(clock.instant());
    assertThat(status(launched)).isEqualTo(Campaign.Status.ACTIVE);

    long last = people.get(people.size() - 1).id();
    store
        .engineSteps()
        .recordEvent(new Event.Replied(last, clock.instant(), "reply-last", Channel.DM));
    clock.tick(Duration.ofMinutes(5));
    Instant finished = clock.instant();
    engine.runDue(finished);
    for (int pass = 0; pass < 5; pass++) {
      clock.tick(Duration.ofMinutes(5));
      engine.runDue(clock.instant());
      executor.deliverDue();
    }

    assertThat(status(launched)).isEqualTo(Campaign.Status.COMPLETED);
    List<WebhookReceiver.Received> posted =
        receiver.received().stream()
            .filter(r -> r.header("webhook-id").startsWith("campaign.finished:"))
            .toList();
    assertThat(posted).hasSize(1);
    WebhookReceiver.Received post = posted.get(0);
    assertThat(post.header("webhook-id"))
        .isEqualTo("campaign.finished:" + campaign + ":" + finished.toEpochMilli());
    assertThat(
            Signature.verifyStandard(
                SECRET,
                post.header("webhook-id"),
                post.header("webhook-timestamp"),
                post.header("webhook-signature"),
                post.body(),
                Instant.ofEpochSecond(Long.parseLong(post.header("webhook-timestamp"))),
                Signature.DEFAULT_TOLERANCE))
        .isTrue();
    JsonNode json = JSON.readTree(post.body());
    assertThat(json.get("type").asText()).isEqualTo("campaign.finished");
    assertThat(json.get("timestamp").asText()).isEqualTo(finished.toString());
    assertThat(json.get("data").get("campaign").asText()).isEqualTo("campaign");
    assertThat(json.get("data").get("enrollments").get("REPLIED").asLong())
        .isEqualTo(people.size());
  }

  @Test
  void aCompletedCampaignSomeoneJoinsRunsAgainAndIsPostedAgainWhenTheyFinishToo() throws Exception {
    WebhookExecutor executor = executor();
    executor.deliverDue();
    StoredCampaign launched =
        ACampaign.launchedWorking("Mon-Sun 00:00-23:59", store, 2, T0, "sdr-1");
    LiveEngine engine = Engines.live(store, executor);
    engine.runDue(clock.instant());
    List<Prospect> people = store.prospects().prospects(ProspectQuery.all(100));
    for (Prospect p : people) {
      store
          .engineSteps()
          .recordEvent(new Event.Replied(p.id(), clock.instant(), "reply-" + p.id(), Channel.DM));
    }
    passes(engine, executor);
    assertThat(status(launched)).isEqualTo(Campaign.Status.COMPLETED);

    long bo = newProspect("Bo", "Berg");
    Enrollment joining =
        Engines.campaigns(store)
            .engine(launched.definition(), launched.campaign().policy())
            .enroll(0, launched.campaign().id(), bo, "sdr-1", clock.instant());
    assertThat(store.campaigns().enroll(List.of(joining))).isEqualTo(1);
    assertThat(status(launched)).isEqualTo(Campaign.Status.ACTIVE);
    passes(engine, executor);
    assertThat(status(launched)).isEqualTo(Campaign.Status.ACTIVE);
    assertThat(finishedPosts()).hasSize(1);

    store.engineSteps().recordEvent(new Event.Replied(bo, clock.instant(), "reply-bo", Channel.DM));
    passes(engine, executor);

    assertThat(status(launched)).isEqualTo(Campaign.Status.COMPLETED);
    List<WebhookReceiver.Received> posted = finishedPosts();
    assertThat(posted).hasSize(2);
    assertThat(posted.get(1).header("webhook-id")).isNotEqualTo(posted.get(0).header("webhook-id"));
    JsonNode second = JSON.readTree(posted.get(1).body());
    assertThat(second.get("data").get("enrollments").get("REPLIED").asLong())
        .isEqualTo(people.size() + 1);
    assertThat(Instant.parse(second.get("data").get("finishedAt").asText()))
        .isAfter(Instant.parse(JSON.readTree(posted.get(0).body()).get("timestamp").asText()));
  }

  @Test
  void aSignalTakesSomeoneIntoACompletedSignalsCampaignWhichRunsAgain() {
    StoredCampaign launched =
        ACampaign.launchedWorking("Mon-Sun 00:00-23:59", store, 1, T0, "sdr-1");
    store.campaigns().setCampaignStatus(launched.campaign().id(), Campaign.Status.COMPLETED);
    SignalIntake intake =
        new SignalIntake(
            store.engineSteps(),
            store.prospects(),
            store.campaigns(),
            store.settings(),
            store.signals(),
            Engines.campaigns(store));
    intake.takeSignalsIn(launched.campaign().name());
    long bo = newProspect("Bo", "Berg");

    SignalIntake.Taken taken =
        intake.take(
            new Event.Signal(bo, T0, "signal-bo", Event.Signal.Kind.ROLE_CHANGE, "new role"));

    assertThat(taken.outcome()).isEqualTo(dev.warmreach.store.SignalFeed.Outcome.ENROLLED);
    assertThat(taken.action()).isEqualTo("enrolled in campaign " + launched.campaign().name());
    assertThat(status(launched)).isEqualTo(Campaign.Status.ACTIVE);
    assertThat(store.campaigns().enrollmentsOf(bo)).hasSize(1);
  }

  private long newProspect(String first, String last) {
    String url = "https://www.linkedin.com/in/" + first.toLowerCase() + "-" + last.toLowerCase();
    store.prospects().saveProspects(List.of(aProspect().named(first, last).at(url).build()));
    return store.prospects().prospectByUrl(ProfileUrl.of(url)).orElseThrow().id();
  }

  private void passes(LiveEngine engine, WebhookExecutor executor) {
    for (int pass = 0; pass < 5; pass++) {
      clock.tick(Duration.ofMinutes(5));
      engine.runDue(clock.instant());
      executor.deliverDue();
    }
  }

  private List<WebhookReceiver.Received> finishedPosts() {
    return receiver.received().stream()
        .filter(r -> r.header("webhook-id").startsWith("campaign.finished:"))
        .toList();
  }

  private Campaign.Status status(StoredCampaign stored) {
    return store.campaigns().campaign(stored.campaign().name()).orElseThrow().campaign().status();
  }
}
