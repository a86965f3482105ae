package dev.warmreach.web.api;

import static dev.warmreach.testing.AProspect.aProspect;
import static dev.warmreach.web.ProblemAssert.assertThatProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warmreach.definition.CampaignFile;
import dev.warmreach.domain.Campaign;
import dev.warmreach.domain.Plan;
import dev.warmreach.domain.ProfileUrl;
import dev.warmreach.domain.Role;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.store.StoredCampaign;
import dev.warmreach.testing.PostgresDatabase;
import dev.warmreach.web.ServerFixture;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The events API on PostgreSQL when the database pushes back: many writers racing for one prospect,
 * and a connection lost in the middle of a batch. A client never sees a 500; what was stored before
 * a failure is never stored twice. Needs {@code WARMREACH_TEST_POSTGRES_URL}; skipped without it,
 * except in CI where it must run.
 */
class PostgresEventsUnderContentionTest {

  @TempDir Path home;
  private PostgresDatabase database;
  private ServerFixture server;
  private String[] auth;
  private long ana;
  private StoredCampaign spring;

  @BeforeEach
  void start() {
    database = PostgresDatabase.createSchema();
    server = ServerFixture.start(home, database.url());
    server
        .app
        .accounts()
        .addAccount(
            SenderAccount.withPlanDefaults("sdr-1", Plan.SALES_NAVIGATOR, ZoneId.of("UTC")));
    server
        .app
        .prospects()
        .saveProspects(
            List.of(
                aProspect()
                    .named("Ana", "Silva")
                    .at("https://www.linkedin.com/in/ana-silva")
                    .build()));
    ana =
        server
            .app
            .prospects()
            .prospectByUrl(ProfileUrl.of("linkedin.com/in/ana-silva"))
            .orElseThrow()
            .id();
    // Enrolled, so each event moves her history (and, once launched, her account's state) on
    spring =
        server
            .app
            .campaignSetup()
            .create(
                ServerFixture.START.minusSeconds(86_400),
                "spring",
                List.of("sdr-1"),
                "playbook",
                CampaignFile.defaultJson(),
                null);
    server.addUser("ana@example.com", Role.MEMBER);
    auth = server.bearer(server.login("ana@example.com"));
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    if (database != null) {
      database.close();
    }
  }

  private String event(String kind, String key) {
    String extra = kind.equals("signal") ? "\"signal\": \"hiring\", " : "";
    return "{\"kind\": \""
        + kind
        + "\", "
        + extra
        + "\"prospectId\": "
        + ana
        + ", \"idempotencyKey\": \""
        + key
        + "\"}";
  }

  @Test
  void anEventForAProspectOfADraftCampaignIsStored() {
    HttpResponse<String> response =
        server.post("/api/events", "application/json", event("accepted", "draft-1"), auth);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
  }

  @Test
  void aHundredConcurrentEventsForOneProspectAreAllStoredWithoutAServerError() throws Exception {
    server.app.campaignSetup().changeStatus(spring, Campaign.Status.ACTIVE, ServerFixture.START);
    String[] kinds = {"accepted", "declined", "signal", "post_published"};
    int count = 100;
    ExecutorService clients = Executors.newFixedThreadPool(count);
    CountDownLatch ready = new CountDownLatch(count);
    List<Future<HttpResponse<String>>> sent = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        String body = event(kinds[i % kinds.length], "race-" + i);
        sent.add(
            clients.submit(
                () -> {
                  ready.countDown();
                  ready.await();
                  return server.post("/api/events", "application/json", body, auth);
                }));
      }
      Map<Integer, Long> statuses = new TreeMap<>();
      List<String> failures = new ArrayList<>();
      for (Future<HttpResponse<String>> f : sent) {
        HttpResponse<String> response = f.get();
        statuses.merge(response.statusCode(), 1L, Long::sum);
        if (response.statusCode() != 201) {
          failures.add(response.body());
        }
      }

      assertThat(statuses).as(String.join("\n", failures)).isEqualTo(Map.of(201, (long) count));
      assertThat(server.count("SELECT count(*) FROM prospect_event")).isEqualTo(count);
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void aConnectionLostMidBatchIs503WithRetryAfterAndTheRetryStoresEachEventOnce() throws Exception {
    // The database drops the connection that stores the sixth event of the batch
    try (Connection c = DriverManager.getConnection(database.url());
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE FUNCTION drop_connection() RETURNS trigger AS $$ BEGIN"
              + " IF NEW.idempotency_key = 'lost-5' THEN"
              + " PERFORM pg_terminate_backend(pg_backend_pid()); END IF;"
              + " RETURN NEW; END $$ LANGUAGE plpgsql");
      s.execute(
          "CREATE TRIGGER drop_connection BEFORE INSERT ON prospect_event"
              + " FOR EACH ROW EXECUTE FUNCTION drop_connection()");
    }
    String batch =
        IntStream.range(0, 10)
            .mapToObj(i -> event(i % 2 == 0 ? "signal" : "post_published", "lost-" + i))
            .collect(Collectors.joining(",", "[", "]"));

    HttpResponse<String> failed = server.post("/api/events", "application/json", batch, auth);

    assertThatProblem(failed).hasStatus(503).detailContains("again");
    assertThat(failed.headers().firstValue("Retry-After")).hasValue("5");
    assertThat(server.count("SELECT count(*) FROM prospect_event")).isEqualTo(5);

    try (Connection c = DriverManager.getConnection(database.url());
        Statement s = c.createStatement()) {
      s.execute("DROP TRIGGER drop_connection ON prospect_event");
    }
    HttpResponse<String> retried = server.post("/api/events", "application/json", batch, auth);

    assertThat(retried.statusCode()).as(retried.body()).isEqualTo(201);
    JsonNode body = ServerFixture.json(retried);
    assertThat(body.get("created").asInt()).isEqualTo(5);
    assertThat(body.get("duplicates").asInt()).isEqualTo(5);
    assertThat(server.count("SELECT count(*) FROM prospect_event")).isEqualTo(10);
    assertThat(server.count("SELECT count(DISTINCT idempotency_key) FROM prospect_event"))
        .isEqualTo(10);
  }
}
