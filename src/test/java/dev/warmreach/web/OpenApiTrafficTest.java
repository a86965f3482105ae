package dev.warmreach.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warmreach.domain.EmailAddress;
import dev.warmreach.domain.Touch;
import dev.warmreach.execute.assisted.AssistedExecutor;
import dev.warmreach.execute.provider.FakeUnipile;
import dev.warmreach.execute.provider.ProviderSetup;
import dev.warmreach.live.LiveEngine;
import dev.warmreach.testing.Engines;
import dev.warmreach.web.auth.FirstAdmin;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every operation of {@code /openapi.json} run against one live server over real HTTP, successes
 * and mistakes alike; each request the server took and each answer it gave is checked against the
 * document by an independent JSON Schema 2020-12 validator. The last test names every documented
 * operation the others did not run, so a route documented later must be exercised here too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenApiTrafficTest {

  private static final String ADMIN = "admin@example.com";
  private static final String MEMBER = "member@example.com";
  private static final String CSV =
      """
      First Name,Last Name,Title,Company,LinkedIn URL,Email
      Siobhán,Kelly,Account Executive,Kestrel Security,https://www.linkedin.com/in/siobhan-kelly,siobhan@kestrel.io
      Lena,Park,VP Sales,Orbe,https://www.linkedin.com/in/lena-park,lena@orbe.io
      """;

  private ServerFixture server;
  private static final ObjectMapper JSON = new ObjectMapper();
  private OpenApiContract contract;
  private final List<String> violations = new ArrayList<>();
  private final List<String> everyViolation = new ArrayList<>();
  private final List<String> traffic = new ArrayList<>();
  private String[] admin;
  private String[] member;
  private long siobhan;
  private long lena;

  @BeforeAll
  void start(@TempDir Path home) {
    server = ServerFixture.start(home);
    contract = new OpenApiContract(ServerFixture.json(server.get("/openapi.json")));
  }

  @BeforeEach
  void forgetTheLastTestsViolations() {
    violations.clear();
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
    // every exchange, for reading when the document and the server disagree
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target/openapi-traffic.jsonl"), traffic);
  }

  /** Sends the request, checks the exchange against the document, and expects this status. */
  private HttpResponse<String> call(
      int expected,
      String method,
      String path,
      String contentType,
      String body,
      String... headers) {
    HttpResponse<String> response = server.send(method, path, contentType, body, headers);
    List<String> found = contract.violations(method, path, contentType, body, response);
    System.out.println(
        method + " " + path + " → " + response.statusCode() + (found.isEmpty() ? "" : " " + found));
    violations.addAll(found);
    everyViolation.addAll(found);
    ObjectNode exchange = JSON.createObjectNode();
    exchange.put("request", method + " " + path).put("contentType", contentType).put("body", body);
    exchange.put("status", response.statusCode()).put("answer", response.body());
    traffic.add(exchange.toString());
    assertThat(response.statusCode())
        .as(method + " " + path + ": " + response.body())
        .isEqualTo(expected);
    return response;
  }

  private JsonNode json(int expected, String method, String path, String body, String... headers) {
    return ServerFixture.json(
        call(expected, method, path, body == null ? null : "application/json", body, headers));
  }

  private static String[] with(String[] headers, String... more) {
    String[] all = new String[headers.length + more.length];
    System.arraycopy(headers, 0, all, 0, headers.length);
    System.arraycopy(more, 0, all, headers.length, more.length);
    return all;
  }

  private void assertNoViolations() {
    assertThat(violations).as("exchanges that disagree with /openapi.json").isEmpty();
  }

  @Test
  @Order(1)
  void theOpenRoutesAndTheFirstAdminsSetup() {
    call(200, "GET", "/health", null, null);
    call(200, "GET", "/openapi.json", null, null);
    call(200, "GET", "/login", null, null);
    call(404, "GET", "/setup?token=nope", null, null);

    String token = FirstAdmin.issueIfNoUsers(server.app.users(), server.clock).orElseThrow();
    call(200, "GET", "/setup?token=" + token, null, null);
    json(422, "POST", "/setup", "{\"token\": \"" + token + "\", \"email\": \"nobody\"}");
    String setup =
        "{\"token\": \""
            + token
            + "\", \"email\": \""
            + ADMIN
            + "\", \"password\": \""
            + ServerFixture.PASSWORD
            + "\"}";
    json(201, "POST", "/setup", setup);
    json(404, "POST", "/setup", setup);
    assertNoViolations();
  }

  @Test
  @Order(2)
  void signingInAndOut() {
    json(
        401, "POST", "/login", "{\"email\": \"" + ADMIN + "\", \"password\": \"wrong password!\"}");
    json(
        422, "POST", "/login", "{\"email\": \"not an address\", \"password\": \"whatever it is\"}");
    json(400, "POST", "/login", "{\"email\": ");
    json(
        403,
        "POST",
        "/login",
        "{\"email\": \"" + ADMIN + "\", \"password\": \"" + ServerFixture.PASSWORD + "\"}",
        "Origin",
        "https://elsewhere.example");
    call(
        303,
        "POST",
        "/login",
        "application/x-www-form-urlencoded",
        "email=admin%40example.com&password=correct+horse+battery+staple");
    JsonNode session =
        json(
            200,
            "POST",
            "/login",
            "{\"email\": \"" + ADMIN + "\", \"password\": \"" + ServerFixture.PASSWORD + "\"}");
    assertThat(session.get("authenticatedBy").asText()).isEqualTo("session");

    ServerFixture.Login login = server.login(ADMIN);
    json(200, "GET", "/api/session", null, login.headers());
    json(401, "GET", "/api/session", null);
    json(403, "POST", "/logout", null, "Cookie", login.cookie());
    call(204, "POST", "/logout", null, null, login.headers());
    ServerFixture.Login browser = server.login(ADMIN);
    call(
        303,
        "POST",
        "/logout",
        "application/x-www-form-urlencoded",
        "_csrf=" + browser.csrf(),
        "Cookie",
        browser.cookie());
    json(401, "POST", "/logout", null, login.headers());
    assertNoViolations();
  }

  @Test
  @Order(3)
  void tokensAndUsers() {
    ServerFixture.Login login = server.login(ADMIN);
    JsonNode created = json(201, "POST", "/api/tokens", "{\"name\": \"zapier\"}", login.headers());
    admin = new String[] {"Authorization", "Bearer " + created.get("token").asText()};
    JsonNode unnamed = json(201, "POST", "/api/tokens", "{}", admin);
    call(201, "POST", "/api/tokens", null, null, admin);
    JsonNode byToken = json(200, "GET", "/api/session", null, admin);
    assertThat(byToken.get("authenticatedBy").asText()).isEqualTo("token");
    json(422, "POST", "/api/tokens", "{\"name\": \"\"}", admin);
    JsonNode tokens = json(200, "GET", "/api/tokens", null, admin);
    assertThat(tokens.get("tokens")).hasSize(3);
    call(204, "DELETE", "/api/tokens/" + unnamed.get("id").asLong(), null, null, admin);
    json(404, "DELETE", "/api/tokens/" + unnamed.get("id").asLong(), null, admin);
    json(404, "DELETE", "/api/tokens/abc", null, admin);

    String bo =
        "{\"email\": \""
            + MEMBER
            + "\", \"password\": \""
            + ServerFixture.PASSWORD
            + "\", \"role\": \"member\"}";
    json(201, "POST", "/api/users", bo, admin);
    json(409, "POST", "/api/users", bo, admin);
    json(
        422,
        "POST",
        "/api/users",
        "{\"email\": \"x\", \"password\": \"short\", \"role\": \"king\"}",
        admin);
    assertThat(json(200, "GET", "/api/users", null, admin).get("users")).hasSize(2);
    member = server.bearer(server.login(MEMBER));
    json(403, "GET", "/api/users", null, member);
    json(403, "POST", "/api/users", bo, member);
    json(401, "GET", "/api/tokens", null, "Authorization", "Bearer wr_not-a-token");
    assertNoViolations();
  }

  @Test
  @Order(4)
  void accounts() {
    String account =
        "{\"name\": \"sdr-1\", \"plan\": \"SALES_NAVIGATOR\", \"timezone\": \"Europe/Dublin\","
            + " \"hours\": \"Mon-Sun 00:00-23:59\"}";
    json(201, "POST", "/api/accounts", account, admin);
    json(409, "POST", "/api/accounts", account, admin);
    json(422, "POST", "/api/accounts", "{\"name\": \"sdr-2\", \"plan\": \"GOLD\"}", admin);
    json(
        201,
        "POST",
        "/api/accounts",
        "{\"name\": \"sdr-2\", \"plan\": \"PREMIUM\", \"weeklyInvitations\": 80,"
            + " \"inmailCredits\": 5}",
        member);
    assertThat(json(200, "GET", "/api/accounts?limit=1", null, admin).get("total").asInt())
        .isEqualTo(2);
    json(422, "GET", "/api/accounts?limit=0", null, admin);
    json(200, "GET", "/api/accounts/sdr-1", null, admin);
    json(404, "GET", "/api/accounts/nobody", null, admin);
    json(401, "GET", "/api/accounts", null);
    assertThat(
            json(200, "PATCH", "/api/accounts/sdr-2", "{\"followUpsOnDaysOff\": false}", member)
                .get("followUpsOnDaysOff")
                .asBoolean(true))
        .isFalse();
    json(422, "PATCH", "/api/accounts/sdr-2", "{\"timeZone\": \"Mars/Olympus\"}", member);
    json(404, "PATCH", "/api/accounts/nobody", "{\"followUpsOnDaysOff\": true}", admin);
    assertNoViolations();
  }

  @Test
  @Order(5)
  void prospects() {
    ServerFixture.json(call(201, "POST", "/api/prospects/import?tag=q1", "text/csv", CSV, admin));
    String boundary = "warmreach-boundary";
    String multipart =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"leads.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\n"
            + "First Name,Last Name,Title,Company,LinkedIn URL\r\n"
            + "Ana,Silva,Founder,Brightline,https://www.linkedin.com/in/ana-silva\r\n"
            + "--"
            + boundary
            + "--\r\n";
    call(
        201,
        "POST",
        "/api/prospects/import?tag=later&format=generic",
        "multipart/form-data; boundary=" + boundary,
        multipart,
        admin);
    call(400, "POST", "/api/prospects/import", "multipart/form-data", multipart, admin);
    call(
        422,
        "POST",
        "/api/prospects/import",
        "text/csv",
        "First Name,Last Name,Title\nNo,Url,CEO\n",
        admin);
    call(400, "POST", "/api/prospects/import", "application/json", "{}", admin);
    JsonNode skipped =
        ServerFixture.json(
            call(
                201,
                "POST",
                "/api/prospects/import?tag=skipped&skipInvalid=true&format=generic",
                "text/csv",
                "First Name,Last Name,Title,Company,LinkedIn URL\n"
                    + "Noa,Berg,CTO,Fjord,https://www.linkedin.com/in/noa-berg\n"
                    + "No,Url,CEO,Nowhere,\n",
                admin));
    assertThat(skipped.get("invalid")).hasSize(1);

    JsonNode page = json(200, "GET", "/api/prospects?tag=q1&limit=10", null, admin);
    assertThat(page.get("total").asInt()).isEqualTo(2);
    siobhan = page.get("items").get(0).get("id").asLong();
    lena = page.get("items").get(1).get("id").asLong();
    json(200, "GET", "/api/prospects?search=kestrel&seniority=VP", null, admin);
    json(422, "GET", "/api/prospects?offset=-1", null, admin);
    json(200, "GET", "/api/prospects/" + siobhan, null, admin);
    json(404, "GET", "/api/prospects/99999", null, admin);
    assertNoViolations();
  }

  @Test
  @Order(6)
  void campaigns() {
    JsonNode created =
        json(
            201,
            "POST",
            "/api/campaigns",
            "{\"name\": \"q1\", \"accounts\": [\"sdr-1\"], \"policy\": \"playbook\", \"tag\": \"q1\","
                + " \"author\": \"Sam Carter, Head of Sales, Brightline\"}",
            admin);
    assertThat(created.get("enrolled").asInt()).isEqualTo(2);
    json(
        201,
        "POST",
        "/api/campaigns",
        "{\"name\": \"later\", \"accounts\": [\"sdr-2\"], \"tag\": \"later\","
            + " \"author\": {\"name\": \"Sam Carter\", \"role\": \"Head of Sales\"},"
            + " \"timeSensitive\": true, \"comments\": \"approve\"}",
        admin);
    json(409, "POST", "/api/campaigns", "{\"name\": \"q1\", \"accounts\": [\"sdr-1\"]}", admin);
    json(
        422,
        "POST",
        "/api/campaigns",
        "{\"name\": \"q2\", \"accounts\": [\"nobody\"], \"comments\": \"sometimes\"}",
        admin);
    json(200, "GET", "/api/campaigns", null, admin);
    json(422, "GET", "/api/campaigns?limit=5000", null, admin);
    json(200, "GET", "/api/campaigns/q1", null, admin);
    json(404, "GET", "/api/campaigns/nothing", null, admin);
    json(200, "GET", "/api/campaigns/q1/plan", null, admin);
    json(200, "GET", "/api/campaigns/q1/plan?prospect=" + siobhan, null, admin);
    json(422, "GET", "/api/campaigns/q1/plan?limit=abc", null, admin);
    json(404, "GET", "/api/campaigns/nothing/plan", null, admin);
    json(200, "POST", "/api/campaigns/q1/forecast", "{\"weeks\": 2, \"seed\": 7}", admin);
    json(422, "POST", "/api/campaigns/q1/forecast", "{\"weeks\": 0}", admin);
    json(404, "POST", "/api/campaigns/nothing/forecast", "{}", admin);

    json(200, "POST", "/api/campaigns/q1/launch", null, admin);
    json(200, "POST", "/api/campaigns/q1/pause", null, admin);
    json(200, "POST", "/api/campaigns/q1/pause", null, admin);
    json(200, "POST", "/api/campaigns/q1/resume", null, admin);
    json(404, "POST", "/api/campaigns/nothing/launch", null, admin);
    json(404, "POST", "/api/campaigns/nothing/pause", null, admin);
    json(404, "POST", "/api/campaigns/nothing/resume", null, admin);
    assertNoViolations();
  }

  @Test
  @Order(7)
  void theTaskInbox() {
    LiveEngine engine = Engines.live(server.app.store(), new AssistedExecutor());
    List<Long> tasks = tasksDue(engine, 2, List.of());
    json(200, "GET", "/api/tasks", null, admin);
    json(422, "GET", "/api/tasks?due=yesterday", null, admin);
    json(200, "POST", "/api/tasks/" + tasks.get(0) + "/done", null, admin);
    json(409, "POST", "/api/tasks/" + tasks.get(0) + "/done", null, admin);
    json(200, "POST", "/api/tasks/" + tasks.get(1) + "/skip", "{\"reason\": \"not now\"}", admin);
    json(409, "POST", "/api/tasks/" + tasks.get(1) + "/skip", null, admin);
    json(404, "POST", "/api/tasks/99999/done", null, admin);
    json(404, "POST", "/api/tasks/99999/skip", null, admin);
    json(404, "POST", "/api/tasks/99999/fail", null, admin);
    // the funnel and the analytics once something was sent and decided
    JsonNode funnel = json(200, "GET", "/api/campaigns/q1", null, admin);
    assertThat(funnel.get("decisions")).isNotEmpty();
    assertThat(funnel.get("variants")).isNotEmpty();
    json(200, "GET", "/api/analytics/summary", null, admin);

    // A crash while sending leaves a touch uncertain; two such touches for the user to settle
    List<Long> later = tasksDue(engine, 2, tasks);
    for (long id : later) {
      Touch touch = server.app.touches().touch(id).orElseThrow();
      server.app.touches().finishTouch(touch, Touch.Status.UNCERTAIN, server.clock.instant());
    }
    JsonNode uncertain = json(200, "GET", "/api/tasks/uncertain", null, admin);
    assertThat(uncertain.get("items")).hasSize(2);
    long first = later.get(0);
    long second = later.get(1);
    json(200, "POST", "/api/tasks/" + first + "/confirm-sent", null, admin);
    json(409, "POST", "/api/tasks/" + first + "/confirm-sent", null, admin);
    json(200, "POST", "/api/tasks/" + second + "/confirm-not-sent", null, admin);
    json(409, "POST", "/api/tasks/" + second + "/confirm-not-sent", null, admin);
    json(404, "POST", "/api/tasks/99999/confirm-sent", null, admin);
    json(404, "POST", "/api/tasks/99999/confirm-not-sent", null, admin);
    json(409, "POST", "/api/tasks/" + first + "/fail", "{\"reason\": \"bounced\"}", admin);
    assertNoViolations();
  }

  /** Runs the engine an hour at a time until this many tasks not in {@code seen} are due. */
  private List<Long> tasksDue(LiveEngine engine, int count, List<Long> seen) {
    for (int hour = 0; hour < 24 * 14; hour++) {
      engine.runUntil(server.clock.instant());
      JsonNode page = json(200, "GET", "/api/tasks?due=today&account=sdr-1", null, admin);
      List<Long> listed = new ArrayList<>();
      page.get("items").forEach(task -> listed.add(task.get("id").asLong()));
      listed.removeAll(seen);
      if (listed.size() >= count) {
        return listed.subList(0, count);
      }
      server.clock.tick(Duration.ofHours(1));
    }
    throw new AssertionError("fewer than " + count + " new tasks within two weeks");
  }

  @Test
  @Order(8)
  void events() {
    String accepted =
        "{\"kind\": \"accepted\", \"profileUrl\": \"linkedin.com/in/siobhan-kelly\","
            + " \"idempotencyKey\": \"li-invite-8841\", \"at\": \""
            + server.clock.instant().minus(Duration.ofMinutes(5))
            + "\"}";
    json(201, "POST", "/api/events", accepted, admin);
    json(200, "POST", "/api/events", accepted, admin);
    json(
        409,
        "POST",
        "/api/events",
        "{\"kind\": \"declined\", \"profileUrl\": \"linkedin.com/in/siobhan-kelly\","
            + " \"idempotencyKey\": \"li-invite-8841\"}",
        admin);
    json(
        201,
        "POST",
        "/api/events",
        "[{\"kind\": \"replied\", \"channel\": \"dm\", \"prospectId\": "
            + lena
            + ", \"idempotencyKey\": \"msg-1\"},"
            + " {\"kind\": \"post_published\", \"topic\": \"pipeline reviews\", \"prospectId\": "
            + siobhan
            + ", \"idempotencyKey\": \"post-1\"}]",
        admin);
    json(
        200,
        "POST",
        "/api/events",
        "{\"events\": [{\"kind\": \"replied\", \"channel\": \"dm\", \"prospectId\": "
            + lena
            + ", \"idempotencyKey\": \"msg-1\"}]}",
        admin);
    long ana =
        json(200, "GET", "/api/prospects?tag=later", null, admin)
            .get("items")
            .get(0)
            .get("id")
            .asLong();
    JsonNode waiting =
        json(
            202,
            "POST",
            "/api/events",
            "{\"kind\": \"signal\", \"signal\": \"role_change\", \"detail\": \"now CRO at Brightline\","
                + " \"prospectId\": "
                + ana
                + ", \"idempotencyKey\": \"intent-1\"}",
            admin);
    assertThat(waiting.get("outcome").asText()).isEqualTo("WAITING");
    json(
        201,
        "POST",
        "/api/events",
        "{\"kind\": \"signal\", \"signal\": \"hiring\", \"detail\": \"hiring 4 SDRs\","
            + " \"profileUrl\": \"https://www.linkedin.com/in/lena-park\","
            + " \"idempotencyKey\": \"intent-2\"}",
        member);
    json(400, "POST", "/api/events", "{\"kind\": ", admin);
    json(
        422,
        "POST",
        "/api/events",
        "{\"kind\": \"waved\", \"prospectId\": 1, \"idempotencyKey\": 7}",
        admin);
    json(413, "POST", "/api/events", "[" + " ".repeat(1_100_000) + "]", admin);
    json(401, "POST", "/api/events", accepted);
    json(200, "GET", "/api/signals", null, admin);
    json(422, "GET", "/api/signals?limit=-3", null, admin);
    assertNoViolations();
  }

  @Test
  @Order(9)
  void analyticsAndMetrics() {
    json(200, "GET", "/api/analytics/summary", null, admin);
    json(401, "GET", "/api/analytics/summary", null);
    call(200, "GET", "/metrics", null, null, admin);
    json(401, "GET", "/metrics", null);
    assertNoViolations();
  }

  @Test
  @Order(10)
  void theProvidersCallbacks() throws Exception {
    try (FakeUnipile fake = new FakeUnipile()) {
      Map<String, String> env = Map.of("UNIPILE_API_KEY", FakeUnipile.API_KEY);
      String secret =
          server
              .app
              .providerSetup(env)
              .save(
                  "unipile",
                  "http://127.0.0.1:" + fake.base().getPort(),
                  null,
                  "UNIPILE_API_KEY",
                  env)
              .webhookSecret();
      String relation =
          "{\"event\": \"new_relation\", \"account_id\": \"acc-1\","
              + " \"user_provider_id\": \"ACoLena\", \"user_public_identifier\": \"lena-park\","
              + " \"user_profile_url\": \"https://www.linkedin.com/in/lena-park\","
              + " \"user_full_name\": \"Lena Park\"}";
      json(401, "POST", "/api/provider/webhook", relation);
      json(200, "POST", "/api/provider/webhook", relation, ProviderSetup.SECRET_HEADER, secret);
      String linked =
          "{\"status\": \"CREATION_SUCCESS\", \"account_id\": \"acc-2\", \"name\": \"sdr-1\"}";
      json(401, "POST", "/api/provider/linked?secret=nope", linked);
      json(200, "POST", "/api/provider/linked?secret=" + secret, linked);
      JsonNode sdr1 = json(200, "GET", "/api/accounts/sdr-1", null, admin).get("provider");
      assertThat(sdr1.get("providerAccountId").asText()).isEqualTo("acc-2");
      assertThat(sdr1.get("linked").asBoolean()).isTrue();
      JsonNode sdr2 = json(200, "GET", "/api/accounts?offset=1", null, admin).get("items").get(0);
      assertThat(sdr2.get("provider").get("status").asText()).isEqualTo("not linked");
      assertThat(sdr2.get("provider").get("why").asText())
          .contains("warmreach accounts link sdr-2");
    }
    assertNoViolations();
  }

  @Test
  @Order(11)
  void theDoNotContactList() {
    String entries =
        "{\"entries\": [\"ana.silva@kestrel.example\", \"@orbe.example\"], \"reason\":"
            + " \"asked not to be contacted\"}";
    json(201, "POST", "/api/dnc", entries, admin);
    json(200, "POST", "/api/dnc", entries, admin);
    json(422, "POST", "/api/dnc", "{\"entries\": [\"not an address\"]}", admin);
    json(400, "POST", "/api/dnc", "{\"entries\": ", admin);
    json(401, "POST", "/api/dnc", entries);
    JsonNode page = json(200, "GET", "/api/dnc?limit=10", null, admin);
    assertThat(page.get("total").asInt()).isGreaterThanOrEqualTo(2);
    json(422, "GET", "/api/dnc?limit=0", null, admin);
    json(401, "GET", "/api/dnc", null);
    json(200, "DELETE", "/api/dnc?entry=%40orbe.example", null, admin);
    json(404, "DELETE", "/api/dnc?entry=nobody%40nowhere.example", null, admin);
    json(422, "DELETE", "/api/dnc?entry=", null, admin);
    json(401, "DELETE", "/api/dnc?entry=%40orbe.example", null);
    assertNoViolations();
  }

  @Test
  @Order(12)
  void theUnsubscribeLink() {
    String token =
        server
            .app
            .outboundSettings()
            .mailKey()
            .unsubscribeToken("touch-sent-elsewhere", new EmailAddress("jonas@orbe.example"));
    String link = "/unsubscribe?token=" + token;
    call(200, "GET", link, null, null, "Accept", "text/html");
    call(400, "GET", "/unsubscribe?token=forged", null, null, "Accept", "text/html");
    call(400, "GET", "/unsubscribe?token=forged", null, null);
    String oneClick = "List-Unsubscribe=One-Click";
    String form = "application/x-www-form-urlencoded";
    call(200, "POST", link, form, oneClick);
    call(200, "POST", link, form, oneClick, "Accept", "text/html");
    call(400, "POST", "/unsubscribe?token=forged", form, oneClick);
    call(400, "POST", "/unsubscribe?token=forged", form, oneClick, "Accept", "text/html");
    assertNoViolations();
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void everyDocumentedOperationWasExercised() {
    System.out.println(
        contract.answers().size()
            + " operation-status pairs seen over "
            + contract.operations().size()
            + " documented operations:");
    contract.answers().forEach(a -> System.out.println("  " + a));
    assertThat(contract.notExercised()).as("documented operations not run by this test").isEmpty();
    assertThat(everyViolation).as("exchanges that disagree with /openapi.json").isEmpty();
  }
}
