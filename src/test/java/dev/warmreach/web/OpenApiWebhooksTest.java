package dev.warmreach.web;

import static dev.warmreach.testing.AProspect.aProspect;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Event;
import dev.warmreach.domain.Message;
import dev.warmreach.domain.ProfileUrl;
import dev.warmreach.domain.Prospect;
import dev.warmreach.execute.Backoff;
import dev.warmreach.execute.webhook.WebhookExecutor;
import dev.warmreach.execute.webhook.WebhookReceiver;
import dev.warmreach.execute.webhook.WebhookSecret;
import dev.warmreach.execute.webhook.WebhookSettings;
import dev.warmreach.live.LiveEngine;
import dev.warmreach.store.ProspectQuery;
import dev.warmreach.store.Store;
import dev.warmreach.store.jdbc.JdbcStore;
import dev.warmreach.testing.ACampaign;
import dev.warmreach.testing.Engines;
import dev.warmreach.testing.PlannedTouches;
import dev.warmreach.testing.SettableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The document's {@code webhooks} tell the truth: every message type Warmreach posts is described,
 * and real messages, captured by a receiver on 127.0.0.1 as the webhook executor posted them, are
 * valid against their schemas by networknt's JSON Schema 2020-12 validator.
 */
@Timeout(60)
class OpenApiWebhooksTest {

  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;
  private final SettableClock clock = new SettableClock(T0);
  private JsonNode document;
  private OpenApiContract contract;
  private Store store;
  private WebhookReceiver receiver;
  private WebhookExecutor executor;

  @BeforeEach
  void open() throws IOException {
    document = JSON.readTree(Files.readString(Path.of("src/main/resources/openapi.json")));
    contract = new OpenApiContract(document);
    store = JdbcStore.openEmbedded(home, clock);
    receiver = new WebhookReceiver();
    executor =
        new WebhookExecutor(
            store.deliveries(),
            store.doNotContact(),
            new WebhookSettings(
                receiver.url(),
                WebhookSecret.generate(),
                Duration.ofSeconds(5),
                new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(30), 4)),
            clock);
  }

  @AfterEach
  void close() {
    receiver.close();
    store.close();
  }

  /** Every message type, as posted: touches by email and DM, four outcomes, a campaign's end. */
  private List<JsonNode> capturedMessages() throws IOException {
    executor.deliverDue(); // the first pass starts reading outcomes from here
    executor.execute(
        PlannedTouches.email(
            store,
            aProspect()
                .named("Ana", "Silva")
                .withEmail("ana@northwind.example")
                .lead("ACwAAAna1")
                .build(),
            "Your Q3 pipeline",
            "Hi Ana",
            clock.instant()));
    executor.execute(
        PlannedTouches.plant(
            store,
            aProspect().named("Bo", "Berg").at("https://www.linkedin.com/in/bo-berg").build(),
            Channel.DM,
            new Message("B", "", "Hi Bo", true),
            clock.instant()));
    long bo = store.prospects().prospectByUrl(ProfileUrl.of("linkedin.com/in/bo-berg")).get().id();
    store.engineSteps().recordEvent(new Event.Accepted(bo, T0, "li-accept-1"));
    store.engineSteps().recordEvent(new Event.Replied(bo, T0, "li-reply-1", Channel.DM));
    store.engineSteps().recordEvent(new Event.Bounced(bo, T0, "bounce-1"));
    store.engineSteps().recordEvent(new Event.Unsubscribed(bo, T0, "unsub-1"));
    executor.deliverDue();

    ACampaign.launchedWorking("Mon-Sun 00:00-23:59", store, 2, T0, "sdr-2");
    LiveEngine engine = Engines.live(store, executor);
    engine.runDue(clock.instant());
    for (Prospect p : store.prospects().prospects(ProspectQuery.all(100))) {
      store
          .engineSteps()
          .recordEvent(new Event.Replied(p.id(), clock.instant(), "r-" + p.id(), Channel.DM));
    }
    for (int pass = 0; pass < 5; pass++) {
      clock.tick(Duration.ofMinutes(5));
      engine.runDue(clock.instant());
      executor.deliverDue();
    }
    List<JsonNode> messages = new ArrayList<>();
    for (WebhookReceiver.Received r : receiver.received()) {
      messages.add(JSON.readTree(r.body()));
    }
    return messages;
  }

  private List<String> problems(JsonNode message) {
    String type = message.path("type").asText();
    JsonNode hook = document.path("webhooks").path(type).path("post");
    if (hook.isMissingNode()) {
      return List.of(type + " is posted but not in the document's webhooks");
    }
    JsonNode schema = hook.at("/requestBody/content/application~1json/schema");
    return contract.validate(schema, message, "webhook " + type + ": ");
  }

  @Test
  void everyMessagePostedIsValidAgainstItsDocumentedSchemaAndEveryDocumentedOneIsPosted()
      throws IOException {
    List<JsonNode> messages = capturedMessages();

    Set<String> posted = new TreeSet<>();
    List<String> problems = new ArrayList<>();
    for (JsonNode message : messages) {
      posted.add(message.path("type").asText());
      problems.addAll(problems(message));
    }
    Set<String> documented = new TreeSet<>();
    document.path("webhooks").fieldNames().forEachRemaining(documented::add);

    assertThat(problems).isEmpty();
    assertThat(posted)
        .containsExactlyInAnyOrder(
            "touch.due",
            "prospect.accepted",
            "prospect.replied",
            "prospect.bounced",
            "prospect.unsubscribed",
            "campaign.finished");
    assertThat(documented).isEqualTo(posted);
    assertThat(messages)
        .anySatisfy(m -> assertThat(m.at("/data/prospect/leadId").asText()).isEqualTo("ACwAAAna1"))
        .anySatisfy(m -> assertThat(m.at("/data/subject").asText()).isEqualTo("Your Q3 pipeline"));
  }

  @Test
  void aMessageThatDriftedFromTheDocumentIsCaught() throws IOException {
    JsonNode replied =
        capturedMessages().stream()
            .filter(m -> m.path("type").asText().equals("prospect.replied"))
            .findFirst()
            .orElseThrow();
    ObjectNode missing = replied.deepCopy();
    ((ObjectNode) missing.get("data")).remove("prospect");
    ObjectNode extra = replied.deepCopy();
    ((ObjectNode) extra.get("data")).put("sentiment", "positive");
    ObjectNode badTime = replied.deepCopy();
    badTime.put("timestamp", "yesterday");

    assertThat(problems(replied)).isEmpty();
    assertThat(problems(missing)).isNotEmpty().anySatisfy(p -> assertThat(p).contains("prospect"));
    assertThat(problems(extra)).isNotEmpty().anySatisfy(p -> assertThat(p).contains("sentiment"));
    assertThat(problems(badTime)).isNotEmpty();
  }

  @Test
  void everyDocumentedWebhookHasATagADescriptionAndAnExampleItsSchemaAccepts() {
    List<String> problems = new ArrayList<>();
    document
        .path("webhooks")
        .fields()
        .forEachRemaining(
            hook -> {
              JsonNode post = hook.getValue().path("post");
              if (!post.path("tags").isArray() || post.path("description").asText().isBlank()) {
                problems.add(hook.getKey() + " needs tags and a description");
              }
              JsonNode media = post.at("/requestBody/content/application~1json");
              if (!media.has("example")) {
                problems.add(hook.getKey() + " needs an example");
              } else {
                problems.addAll(
                    contract.validate(
                        media.get("schema"), media.get("example"), hook.getKey() + " example: "));
                if (!media.get("example").path("type").asText().equals(hook.getKey())) {
                  problems.add(hook.getKey() + " example has another type");
                }
              }
            });
    assertThat(problems).isEmpty();
  }
}
