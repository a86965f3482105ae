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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What each person receives is true for them, over real HTTP on SQLite with the engine running in
 * assisted mode: the post they published is named in their note, the plan shows that exact text
 * before it is due, an old connection is not thanked for connecting, and an InMail sent first does
 * not follow up on a request that never went out.
 */
class TruthfulOutreachSessionTest {

  private static final String LEAD_LIST =
      """
      First Name,Last Name,Title,Company,LinkedIn URL
      Maria,Okafor,Head of Sales,Kestrel Security,https://www.linkedin.com/in/maria-okafor
      """;

  /** LinkedIn's own Connections export: everyone in it is connected already. */
  private static final String CONNECTIONS =
      """
      First Name,Last Name,URL,Email Address,Company,Position,Connected On
      Maria,Okafor,https://www.linkedin.com/in/maria-okafor,,Kestrel Security,Head of Sales,14 Mar 2022
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
    engine = Engines.live(server.app.store(), new AssistedExecutor());
    post(
        "/api/accounts",
        "{\"name\": \"sdr-1\", \"plan\": \"SALES_NAVIGATOR\", \"timezone\": \"Europe/Dublin\","
            + " \"hours\": \"Mon-Sun 00:00-23:59\"}",
        201);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aPostPublishedWithATopicIsNamedInTheNextNoteAsThePlanShowedIt() {
    long maria = imported(LEAD_LIST);
    launch("{\"name\": \"q1\", \"accounts\": [\"sdr-1\"]}");
    String topic = "why we moved our SDR team to Berlin";

    post(
        "/api/events",
        "{\"kind\": \"post_published\", \"prospectId\": "
            + maria
            + ", \"topic\": \""
            + topic
            + "\", \"idempotencyKey\": \"post-1\"}",
        201);
    engine.runUntil(server.clock.instant());
    String planned =
        get("/api/campaigns/q1/plan?prospect=" + maria)
            .get("items")
            .get(0)
            .get("nextMessage")
            .asText();
    JsonNode note = waitForTask("CONNECT", Duration.ofDays(14));

    assertThat(planned).contains(topic);
    assertThat(note.get("text").asText()).contains(topic).isEqualTo(planned);
  }

  @Test
  void anOldConnectionGetsADmThatDoesNotThankThemForConnecting() {
    long maria = imported(CONNECTIONS);
    launch("{\"name\": \"q1\", \"accounts\": [\"sdr-1\"]}");

    JsonNode dm = waitForTask("DM", Duration.ofDays(3));

    assertThat(dm.get("prospect").asLong()).isEqualTo(maria);
    assertThat(dm.get("text").asText())
        .startsWith("Hi Maria,")
        .doesNotContainIgnoringCase("thanks for connecting")
        .doesNotContainIgnoringCase("request");
  }

  @Test
  void anInmailSentAsTheFirstTouchDoesNotSpeakOfARequest() {
    imported(LEAD_LIST);
    launch("{\"name\": \"q1\", \"accounts\": [\"sdr-1\"], \"policy\": \"inmail-first\"}");

    JsonNode inmail = waitForTask("INMAIL", Duration.ofDays(14));

    assertThat(inmail.get("subject").asText()).doesNotContainIgnoringCase("request");
    assertThat(inmail.get("text").asText())
        .startsWith("Hi Maria,")
        .doesNotContainIgnoringCase("request")
        .doesNotContainIgnoringCase("following up")
        .as("no author: the message does not claim one")
        .doesNotContain("I work at")
        .doesNotContain("our team");
  }

  @Test
  void anAuthorGivenWithTheCampaignSaysWhoIsWriting() {
    imported(LEAD_LIST);
    launch(
        "{\"name\": \"q1\", \"accounts\": [\"sdr-1\"], \"policy\": \"inmail-first\","
            + " \"author\": \"Sam Carter, Head of Sales, Brightline\"}");

    JsonNode inmail = waitForTask("INMAIL", Duration.ofDays(14));

    assertThat(inmail.get("text").asText()).contains("I work at Brightline, and we help");
  }

  @Test
  void anAuthorOfFourPartsIsRefusedNamingTheForm() {
    HttpResponse<String> refused =
        server.post(
            "/api/campaigns",
            "application/json",
            "{\"name\": \"q2\", \"accounts\": [\"sdr-1\"], \"author\": \"A, B, C, D\"}",
            auth);

    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body()).contains("author").contains("Name, Role, Company");
    assertThat(server.count("SELECT count(*) FROM campaign")).isZero();
  }

  @Test
  void campaignFlagsAreTakenAndThePlanShowsTheWholePath() {
    imported(
        """
        First Name,Last Name,Title,Company,LinkedIn URL,Activity
        Mei,Chen,CEO,Orbe,https://www.linkedin.com/in/mei-chen,HIGH
        """);

    HttpResponse<String> refused =
        server.post(
            "/api/campaigns",
            "application/json",
            "{\"name\": \"q0\", \"accounts\": [\"sdr-1\"], \"accountBased\": \"yes\"}",
            auth);
    post(
        "/api/campaigns",
        "{\"name\": \"q1\", \"accounts\": [\"sdr-1\"], \"timeSensitive\": true,"
            + " \"comments\": \"automatic\"}",
        201);
    JsonNode plan = get("/api/campaigns/q1/plan");

    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body()).contains("accountBased").contains("true or false");
    assertThat(plan.get("items").get(0).get("path").asText())
        .as("an active CEO in a time-sensitive campaign gets an InMail")
        .isEqualTo("warm-up (2 rounds) → InMail");
  }

  private long imported(String csv) {
    HttpResponse<String> response = server.post("/api/prospects/import", "text/csv", csv, auth);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return get("/api/prospects").get("items").get(0).get("id").asLong();
  }

  private void launch(String campaign) {
    post("/api/campaigns", campaign, 201);
    post("/api/campaigns/q1/launch", "", 200);
  }

  private JsonNode post(String path, String json, int status) {
    HttpResponse<String> response = server.post(path, "application/json", json, auth);
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(status);
    return ServerFixture.json(response);
  }

  private JsonNode get(String path) {
    HttpResponse<String> response = server.get(path, auth);
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return ServerFixture.json(response);
  }

  /** Moves the clock an hour at a time, running the engine, until a task on the channel is due. */
  private JsonNode waitForTask(String channel, Duration atMost) {
    Instant until = server.clock.instant().plus(atMost);
    while (server.clock.instant().isBefore(until)) {
      engine.runUntil(server.clock.instant());
      for (JsonNode task : get("/api/tasks?due=today&account=sdr-1").get("items")) {
        if (task.get("channel").asText().equals(channel)) {
          return task;
        }
        post("/api/tasks/" + task.get("id") + "/done", "", 200);
      }
      server.clock.tick(Duration.ofHours(1));
    }
    throw new AssertionError("no " + channel + " task within " + atMost);
  }
}
