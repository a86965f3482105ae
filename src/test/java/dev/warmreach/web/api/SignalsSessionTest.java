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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signals act, over real HTTP on SQLite with the engine running in assisted mode: a role change
 * wakes a connection with a DM that names the new role inside working hours, a person not stored
 * yet is created and enrolled in the campaign that takes signals, and a signal for someone in a
 * draft campaign is accepted (202) and acted on once the campaign is launched. (A post's topic in
 * the next note: {@link TruthfulOutreachSessionTest}.)
 */
class SignalsSessionTest {

  private static final String LEAD_LIST =
      """
      First Name,Last Name,Title,Company,LinkedIn URL
      Sam,Reyes,Head of Sales,Orbe,https://www.linkedin.com/in/sam-reyes
      """;

  private static final String CONNECTIONS =
      """
      First Name,Last Name,URL,Email Address,Company,Position,Connected On
      Maria,Okafor,https://www.linkedin.com/in/maria-okafor,,Orbe,Head of Sales,14 Mar 2022
      """;

  private static final String NEW_ROLE = "started as VP Sales at Orbe";

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
        "{\"name\": \"sdr-1\", \"plan\": \"SALES_NAVIGATOR\", \"timezone\": \"UTC\","
            + " \"hours\": \"Mon-Fri 09:00-17:00\"}",
        201);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aRoleChangeWakesAConnectionWithADmNamingTheNewRoleInsideWorkingHours() {
    long maria = imported(CONNECTIONS);
    launch("{\"name\": \"q1\", \"accounts\": [\"sdr-1\"]}");
    engine.runUntil(server.clock.instant());
    assertThat(tasks("DM")).as("the thanks waits 24-48 hours").isEmpty();

    server.clock.tick(Duration.ofHours(3)); // Monday 12:00
    Instant signalled = server.clock.instant();
    JsonNode taken = post("/api/events", roleChange("prospectId", maria, "sig-1"), 201);
    assertThat(taken.get("outcome").asText()).isEqualTo("ACTED");
    assertThat(taken.get("action").asText()).isEqualTo("woke them in campaign q1");
    engine.runUntil(server.clock.instant());

    JsonNode dm = tasks("DM").get(0);
    assertThat(dm.get("prospect").asLong()).isEqualTo(maria);
    assertThat(dm.get("text").asText()).contains(NEW_ROLE).contains("Congratulations, Maria");
    assertThat(Instant.parse(dm.get("due").asText()))
        .isBetween(signalled, Instant.parse("2026-03-02T17:00:00Z"));
    assertThat(
            server.count(
                "SELECT count(*) FROM decision WHERE summary LIKE '%signal: " + NEW_ROLE + "%'"))
        .isPositive();
  }

  @Test
  void aSignalOutsideWorkingHoursIsActedOnAsTheyOpen() {
    long maria = imported(CONNECTIONS);
    launch("{\"name\": \"q1\", \"accounts\": [\"sdr-1\"]}");
    engine.runUntil(server.clock.instant());

    server.clock.tick(Duration.ofHours(10)); // Monday 19:00
    post("/api/events", roleChange("prospectId", maria, "sig-1"), 201);
    engine.runUntil(Instant.parse("2026-03-03T10:00:00Z"));
    server.clock.set(Instant.parse("2026-03-03T10:00:00Z"));

    JsonNode dm = tasks("DM").get(0);
    assertThat(dm.get("text").asText()).contains(NEW_ROLE);
    assertThat(Instant.parse(dm.get("due").asText()))
        .isBetween(Instant.parse("2026-03-03T09:00:00Z"), Instant.parse("2026-03-03T10:00:00Z"));
  }

  @Test
  void aPersonNotYetStoredIsCreatedAndEnrolledInTheCampaignThatTakesSignals() {
    JsonNode created =
        post(
            "/api/campaigns",
            "{\"name\": \"inbound\", \"accounts\": [\"sdr-1\"], \"takeSignals\": true}",
            201);
    assertThat(created.get("takesSignals").asBoolean()).isTrue();
    post("/api/campaigns/inbound/launch", "", 200);

    JsonNode taken =
        post(
            "/api/events",
            "{\"kind\": \"signal\", \"signal\": \"role_change\", \"detail\": \""
                + NEW_ROLE
                + "\", \"profileUrl\": \"https://www.linkedin.com/in/lena-park\", \"firstName\":"
                + " \"Lena\", \"lastName\": \"Park\", \"title\": \"VP Sales\", \"company\":"
                + " \"Orbe\", \"idempotencyKey\": \"sig-lena\"}",
            201);

    assertThat(taken.get("outcome").asText()).isEqualTo("ENROLLED");
    assertThat(taken.get("action").asText()).isEqualTo("enrolled in campaign inbound");
    long lena = taken.get("prospectId").asLong();
    JsonNode stored = get("/api/prospects/" + lena);
    assertThat(stored.toString()).contains("Lena").contains("lena-park");
    engine.runUntil(server.clock.instant());
    // A VP whose LinkedIn activity is unknown is cold: the playbook's first touch is an InMail
    // (SPEC §2), and it names the news.
    JsonNode note = tasks("INMAIL").get(0);
    assertThat(note.get("prospect").asLong()).isEqualTo(lena);
    assertThat(note.get("text").asText()).contains(NEW_ROLE);

    JsonNode again =
        post(
            "/api/events",
            "{\"kind\": \"signal\", \"signal\": \"role_change\", \"detail\": \""
                + NEW_ROLE
                + "\", \"profileUrl\": \"https://www.linkedin.com/in/lena-park\", \"firstName\":"
                + " \"Lena\", \"lastName\": \"Park\", \"title\": \"VP Sales\", \"company\":"
                + " \"Orbe\", \"idempotencyKey\": \"sig-lena\"}",
            200);
    assertThat(again.get("duplicate").asBoolean()).isTrue();
    assertThat(server.count("SELECT count(*) FROM prospect")).isEqualTo(1);
  }

  @Test
  void aSignalForSomeoneInADraftCampaignIsAcceptedAndActedOnAfterLaunch() {
    long sam = imported(LEAD_LIST);
    post("/api/campaigns", "{\"name\": \"q1\", \"accounts\": [\"sdr-1\"]}", 201);

    JsonNode taken = post("/api/events", roleChange("prospectId", sam, "sig-1"), 202);
    assertThat(taken.get("outcome").asText()).isEqualTo("WAITING");
    assertThat(taken.get("action").asText()).contains("campaign q1 is draft");
    engine.runUntil(server.clock.instant());
    assertThat(server.count("SELECT count(*) FROM touch")).isZero();
    JsonNode feed = get("/api/signals").get("items").get(0);
    assertThat(feed.get("outcome").asText()).isEqualTo("WAITING");
    assertThat(feed.get("name").asText()).isEqualTo("Sam Reyes");
    HttpResponse<String> today = server.get("/today", auth);
    assertThat(today.body())
        .contains("Signals")
        .contains("Role change: " + NEW_ROLE)
        .contains("campaign q1 is draft");

    server.clock.tick(Duration.ofHours(2));
    post("/api/campaigns/q1/launch", "", 200);
    engine.runUntil(server.clock.instant());

    List<JsonNode> notes = tasks("CONNECT");
    assertThat(notes).as("the warm-up is skipped for a request that names the news").hasSize(1);
    assertThat(notes.get(0).get("text").asText()).contains(NEW_ROLE);
  }

  private static String roleChange(String field, long id, String key) {
    return "{\"kind\": \"signal\", \"signal\": \"role_change\", \"detail\": \""
        + NEW_ROLE
        + "\", \""
        + field
        + "\": "
        + id
        + ", \"idempotencyKey\": \""
        + key
        + "\"}";
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

  private List<JsonNode> tasks(String channel) {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode task : get("/api/tasks?due=today&account=sdr-1").get("items")) {
      if (task.get("channel").asText().equals(channel)) {
        found.add(task);
      }
    }
    return found;
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
}
