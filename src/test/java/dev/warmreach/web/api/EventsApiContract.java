package dev.warmreach.web.api;

import static dev.warmreach.testing.AProspect.aProspect;
import static dev.warmreach.web.ProblemAssert.assertThatProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warmreach.domain.Role;
import dev.warmreach.domain.UserError;
import dev.warmreach.web.ServerFixture;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/events} over real HTTP; one subclass per database runs the same tests. The
 * prospects are Ana (by id) and Bo (by profile URL).
 */
abstract class EventsApiContract {

  @TempDir Path home;
  protected ServerFixture server;
  private String[] auth;
  private long ana;

  protected abstract ServerFixture startServer(Path home);

  @BeforeEach
  void start() {
    server = startServer(home);
    server
        .app
        .prospects()
        .saveProspects(
            List.of(
                aProspect()
                    .named("Ana", "Silva")
                    .at("https://www.linkedin.com/in/ana-silva")
                    .build(),
                aProspect().named("Bo", "Berg").at("https://www.linkedin.com/in/bo-berg").build()));
    ana =
        server
            .app
            .prospects()
            .prospectByUrl(dev.warmreach.domain.ProfileUrl.of("linkedin.com/in/ana-silva"))
            .orElseThrow()
            .id();
    server.addUser("ana@example.com", Role.MEMBER);
    auth = server.bearer(server.login("ana@example.com"));
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private HttpResponse<String> post(String json) {
    return server.post("/api/events", "application/json", json, auth);
  }

  private long storedEvents() {
    return server.count("SELECT count(*) FROM prospect_event");
  }

  @Test
  void aNewEventIs201AndItsReplayIs200DuplicateAppliedOnce() {
    String event =
        "{\"kind\": \"accepted\", \"prospectId\": "
            + ana
            + ", \"idempotencyKey\": \"li-123\","
            + " \"at\": \"2026-03-02T08:30:00+01:00\"}";

    HttpResponse<String> first = post(event);
    HttpResponse<String> replay = post(event);

    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    assertThat(ServerFixture.json(first).get("duplicate").asBoolean()).isFalse();
    assertThat(replay.statusCode()).isEqualTo(200);
    assertThat(ServerFixture.json(replay).get("duplicate").asBoolean()).isTrue();
    assertThat(storedEvents()).isEqualTo(1);
    assertThat(server.count("SELECT happened_at FROM prospect_event"))
        .isEqualTo(java.time.Instant.parse("2026-03-02T07:30:00Z").toEpochMilli());
  }

  @Test
  void findsTheProspectByProfileUrlInAnyShapePeoplePaste() {
    HttpResponse<String> response =
        post(
            "{\"kind\": \"replied\", \"channel\": \"inmail\","
                + " \"profileUrl\": \"http://de.linkedin.com/in/Bo-Berg/?trk=x\","
                + " \"idempotencyKey\": \"r-1\"}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    assertThat(
            server.count(
                "SELECT count(*) FROM prospect_event WHERE kind = 'REPLIED' AND channel = 'INMAIL'"))
        .isEqualTo(1);
    assertThat(server.count("SELECT happened_at FROM prospect_event"))
        .as("without 'at' the event happened now")
        .isEqualTo(ServerFixture.START.toEpochMilli());
  }

  @Test
  void aMessageReceivedIsAReplyByLinkedInDm() {
    assertThat(
            post("{\"kind\": \"message_received\", \"prospectId\": "
                    + ana
                    + ", \"idempotencyKey\": \"m-1\"}")
                .statusCode())
        .isEqualTo(201);

    assertThat(
            server.count(
                "SELECT count(*) FROM prospect_event WHERE kind = 'REPLIED' AND channel = 'DM'"))
        .isEqualTo(1);
  }

  @Test
  void acceptsEveryKindInOneBatchAndCountsDuplicates() {
    post("{\"kind\": \"bounced\", \"prospectId\": " + ana + ", \"idempotencyKey\": \"k-0\"}");
    String batch =
        "["
            + "{\"kind\": \"bounced\", \"prospectId\": "
            + ana
            + ", \"idempotencyKey\": \"k-0\"},"
            + "{\"kind\": \"declined\", \"prospectId\": "
            + ana
            + ", \"idempotencyKey\": \"k-1\"},"
            + "{\"kind\": \"withdrawn\", \"prospectId\": "
            + ana
            + ", \"idempotencyKey\": \"k-2\"},"
            + "{\"kind\": \"signal\", \"signal\": \"role_change\", \"detail\": \"now VP Sales\","
            + "  \"prospectId\": "
            + ana
            + ", \"idempotencyKey\": \"k-3\"},"
            + "{\"kind\": \"post_published\", \"topic\": \"SDR onboarding\","
            + "  \"prospectId\": "
            + ana
            + ", \"idempotencyKey\": \"k-4\"},"
            + "{\"kind\": \"ACCEPTED\", \"prospectId\": "
            + ana
            + ", \"idempotencyKey\": \"k-5\"}"
            + "]";

    HttpResponse<String> response = post(batch);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonNode body = ServerFixture.json(response);
    assertThat(body.get("created").asInt()).isEqualTo(5);
    assertThat(body.get("duplicates").asInt()).isEqualTo(1);
    assertThat(body.get("results").get(0).get("duplicate").asBoolean()).isTrue();
    assertThat(storedEvents()).isEqualTo(6);
    assertThat(
            server.count(
                "SELECT count(*) FROM prospect_event WHERE kind = 'SIGNAL'"
                    + " AND detail LIKE '%now VP Sales%'"))
        .isEqualTo(1);
    HttpResponse<String> wrapped =
        server.post("/api/events", "application/json", "{\"events\": " + batch + "}", auth);
    assertThat(wrapped.statusCode()).isEqualTo(200);
    assertThat(ServerFixture.json(wrapped).get("duplicates").asInt()).isEqualTo(6);
  }

  @Test
  void aBatchWithOneBadEventStoresNoneAndNamesEachField() {
    HttpResponse<String> response =
        post(
            "["
                + "{\"kind\": \"accepted\", \"prospectId\": "
                + ana
                + ", \"idempotencyKey\": \"ok\"},"
                + "{\"kind\": \"liked\", \"prospectId\": "
                + ana
                + ", \"idempotencyKey\": \"a\"},"
                + "{\"kind\": \"replied\", \"prospectId\": 999999, \"at\": \"last tuesday\"},"
                + "{\"kind\": \"signal\", \"signal\": \"vibes\", \"profileUrl\": \"https://example.com/x\","
                + "  \"idempotencyKey\": \"c\"}"
                + "]");

    assertThatProblem(response)
        .hasStatus(422)
        .namesFields(
            "events[1].kind",
            "events[2].idempotencyKey",
            "events[2].at",
            "events[2].prospectId",
            "events[2].channel",
            "events[3].profileUrl",
            "events[3].signal");
    assertThat(storedEvents()).isZero();
  }

  @Test
  void aSingleEventMissingItsProspectOrKeyIs422NamingTheField() {
    assertThatProblem(post("{\"kind\": \"accepted\", \"idempotencyKey\": \"x\"}"))
        .hasStatus(422)
        .namesFields("prospectId");
    assertThatProblem(post("{\"kind\": \"accepted\", \"prospectId\": " + ana + "}"))
        .hasStatus(422)
        .namesFields("idempotencyKey");
    assertThatProblem(
            post(
                "{\"kind\": \"accepted\", \"prospectId\": "
                    + ana
                    + ", \"idempotencyKey\": \"x\","
                    + " \"at\": \"2026-03-09T09:00:00Z\"}"))
        .hasStatus(422)
        .namesFields("at")
        .detailContains("future");
    assertThat(storedEvents()).isZero();
  }

  @Test
  void aBodyThatIsNotJsonIs400() {
    assertThatProblem(post("{\"kind\": ")).hasStatus(400).detailContains("not valid JSON");
    assertThatProblem(post("42")).hasStatus(400);
    assertThatProblem(post("[]")).hasStatus(422).namesFields("events");
  }

  @Test
  void aBatchIsAtMostAThousandEvents() {
    String events =
        IntStream.range(0, EventsApi.MAX_BATCH + 1)
            .mapToObj(
                i ->
                    "{\"kind\": \"accepted\", \"prospectId\": "
                        + ana
                        + ", \"idempotencyKey\": \"b-"
                        + i
                        + "\"}")
            .collect(Collectors.joining(",", "[", "]"));

    assertThatProblem(post(events)).hasStatus(422).namesFields("events");
  }

  @Test
  void anErasedProspectsEventsAreRefused() {
    server.app.prospects().forgetProspect(ana);

    assertThatProblem(
            post(
                "{\"kind\": \"accepted\", \"prospectId\": " + ana + ", \"idempotencyKey\": \"z\"}"))
        .hasStatus(422)
        .namesFields("prospectId");
  }

  @Test
  void theStoreRefusesAnEventForAnUnknownProspectAsAUserError() {
    // The API checks first; the store is the last line should a prospect vanish in between.
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                server
                    .app
                    .engineSteps()
                    .recordEvent(
                        new dev.warmreach.domain.Event.Accepted(
                            987654, ServerFixture.START, "late")))
        .isInstanceOf(UserError.class);
  }
}
