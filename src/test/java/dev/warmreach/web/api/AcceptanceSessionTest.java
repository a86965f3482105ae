package dev.warmreach.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warmreach.domain.Role;
import dev.warmreach.execute.assisted.AssistedExecutor;
import dev.warmreach.live.LiveEngine;
import dev.warmreach.testing.Engines;
import dev.warmreach.web.ServerFixture;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance session of the REST API, over real HTTP on SQLite: sign in, import, create and
 * launch a campaign, work the task inbox as the engine fills it, report the acceptance (twice), and
 * find the follow-up DM 24–48 hours after it. docs/api.md shows the same session with curl.
 */
class AcceptanceSessionTest {

  private static final String CSV =
      """
      First Name,Last Name,Title,Company,LinkedIn URL,Email
      Siobhán,Kelly,Account Executive,Kestrel Security,https://www.linkedin.com/in/siobhan-kelly,siobhan@kestrel.io
      """;

  @TempDir Path home;
  private ServerFixture server;
  private String[] auth;
  private LiveEngine engine;

  @BeforeEach
  void start() {
    server = ServerFixture.start(home);
    server.addUser("you@example.com", Role.ADMIN);
    auth = server.bearer(server.login("you@example.com"));
    // Assisted mode only: every touch waits in the task inbox for a person.
    engine = Engines.live(server.app.store(), new AssistedExecutor());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private JsonNode ok(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    System.out.println("  " + response.statusCode() + " " + response.body());
    return ServerFixture.json(response);
  }

  private JsonNode post(String path, String json, int status) {
    System.out.println("POST " + path);
    return ok(server.post(path, "application/json", json, auth), status);
  }

  private JsonNode get(String path) {
    System.out.println("GET " + path);
    return ok(server.get(path, auth), 200);
  }

  /** Moves the clock an hour at a time, running the engine, until a task on the channel is due. */
  private JsonNode waitForTask(String channel, Duration atMost) {
    Instant until = server.clock.instant().plus(atMost);
    while (server.clock.instant().isBefore(until)) {
      engine.runUntil(server.clock.instant());
      for (JsonNode task :
          ServerFixture.json(server.get("/api/tasks?due=today&account=sdr-1", auth)).get("items")) {
        if (task.get("channel").asText().equals(channel)) {
          return task;
        }
        // Warm-ups come first: the user likes a post and marks the task done.
        assertThat(
                server
                    .post("/api/tasks/" + task.get("id") + "/done", null, null, auth)
                    .statusCode())
            .isEqualTo(200);
      }
      server.clock.tick(Duration.ofHours(1));
    }
    throw new AssertionError("no " + channel + " task within " + atMost);
  }

  @Test
  void aConnectionRequestAcceptedOnceBringsTheFollowUpDmWithin24To48Hours() {
    post(
        "/api/accounts",
        "{\"name\": \"sdr-1\", \"plan\": \"SALES_NAVIGATOR\", \"timezone\": \"Europe/Dublin\","
            + " \"hours\": \"Mon-Sun 00:00-23:59\"}",
        201);
    System.out.println("POST /api/prospects/import?tag=q1");
    JsonNode imported = ok(server.post("/api/prospects/import?tag=q1", "text/csv", CSV, auth), 201);
    assertThat(imported.get("created").asInt()).isEqualTo(1);
    long prospect = get("/api/prospects?tag=q1").get("items").get(0).get("id").asLong();

    JsonNode created =
        post(
            "/api/campaigns",
            "{\"name\": \"q1\", \"accounts\": [\"sdr-1\"], \"tag\": \"q1\"}",
            201);
    assertThat(created.get("enrolled").asInt()).isEqualTo(1);
    assertThat(post("/api/campaigns/q1/launch", "", 200).get("status").asText())
        .isEqualTo("ACTIVE");

    JsonNode request = waitForTask("CONNECT", Duration.ofDays(14));
    System.out.println("task due: " + request);
    assertThat(request.get("prospect").asLong()).isEqualTo(prospect);
    post("/api/tasks/" + request.get("id") + "/done", "", 200);
    engine.runUntil(server.clock.instant());
    String waiting =
        get("/api/campaigns/q1/plan?prospect=" + prospect)
            .get("items")
            .get(0)
            .get("decision")
            .asText();
    System.out.println("plan while the request is pending: " + waiting);
    assertThat(waiting)
        .as("a wait is told on the account's clock, not in UTC")
        .matches("Wait until \\w{3} \\d{1,2} \\w{3} \\d{4}, \\d{2}:\\d{2} \\(Europe/Dublin\\): .+");

    server.clock.tick(Duration.ofHours(5));
    Instant acceptedAt = server.clock.instant();
    String accepted =
        "{\"kind\": \"accepted\", \"prospectId\": "
            + prospect
            + ", \"idempotencyKey\": \"li-invite-1\", \"at\": \""
            + acceptedAt
            + "\"}";
    assertThat(post("/api/events", accepted, 201).get("duplicate").asBoolean()).isFalse();
    assertThat(post("/api/events", accepted, 200).get("duplicate").asBoolean()).isTrue();
    assertThat(server.count("SELECT count(*) FROM prospect_event WHERE kind = 'ACCEPTED'"))
        .isEqualTo(1);

    engine.runUntil(server.clock.instant());
    JsonNode plan = get("/api/campaigns/q1/plan?prospect=" + prospect).get("items").get(0);
    JsonNode dm = waitForTask("DM", Duration.ofDays(3));
    Instant due = Instant.parse(dm.get("due").asText());
    System.out.println("plan after the acceptance: " + plan);
    System.out.println("follow-up DM due " + due + ", accepted " + acceptedAt);

    assertThat(due)
        .isAfterOrEqualTo(acceptedAt.plus(Duration.ofHours(24)))
        .isBeforeOrEqualTo(acceptedAt.plus(Duration.ofHours(48)));
    assertThat(Optional.ofNullable(dm.get("text")).map(JsonNode::asText).orElse("")).isNotBlank();
    JsonNode funnel = get("/api/campaigns/q1");
    assertThat(funnel.get("sent").get("CONNECT").asInt()).isEqualTo(1);
    assertThat(funnel.get("events").get("ACCEPTED").asInt()).isEqualTo(1);
  }
}
