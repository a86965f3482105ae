package dev.warmreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.Warmreach;
import dev.warmreach.execute.RoutedExecutor;
import dev.warmreach.execute.provider.FakeUnipile;
import dev.warmreach.execute.provider.ProviderSetup;
import dev.warmreach.store.ProspectQuery;
import dev.warmreach.store.StoredEvent;
import dev.warmreach.testing.ACampaign;
import dev.warmreach.testing.SettableClock;
import dev.warmreach.web.WebServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code warmreach serve} runs (the HTTP server and the live engine on its schedule, over real
 * HTTP) with the LinkedIn provider's fake: a launched campaign warms up and sends its request
 * through the provider; the acceptance is found by the provider poll, the late {@code new_relation}
 * webhook is a duplicate, and the thank-you DM goes out once, 24–48 hours after the acceptance. The
 * engine's clock is set by the test; the scheduler and both servers run for real.
 */
@Timeout(180)
class ProviderServeTest {

  /** A Monday, 08:00 UTC (09:00 in Berlin, where the account works). */
  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  @TempDir Path home;

  @Test
  void anAcceptanceFoundByThePollBeforeTheLateWebhookIsFollowedByOneDm() throws Exception {
    SettableClock clock = new SettableClock(T0);
    Map<String, String> env = Map.of("UNIPILE_API_KEY", FakeUnipile.API_KEY);
    StringWriter log = new StringWriter();
    try (FakeUnipile fake = new FakeUnipile()) {
      Warmreach app = Warmreach.builder().home(home).clock(clock).environment(env).build();
      ProviderSetup setup = app.providerSetup(env);
      String secret =
          setup
              .save(
                  "unipile",
                  "http://127.0.0.1:" + fake.base().getPort(),
                  null,
                  "UNIPILE_API_KEY",
                  env)
              .webhookSecret();
      ACampaign.launchedWorking("Mon-Sun 00:00-23:59", app.store(), 1, T0, "sdr-1");
      setup.link("sdr-1", FakeUnipile.ACCOUNT, T0);
      long prospect = app.prospects().prospects(ProspectQuery.all(10)).get(0).id();
      FakeUnipile.Person person = fake.person("person-0", "ACoPerson0", "SECOND_DEGREE");
      fake.post(person, "urn:li:activity:1", "What we learned selling to banks");
      RoutedExecutor executor =
          app.outboundExecutors(clock, env, new PrintWriter(log, true), Duration.ofMinutes(30));
      RunningServer running =
          RunningServer.start(
              app,
              WebServer.Settings.defaults().on("127.0.0.1", 0),
              Duration.ofMillis(100),
              executor,
              "node-test");
      try {
        // The warm-up: a like on their latest post, twice three days apart (they posted again
        // in between: a post already liked gets no second like).
        waitFor("the first warm-up", () -> fake.reactions.size() == 1);
        fake.post(person, "urn:li:activity:2", "Why we stopped cold calling");
        clock.set(T0.plus(Duration.ofDays(3)).plus(Duration.ofMinutes(1)));
        waitFor("the second warm-up", () -> fake.reactions.size() == 2);

        // Two days later, the request with its rendered note, through the provider.
        clock.set(T0.plus(Duration.ofDays(5)).plus(Duration.ofMinutes(2)));
        waitFor("the request", () -> fake.count("POST /users/invite") == 1);
        assertThat(fake.invitations.values())
            .singleElement()
            .satisfies(i -> assertThat(i.path("invitation_text").asText()).contains("Person0"));

        // They accept on LinkedIn; the provider posts nothing yet. The next poll sees it.
        Instant accepted = clock.instant().plus(Duration.ofMinutes(5));
        clock.set(accepted);
        fake.accept(person, accepted.toEpochMilli());
        clock.set(accepted.plus(Duration.ofMinutes(31)));
        waitFor("the acceptance from the poll", () -> kinds(app, prospect).contains("ACCEPTED"));
        Instant acceptedAt =
            app.prospects().events(prospect).stream()
                .filter(e -> e.kind().equals("ACCEPTED"))
                .findFirst()
                .orElseThrow()
                .at();
        Thread.sleep(1500); // the engine's next passes move the sequence on at this time

        // Hours later the provider's new_relation arrives: the same acceptance, recorded once.
        clock.set(accepted.plus(Duration.ofHours(8)));
        HttpResponse<String> late =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(
                            URI.create(running.server().baseUrl() + "/api/provider/webhook"))
                        .header("Content-Type", "application/json")
                        .header(ProviderSetup.SECRET_HEADER, secret)
                        .POST(
                            HttpRequest.BodyPublishers.ofString(
                                "{\"event\":\"new_relation\",\"account_id\":\"acc-1\","
                                    + "\"user_provider_id\":\"ACoPerson0\","
                                    + "\"user_public_identifier\":\"person-0\","
                                    + "\"user_profile_url\":\"https://www.linkedin.com/in/person-0\","
                                    + "\"user_full_name\":\"Person0 Example\"}"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        assertThat(late.statusCode()).as(late.body()).isEqualTo(200);
        assertThat(late.body()).contains("duplicate");
        assertThat(kinds(app, prospect).stream().filter("ACCEPTED"::equals)).hasSize(1);
        assertThat(fake.count("POST /chats")).as("no DM before 24 hours").isZero();

        // The thank-you DM within 24–48 hours of the acceptance, once.
        clock.set(acceptedAt.plus(Duration.ofHours(24)).minusSeconds(60));
        Thread.sleep(1500);
        assertThat(fake.count("POST /chats")).as("no DM before 24 hours").isZero();
        clock.set(acceptedAt.plus(Duration.ofHours(48)));
        try {
          waitFor("the DM", () -> fake.count("POST /chats") == 1);
        } catch (AssertionError e) {
          throw new AssertionError(
              e.getMessage()
                  + ": "
                  + app.touches().touches(prospect)
                  + " "
                  + app.deliveries()
                      .deliveries(
                          dev.warmreach.store.Delivery.Kind.PROVIDER,
                          dev.warmreach.store.Delivery.Status.PENDING,
                          10)
                  + " "
                  + fake.messages
                  + " "
                  + log,
              e);
        }
        clock.set(accepted.plus(Duration.ofDays(4)));
        Thread.sleep(1500);
        assertThat(fake.count("POST /chats")).isEqualTo(1);
        assertThat(fake.count("POST /chats/{id}/messages")).isZero();
        assertThat(fake.messages)
            .singleElement()
            .satisfies(m -> assertThat(m.path("attendee").asText()).isEqualTo("ACoPerson0"));
        assertThat(fake.count("POST /users/invite")).isEqualTo(1);
        assertThat(fake.count("GET /users/relations")).isPositive();
      } finally {
        running.close();
      }
    }
  }

  private static List<String> kinds(Warmreach app, long prospect) {
    return app.prospects().events(prospect).stream().map(StoredEvent::kind).toList();
  }

  private static void waitFor(String what, BooleanSupplier done) throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      if (done.getAsBoolean()) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("waited 30 s for " + what);
  }
}
