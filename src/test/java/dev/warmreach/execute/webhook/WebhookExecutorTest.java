package dev.warmreach.execute.webhook;

import static dev.warmreach.testing.AProspect.aProspect;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warmreach.domain.Channel;
import dev.warmreach.domain.EmailAddress;
import dev.warmreach.domain.Message;
import dev.warmreach.domain.Touch;
import dev.warmreach.execute.Backoff;
import dev.warmreach.execute.OpenHours;
import dev.warmreach.store.Delivery;
import dev.warmreach.store.Store;
import dev.warmreach.store.jdbc.JdbcStore;
import dev.warmreach.testing.PlannedTouches;
import dev.warmreach.testing.SettableClock;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Webhooks over real HTTP on 127.0.0.1: signed JSON, retries on a settable clock, dead letters. */
@Timeout(60)
class WebhookExecutorTest {

  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final String SECRET = "whsec-0123456789abcdef";
  private static final Backoff FOUR_TRIES =
      new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(30), 4);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;
  private final SettableClock clock = new SettableClock(T0);
  private Store store;
  private WebhookReceiver receiver;

  @BeforeEach
  void start() throws Exception {
    store = JdbcStore.openEmbedded(home, clock);
    receiver = new WebhookReceiver();
  }

  @AfterEach
  void stop() {
    receiver.close();
    store.close();
  }

  private WebhookExecutor executor(URI url, Duration timeout) {
    return new WebhookExecutor(
        store.deliveries(),
        store.doNotContact(),
        new WebhookSettings(url, SECRET, timeout, FOUR_TRIES),
        clock);
  }

  private Touch aConnectTouch() {
    return PlannedTouches.plant(
        store,
        aProspect()
            .named("Ana", "Silva")
            .at("https://www.linkedin.com/in/ana-silva")
            .withEmail("ana@northwind.example")
            .workingAt("Northwind")
            .titled("VP Sales")
            .build(),
        Channel.CONNECT,
        new Message("B", "", "Hi Ana, loved your post on SDR ramp time — Grüße aus Köln.", true),
        T0);
  }

  private Delivery theDelivery() {
    return store
        .deliveries()
        .deliveries(Delivery.Kind.WEBHOOK, Delivery.Status.PENDING, 10)
        .stream()
        .findFirst()
        .or(
            () ->
                store
                    .deliveries()
                    .deliveries(Delivery.Kind.WEBHOOK, Delivery.Status.SENT, 10)
                    .stream()
                    .findFirst())
        .or(
            () ->
                store
                    .deliveries()
                    .deliveries(Delivery.Kind.WEBHOOK, Delivery.Status.DEAD, 10)
                    .stream()
                    .findFirst())
        .orElseThrow();
  }

  @Test
  void postsTheTouchAsSignedJsonAndMarksItDoneWhenTheToolTakesIt() throws Exception {
    Touch touch = aConnectTouch();

    executor(receiver.url(), Duration.ofSeconds(5)).execute(touch);

    assertThat(receiver.received()).hasSize(1);
    WebhookReceiver.Received request = receiver.received().get(0);
    assertThat(request.header("Warmreach-Timestamp")).isEqualTo(Long.toString(T0.getEpochSecond()));
    assertThat(request.header("Idempotency-Key")).isEqualTo(touch.idempotencyKey());
    assertThat(request.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
    assertThat(request.header("Warmreach-Signature")).matches("v1=[0-9a-f]{64}");
    assertThat(
            Signature.verify(
                SECRET,
                request.header("Warmreach-Timestamp"),
                request.header("Warmreach-Signature"),
                request.body(),
                T0.plusSeconds(30),
                Signature.DEFAULT_TOLERANCE))
        .isTrue();
    assertThat(request.header("webhook-id")).isEqualTo(touch.idempotencyKey());
    assertThat(request.header("webhook-timestamp")).isEqualTo(Long.toString(T0.getEpochSecond()));
    assertThat(request.header("webhook-signature")).matches("v1,[A-Za-z0-9+/]{43}=");
    assertThat(
            Signature.verifyStandard(
                SECRET,
                request.header("webhook-id"),
                request.header("webhook-timestamp"),
                request.header("webhook-signature"),
                request.body(),
                T0.plusSeconds(30),
                Signature.DEFAULT_TOLERANCE))
        .isTrue();
    JsonNode envelope = JSON.readTree(request.body());
    assertThat(envelope.get("type").asText()).isEqualTo("touch.due");
    assertThat(envelope.get("timestamp").asText()).isEqualTo(touch.dueAt().toString());
    JsonNode json = envelope.get("data");
    assertThat(json.get("touch").asText()).isEqualTo(touch.idempotencyKey());
    assertThat(json.get("channel").asText()).isEqualTo("CONNECT");
    assertThat(json.get("campaign").asText()).isEqualTo(PlannedTouches.CAMPAIGN);
    assertThat(json.get("step").asText()).isEqualTo("step-1");
    assertThat(json.get("account").asText()).isEqualTo("sdr-1");
    assertThat(json.get("prospect").get("id").asLong()).isEqualTo(touch.prospectId());
    assertThat(json.get("prospect").get("name").asText()).isEqualTo("Ana Silva");
    assertThat(json.get("prospect").get("profileUrl").asText())
        .isEqualTo("https://www.linkedin.com/in/ana-silva");
    assertThat(json.get("prospect").get("email").asText()).isEqualTo("ana@northwind.example");
    assertThat(json.get("body").asText()).endsWith("Grüße aus Köln.");
    assertThat(json.get("subject").asText()).isEmpty();
    Touch done = store.touches().touches(touch.prospectId()).get(0);
    assertThat(done.status()).isEqualTo(Touch.Status.DONE);
    assertThat(theDelivery().status()).isEqualTo(Delivery.Status.SENT);
  }

  @Test
  void aTouchClaimedAfterItsAccountsHoursClosedWaitsForThemToOpenAndIsDoneThen() {
    // Planned inside the hours (Mon–Fri 09:00–17:30 UTC), carried out by a node that got to it
    // only at 17:45 (a busy pass, a restart, a sped-up clock).
    Touch touch = aConnectTouch();
    WebhookExecutor executor =
        new WebhookExecutor(
            store.deliveries(),
            store.doNotContact(),
            new WebhookSettings(receiver.url(), SECRET, Duration.ofSeconds(5), FOUR_TRIES),
            clock,
            OpenHours.of(store.accounts()));
    clock.set(Instant.parse("2026-03-02T17:45:00Z"));

    executor.execute(touch);
    executor.deliverDue();

    assertThat(receiver.received()).isEmpty();
    Delivery held = theDelivery();
    assertThat(held.attempts()).isZero();
    assertThat(held.nextAttemptAt()).isEqualTo(Instant.parse("2026-03-03T09:00:00Z"));
    assertThat(held.lastError()).contains("outside sdr-1's working hours");

    clock.set(Instant.parse("2026-03-03T09:00:00Z"));
    executor.deliverDue();

    assertThat(receiver.received()).hasSize(1);
    Touch done = store.touches().touches(touch.prospectId()).get(0);
    assertThat(done.status()).isEqualTo(Touch.Status.DONE);
    assertThat(done.doneAt()).isEqualTo(Instant.parse("2026-03-03T09:00:00Z"));
  }

  @Test
  void executingTheSameTouchAgainPostsNothingMore() {
    Touch touch = aConnectTouch();
    WebhookExecutor executor = executor(receiver.url(), Duration.ofSeconds(5));

    executor.execute(touch);
    executor.execute(touch);
    executor.deliverDue();

    assertThat(receiver.received()).hasSize(1);
  }

  @Test
  void retriesAFailingEndpointAtTheBackoffTimesThenDeadLettersAndAReplayDelivers() {
    Touch touch = aConnectTouch();
    receiver.answer(500);
    WebhookExecutor executor = executor(receiver.url(), Duration.ofSeconds(5));

    executor.execute(touch);
    clock.set(T0.plusSeconds(59));
    int tooEarly = executor.deliverDue();
    clock.set(T0.plus(Duration.ofMinutes(1)));
    executor.deliverDue();
    clock.set(T0.plus(Duration.ofMinutes(3)));
    executor.deliverDue();
    clock.set(T0.plus(Duration.ofMinutes(7)));
    executor.deliverDue();
    clock.set(T0.plus(Duration.ofHours(5)));
    int afterTheLast = executor.deliverDue();

    assertThat(tooEarly).isZero();
    assertThat(afterTheLast).isZero();
    assertThat(receiver.received())
        .extracting(r -> Long.parseLong(r.header("Warmreach-Timestamp")) - T0.getEpochSecond())
        .containsExactly(0L, 60L, 180L, 420L);
    List<Delivery> dead =
        store.deliveries().deliveries(Delivery.Kind.WEBHOOK, Delivery.Status.DEAD, 10);
    assertThat(dead).hasSize(1);
    assertThat(dead.get(0).attempts()).isEqualTo(4);
    assertThat(dead.get(0).lastError())
        .isEqualTo("HTTP 500: upstream broke (gave up after 4 attempts)");
    assertThat(store.touches().touches(touch.prospectId()).get(0).status())
        .isEqualTo(Touch.Status.FAILED);

    receiver.answer(202);
    store.deliveries().replayDelivery(dead.get(0).id(), clock.instant());
    int replayed = executor.deliverDue();

    assertThat(replayed).isEqualTo(1);
    assertThat(receiver.received()).hasSize(5);
    assertThat(receiver.received())
        .extracting(r -> r.header("Idempotency-Key"))
        .containsOnly(touch.idempotencyKey());
    // every attempt sends the same bytes, so the receiver can drop a repeat by its key
    assertThat(receiver.received().stream().map(r -> new String(r.body())).distinct()).hasSize(1);
    assertThat(theDelivery().status()).isEqualTo(Delivery.Status.SENT);
    Touch done = store.touches().touches(touch.prospectId()).get(0);
    assertThat(done.status()).isEqualTo(Touch.Status.DONE);
    assertThat(done.doneAt()).isEqualTo(T0.plus(Duration.ofHours(5)));
  }

  @Test
  void aRestartCarriesOnWithTheRetriesWhereTheyWere() {
    Touch touch = aConnectTouch();
    receiver.answer(503);
    executor(receiver.url(), Duration.ofSeconds(5)).execute(touch);
    store.close();

    store = JdbcStore.openEmbedded(home, clock);
    receiver.answer(200);
    WebhookExecutor restarted = executor(receiver.url(), Duration.ofSeconds(5));
    clock.set(T0.plusSeconds(30));
    int early = restarted.deliverDue();
    clock.set(T0.plusSeconds(60));
    int due = restarted.deliverDue();

    assertThat(early).isZero();
    assertThat(due).isEqualTo(1);
    assertThat(receiver.received()).hasSize(2);
    assertThat(theDelivery().attempts()).isEqualTo(2);
    assertThat(store.touches().touches(touch.prospectId()).get(0).status())
        .isEqualTo(Touch.Status.DONE);
  }

  @Test
  void aSenderThatDiedMidPostIsFollowedByOneRePostWithTheSameKeyForTheReceiverToRecognise() {
    Touch touch = aConnectTouch();
    // A sender opened and claimed the delivery, then died before the store heard the answer.
    Delivery d =
        store
            .deliveries()
            .openDelivery(
                touch.idempotencyKey(), Delivery.Kind.WEBHOOK, receiver.url().toString(), T0);
    store.deliveries().claimDelivery(d.id(), 0, Delivery.Status.PENDING, T0, T0.plusSeconds(15));
    receiver.answer(200);
    WebhookExecutor restarted = executor(receiver.url(), Duration.ofSeconds(5));

    int whileClaimed = restarted.deliverDue();
    clock.set(T0.plusSeconds(15));
    restarted.deliverDue();
    restarted.deliverDue();
    restarted.execute(touch);

    assertThat(whileClaimed).isZero();
    assertThat(receiver.received())
        .as("one re-post, under the touch's own Idempotency-Key")
        .extracting(r -> r.header("Idempotency-Key"))
        .containsExactly(touch.idempotencyKey());
    assertThat(store.touches().touches(touch.prospectId()).get(0).status())
        .isEqualTo(Touch.Status.DONE);
  }

  @Test
  void aRefusedConnectionIsRetried() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Touch touch = aConnectTouch();

    executor(URI.create("http://127.0.0.1:" + closedPort + "/hook"), Duration.ofSeconds(2))
        .execute(touch);

    Delivery pending = theDelivery();
    assertThat(pending.status()).isEqualTo(Delivery.Status.PENDING);
    assertThat(pending.lastError()).isEqualTo("connection refused by 127.0.0.1");
    assertThat(pending.nextAttemptAt()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
    assertThat(store.touches().touches(touch.prospectId()).get(0).status())
        .isEqualTo(Touch.Status.PLANNED);
  }

  @Test
  void anEndpointTooSlowToAnswerIsRetried() {
    Touch touch = aConnectTouch();
    receiver.delay(2_000);

    executor(receiver.url(), Duration.ofMillis(300)).execute(touch);

    Delivery pending = theDelivery();
    assertThat(pending.status()).isEqualTo(Delivery.Status.PENDING);
    assertThat(pending.lastError()).startsWith("no answer within");
    assertThat(pending.attempts()).isEqualTo(1);
  }

  @Test
  void neverPostsAProspectOnTheDoNotContactList() {
    Touch touch = aConnectTouch();
    store
        .doNotContact()
        .addDoNotContact(null, new EmailAddress("ana@northwind.example"), "asked us");

    executor(receiver.url(), Duration.ofSeconds(5)).execute(touch);

    assertThat(receiver.received()).isEmpty();
    assertThat(store.touches().touches(touch.prospectId()).get(0).status())
        .isEqualTo(Touch.Status.SKIPPED);
    assertThat(store.deliveries().deliveries(Delivery.Kind.WEBHOOK, Delivery.Status.SKIPPED, 10))
        .extracting(Delivery::lastError)
        .containsExactly("prospect is on the do-not-contact list");
  }
}
