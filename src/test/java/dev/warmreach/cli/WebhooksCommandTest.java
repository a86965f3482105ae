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
import dev.warmreach.store.jdbc.JdbcStore;
import dev.warmreach.testing.PlannedTouches;
import dev.warmreach.testing.SettableClock;
import java.nio.file.Path;
import java.time.Instant;
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
}
