package dev.warmreach.cli;

import static dev.warmreach.testing.AProspect.aProspect;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Message;
import dev.warmreach.domain.Touch;
import dev.warmreach.store.Delivery;
import dev.warmreach.store.Store;
import dev.warmreach.store.WebhookEvent;
import dev.warmreach.store.jdbc.JdbcStore;
import dev.warmreach.testing.PlannedTouches;
import dev.warmreach.testing.SettableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listing and replaying webhook dead letters from the command line. */
class WebhooksCommandTest {

  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  @TempDir Path home;

  private long aDeadLetter(String url) {
    try (Store store = JdbcStore.openEmbedded(home, new SettableClock(T0))) {
      Touch touch =
          PlannedTouches.plant(
              store,
              aProspect().at("https://www.linkedin.com/in/" + url.hashCode()).build(),
              Channel.DM,
              new Message("A", "", "Hi", true),
              T0);
      Delivery d =
          store.deliveries().openDelivery(touch.idempotencyKey(), Delivery.Kind.WEBHOOK, url, T0);
      store
          .deliveries()
          .settleDelivery(
              d.id(),
              Delivery.Status.DEAD,
              "HTTP 500 (gave up after 8 attempts)",
              Touch.Status.FAILED,
              T0);
      return d.id();
    }
  }

  @Test
  void listsDeadLettersAsATableAndAsJson() throws Exception {
    long id = aDeadLetter("https://hooks.example.com/a");

    CliRun table = CliRun.in(home, "webhooks", "dead-letters");
    CliRun json = CliRun.in(home, "--json", "webhooks", "dead-letters");

    assertThat(table.exitCode).as(table.toString()).isZero();
    assertThat(table.out)
        .contains("ID", "TOUCH", "LAST ERROR", "HTTP 500 (gave up after 8 attempts)")
        .contains("warmreach webhooks replay ID");
    JsonNode letters = new ObjectMapper().readTree(json.out).get("deadLetters");
    assertThat(letters).hasSize(1);
    assertThat(letters.get(0).get("id").asLong()).isEqualTo(id);
    assertThat(letters.get(0).get("url").asText()).isEqualTo("https://hooks.example.com/a");
    assertThat(letters.get(0).get("attempts").asInt()).isZero();
  }

  @Test
  void replaysOneOrAll() throws Exception {
    long first = aDeadLetter("https://hooks.example.com/a");
    long second = aDeadLetter("https://hooks.example.com/b");

    CliRun one = CliRun.in(home, "webhooks", "replay", Long.toString(first));
    CliRun all = CliRun.in(home, "--json", "webhooks", "replay", "--all");
    CliRun none = CliRun.in(home, "webhooks", "dead-letters");

    assertThat(one.exitCode).as(one.toString()).isZero();
    assertThat(one.out).contains("Replaying 1 delivery");
    assertThat(new ObjectMapper().readTree(all.out).get("replayed").get(0).asLong())
        .isEqualTo(second);
    assertThat(none.out).contains("No dead letters");
  }

  private long aDeadOutcome() {
    try (Store store = JdbcStore.openEmbedded(home, new SettableClock(T0))) {
      store
          .deliveries()
          .queueWebhookEvents(
              List.of(
                  new WebhookEvent.New(
                      "campaign.finished:7:1772442000000",
                      null,
                      "campaign.finished",
                      "{\"type\":\"campaign.finished\"}")),
              0,
              T0);
      WebhookEvent queued = store.deliveries().dueWebhookEvents(T0, 10).get(0);
      store
          .deliveries()
          .settleWebhookEvent(
              queued.id(),
              WebhookEvent.Status.DEAD,
              null,
              "HTTP 503 (gave up after 8 attempts)",
              T0.plusSeconds(60));
      return queued.id();
    }
  }

  @Test
  void listsAndReplaysDeadOutcomesBesideDeadTouches() throws Exception {
    long touch = aDeadLetter("https://hooks.example.com/a");
    long event = aDeadOutcome();

    CliRun table = CliRun.in(home, "webhooks", "dead-letters");
    CliRun json = CliRun.in(home, "--json", "webhooks", "dead-letters");
    CliRun replayed = CliRun.in(home, "webhooks", "replay", "e" + event);
    CliRun after = CliRun.in(home, "--json", "webhooks", "dead-letters");

    assertThat(table.exitCode).as(table.toString()).isZero();
    assertThat(table.out)
        .contains("touch.due", "campaign.finished", "campaign.finished:7:1772442000000")
        .contains("e" + event, "HTTP 503 (gave up after 8 attempts)");
    JsonNode letters = new ObjectMapper().readTree(json.out).get("deadLetters");
    assertThat(letters).hasSize(2);
    assertThat(letters.get(0).get("reference").asText()).isEqualTo(Long.toString(touch));
    assertThat(letters.get(1).get("reference").asText()).isEqualTo("e" + event);
    assertThat(letters.get(1).get("type").asText()).isEqualTo("campaign.finished");
    assertThat(letters.get(1).get("touch").isNull()).isTrue();
    assertThat(replayed.exitCode).as(replayed.toString()).isZero();
    assertThat(replayed.out).contains("Replaying 1 delivery");
    JsonNode left = new ObjectMapper().readTree(after.out).get("deadLetters");
    assertThat(left).hasSize(1);
    assertThat(left.get(0).get("type").asText()).isEqualTo("touch.due");
    try (Store store = JdbcStore.openEmbedded(home, new SettableClock(T0))) {
      assertThat(store.deliveries().dueWebhookEvents(Instant.parse("2100-01-01T00:00:00Z"), 10))
          .singleElement()
          .satisfies(e -> assertThat(e.attempts()).isZero());
    }
  }

  @Test
  void anUnknownIdIsOneLineNamingTheFix() {
    CliRun run = CliRun.in(home, "webhooks", "replay", "42");
    CliRun neither = CliRun.in(home, "webhooks", "replay");

    assertThat(run.exitCode).isEqualTo(1);
    assertThat(run.err.strip())
        .isEqualTo(
            "warmreach: no webhook dead letter 42; see 'warmreach webhooks dead-letters' for the ids");
    assertThat(neither.exitCode).isEqualTo(2);
  }

  private CliRun settingsWebhookFromStdin(String secret) {
    var stdin = System.in;
    try {
      System.setIn(new java.io.ByteArrayInputStream((secret + "\n").getBytes()));
      return CliRun.in(
          home, "settings", "webhook", "--url", "http://127.0.0.1:9/hook", "--secret-stdin");
    } finally {
      System.setIn(stdin);
    }
  }

  private dev.warmreach.execute.webhook.WebhookSettings storedWebhook() {
    try (dev.warmreach.Warmreach app =
        dev.warmreach.Warmreach.builder().home(home).clock(new SettableClock(T0)).build()) {
      return app.outboundSettings().webhook().orElseThrow().resolve(java.util.Map.of());
    }
  }

  @Test
  void rotatesTheSecretKeepingTheOldOneSigningForTheStatedTime() throws Exception {
    CliRun set = settingsWebhookFromStdin("an-old-secret-chosen-by-hand");

    CliRun rotated = CliRun.in(home, "--json", "webhooks", "rotate-secret", "--keep-old", "48h");

    assertThat(set.exitCode).as(set.toString()).isZero();
    assertThat(rotated.exitCode).as(rotated.toString()).isZero();
    JsonNode json = new ObjectMapper().readTree(rotated.out);
    String fresh = json.get("secret").asText();
    assertThat(fresh).matches("whsec_[A-Za-z0-9+/]{43}=");
    Instant until = Instant.parse(json.get("oldSecretValidUntil").asText());
    var stored = storedWebhook();
    assertThat(stored.secret()).isEqualTo(fresh);
    assertThat(stored.secretsAt(until.minusSeconds(1)))
        .containsExactly(fresh, "an-old-secret-chosen-by-hand");
    assertThat(stored.secretsAt(until)).containsExactly(fresh);
  }

  @Test
  void refusesToRotateWithoutAWebhookOrASecretKeptInTheEnvironmentOrForTooLong() {
    CliRun none = CliRun.in(home, "webhooks", "rotate-secret");
    CliRun.run(
        java.util.Map.of("HOOK_SECRET", "a-long-enough-secret-for-signing"),
        "--home",
        home.toString(),
        "settings",
        "webhook",
        "--url",
        "http://127.0.0.1:9/hook",
        "--secret-env",
        "HOOK_SECRET");
    CliRun fromEnv = CliRun.in(home, "webhooks", "rotate-secret");
    settingsWebhookFromStdin("an-old-secret-chosen-by-hand");
    CliRun tooLong = CliRun.in(home, "webhooks", "rotate-secret", "--keep-old", "31d");

    assertThat(none.exitCode).isEqualTo(1);
    assertThat(none.err).contains("no webhook is set", "warmreach settings webhook --url URL");
    assertThat(fromEnv.exitCode).isEqualTo(1);
    assertThat(fromEnv.err).contains("environment variable HOOK_SECRET", "--secret-stdin");
    assertThat(tooLong.exitCode).isEqualTo(1);
    assertThat(tooLong.err).contains("--keep-old PT744H must be between 0 and 30 days");
    assertThat(storedWebhook().secret()).isEqualTo("an-old-secret-chosen-by-hand");
  }
}
