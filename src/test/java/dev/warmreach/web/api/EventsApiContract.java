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
  void aKeyReusedForADifferentEventIs409NamingTheKeyAndStoresNothing() {
    String accepted =
        "{\"kind\": \"accepted\", \"prospectId\": " + ana + ", \"idempotencyKey\": \"li-7\"}";
    assertThat(post(accepted).statusCode()).isEqualTo(201);

    HttpResponse<String> reply =
        post(
            "{\"kind\": \"replied\", \"channel\": \"dm\", \"prospectId\": "
                + ana
                + ", \"idempotencyKey\": \"li-7\"}");

    assertThatProblem(reply)
        .hasStatus(409)
        .namesFields("idempotencyKey")
        .detailContains("'li-7'")
        .detailContains("kind");
    assertThat(storedEvents()).isEqualTo(1);
    assertThat(server.count("SELECT count(*) FROM prospect_event WHERE kind = 'REPLIED'")).isZero();
    HttpResponse<String> same = post(accepted);
    assertThat(same.statusCode()).as("the very same event, without a time, again").isEqualTo(200);
    assertThat(ServerFixture.json(same).get("duplicate").asBoolean()).isTrue();
  }

  @Test
  void aKeyReusedWithAnotherTimeOrDetailIsAConflictTooEvenInABatch() {
    post(
        "{\"kind\": \"signal\", \"signal\": \"hiring\", \"detail\": \"3 SDRs\", \"prospectId\": "
            + ana
            + ", \"idempotencyKey\": \"s-1\", \"at\": \"2026-03-01T10:00:00Z\"}");

    assertThatProblem(
            post(
                "{\"kind\": \"signal\", \"signal\": \"hiring\", \"detail\": \"3 SDRs\","
                    + " \"prospectId\": "
                    + ana
                    + ", \"idempotencyKey\": \"s-1\", \"at\": \"2026-03-01T11:00:00Z\"}"))
        .hasStatus(409)
        .detailContains("at");
    assertThatProblem(
            post(
                "[{\"kind\": \"declined\", \"prospectId\": "
                    + ana
                    + ", \"idempotencyKey\": \"new-1\"},"
                    + " {\"kind\": \"signal\", \"signal\": \"hiring\", \"detail\": \"5 AEs\","
                    + " \"prospectId\": "
                    + ana
                    + ", \"idempotencyKey\": \"s-1\"}]"))
        .hasStatus(409)
        .namesFields("events[1].idempotencyKey");
    assertThatProblem(
            post(
                "[{\"kind\": \"declined\", \"prospectId\": "
                    + ana
                    + ", \"idempotencyKey\": \"twice\"},"
                    + " {\"kind\": \"accepted\", \"prospectId\": "
                    + ana
                    + ", \"idempotencyKey\": \"twice\"}]"))
        .hasStatus(409)
        .namesFields("events[1].idempotencyKey");
    assertThat(storedEvents()).as("a refused batch stores none of its events").isEqualTo(1);
    HttpResponse<String> same =
        post(
            "{\"kind\": \"signal\", \"signal\": \"HIRING\", \"detail\": \"3 SDRs\", \"prospectId\": "
                + ana
                + ", \"idempotencyKey\": \"s-1\", \"at\": \"2026-03-01T11:00:00+01:00\"}");
    assertThat(same.statusCode()).as(same.body()).isEqualTo(200);
  }

  @Test
  void aTimeBeforeLinkedInAndANumericKeyAreRefusedNamingTheField() {
    assertThatProblem(
            post(
                "{\"kind\": \"accepted\", \"prospectId\": "
                    + ana
                    + ", \"idempotencyKey\": \"z-1\", \"at\": \"0001-01-01T00:00:00Z\"}"))
        .hasStatus(422)
        .namesFields("at");
    assertThatProblem(
            post(
                "{\"kind\": \"accepted\", \"prospectId\": " + ana + ", \"idempotencyKey\": 12345}"))
        .hasStatus(422)
        .namesFields("idempotencyKey")
        .detailContains("string");
    assertThat(storedEvents()).isZero();
  }

  @Test
  void aNulCharacterInAFieldOrTheQueryIsRefusedBeforeTheDatabaseSeesIt() {
    assertThatProblem(
            post(
                "{\"kind\": \"signal\", \"signal\": \"hiring\", \"detail\": \"a\\u0000b\","
                    + " \"prospectId\": "
                    + ana
                    + ", \"idempotencyKey\": \"n-1\"}"))
        .hasStatus(422)
        .namesFields("detail");
    assertThatProblem(
            post(
                "[{\"kind\": \"accepted\", \"prospectId\": "
                    + ana
                    + ", \"idempotencyKey\": \"n\\u0000-2\"}]"))
        .hasStatus(422)
        .namesFields("[0].idempotencyKey");
    assertThatProblem(server.get("/api/prospects?search=a%00b", auth))
        .hasStatus(400)
        .detailContains("'search'");
    assertThat(storedEvents()).isZero();
  }

  @Test
  void invalidUtf8IsA400NotAReplacementCharacter() {
    byte[] head =
        ("{\"kind\": \"post_published\", \"topic\": \"Z")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] tail =
        ("e\", \"prospectId\": " + ana + ", \"idempotencyKey\": \"u-1\"}")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + 1 + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    body[head.length] = (byte) 0xEB; // 'ë' in Windows-1252: not UTF-8 on its own
    System.arraycopy(tail, 0, body, head.length + 1, tail.length);

    assertThatProblem(server.postBytes("/api/events", "application/json", body, auth))
        .hasStatus(400)
        .detailContains("UTF-8")
        .detailContains("byte " + head.length);
    assertThat(storedEvents()).isZero();
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

  private static final String POST_ID = "urn:li:activity:7290000000000000000";
  private static final String POST_URL =
      "https://www.linkedin.com/feed/update/urn:li:activity:7290000000000000000/";

  private String postPublished(String key, String extra) {
    return "{\"kind\": \"post_published\", \"prospectId\": "
        + ana
        + ", \"topic\": \"why we moved our SDR team to Berlin\", \"idempotencyKey\": \""
        + key
        + "\""
        + extra
        + "}";
  }

  @Test
  void aPostPublishedKeepsItsIdAndAddressAndTheFeedLinksIt() {
    HttpResponse<String> both =
        post(
            postPublished(
                "post-1", ", \"postId\": \"" + POST_ID + "\", \"postUrl\": \"" + POST_URL + "\""));
    HttpResponse<String> addressOnly =
        post(
            postPublished(
                "post-2",
                ", \"postUrl\": \"https://www.linkedin.com/posts/ana-silva_sdr-berlin-activity"
                    + "-7290000000000000001-AbCd/\""));
    HttpResponse<String> topicOnly = post(postPublished("post-3", ""));

    assertThat(both.statusCode()).as(both.body()).isEqualTo(201);
    assertThat(addressOnly.statusCode()).as(addressOnly.body()).isEqualTo(201);
    assertThat(topicOnly.statusCode()).as(topicOnly.body()).isEqualTo(201);
    assertThat(
            server.count(
                "SELECT count(*) FROM prospect_event WHERE post_id = '"
                    + POST_ID
                    + "' AND post_url = '"
                    + POST_URL
                    + "'"))
        .isEqualTo(1);
    assertThat(
            server.count(
                "SELECT count(*) FROM prospect_event WHERE idempotency_key = 'post-2' AND post_id"
                    + " = 'urn:li:activity:7290000000000000001'"))
        .as("a shared post's address holds its id")
        .isEqualTo(1);
    JsonNode feed = ServerFixture.json(server.get("/api/signals", auth)).get("items");
    assertThat(feed).hasSize(3);
    JsonNode named = findByKey(feed, "post-1");
    assertThat(named.get("signal").asText()).isEqualTo("relevant_post");
    assertThat(named.get("detail").asText()).isEqualTo("why we moved our SDR team to Berlin");
    assertThat(named.get("postId").asText()).isEqualTo(POST_ID);
    assertThat(named.get("postUrl").asText()).isEqualTo(POST_URL);
    assertThat(findByKey(feed, "post-3").has("postUrl")).as("a post named by topic only").isFalse();
    HttpResponse<String> sameKeyOtherPost =
        post(postPublished("post-1", ", \"postId\": \"urn:li:activity:1\""));
    assertThatProblem(sameKeyOtherPost).hasStatus(409).detailContains("post");
  }

  private static JsonNode findByKey(JsonNode feed, String key) {
    for (JsonNode row : feed) {
      if (row.get("idempotencyKey").asText().equals(key)) {
        return row;
      }
    }
    throw new AssertionError("no " + key + " in the feed: " + feed);
  }

  @Test
  void aMalformedPostIdOrAddressIs422NamingTheFieldAndStoresNothing() {
    assertThatProblem(post(postPublished("p-1", ", \"postUrl\": \"https://example.com/p/1\"")))
        .hasStatus(422)
        .namesFields("postUrl")
        .detailContains("not a LinkedIn post link");
    assertThatProblem(
            post(postPublished("p-2", ", \"postUrl\": \"https://www.linkedin.com/in/ana-silva\"")))
        .hasStatus(422)
        .namesFields("postUrl")
        .detailContains("not a post's");
    assertThatProblem(post(postPublished("p-3", ", \"postId\": \"7290000000000000000\"")))
        .hasStatus(422)
        .namesFields("postId")
        .detailContains("urn:li:activity:");
    assertThatProblem(post(postPublished("p-4", ", \"postId\": 7290000000000000000")))
        .hasStatus(422)
        .namesFields("postId")
        .detailContains("must be a string");
    assertThatProblem(
            post(
                postPublished(
                    "p-5",
                    ", \"postUrl\": \"https://www.linkedin.com/feed/update/"
                        + "x".repeat(600)
                        + "\"")))
        .hasStatus(422)
        .namesFields("postUrl")
        .detailContains("at most 500");
    assertThatProblem(
            post(
                postPublished(
                    "p-6",
                    ", \"postId\": \"urn:li:activity:1\", \"postUrl\": \"" + POST_URL + "\"")))
        .hasStatus(422)
        .namesFields("postUrl")
        .detailContains("give one post");
    assertThatProblem(
            post(
                "{\"kind\": \"accepted\", \"prospectId\": "
                    + ana
                    + ", \"idempotencyKey\": \"p-7\", \"postId\": \""
                    + POST_ID
                    + "\"}"))
        .hasStatus(422)
        .namesFields("postId")
        .detailContains("post_published events only");
    assertThat(storedEvents()).isZero();
    assertThat(server.count("SELECT count(*) FROM signal_feed")).isZero();
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
