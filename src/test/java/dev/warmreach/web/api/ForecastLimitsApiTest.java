package dev.warmreach.web.api;

import static dev.warmreach.web.ProblemAssert.assertThatProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.domain.Role;
import dev.warmreach.forecast.ForecastLimits;
import dev.warmreach.testing.ACampaign;
import dev.warmreach.web.ServerFixture;
import dev.warmreach.web.WebServer;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A forecast asked for over HTTP answers within the server's limits, or says which limit it hit and
 * what to do instead; it never outlives its request.
 */
class ForecastLimitsApiTest {

  private static final ForecastLimits ROOMY =
      new ForecastLimits(50_000, 100_000_000, Duration.ofMinutes(5));

  @TempDir Path home;
  private ServerFixture server;
  private String[] auth;

  private void start(UnaryOperator<WebServer.Settings> settings) {
    server = ServerFixture.start(home, settings);
    server.addUser("you@example.com", Role.MEMBER);
    auth = server.bearer(server.login("you@example.com"));
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void twoProspectsForOneWeekAnswerAtOnceWhateverTheFractionOfTheClocksMillisecond() {
    // given
    start(s -> s);
    ACampaign.launched(server.app.store(), 2, ServerFixture.START, "sdr-1");
    server.clock.set(ServerFixture.START.plusNanos(123_456_789));

    // when
    long began = System.nanoTime();
    HttpResponse<String> response = forecast("{\"weeks\": 1}");

    // then
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(ServerFixture.json(response).get("prospects").asInt()).isEqualTo(2);
    assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void refusesMoreProspectWeeksThanTheLimitNamingItAndWhatToDo() {
    // given 6,000 prospects: 104 weeks of them is 624,000 prospect-weeks
    start(s -> s);
    ACampaign.launched(server.app.store(), 6_000, ServerFixture.START, "sdr-1");

    // when
    HttpResponse<String> response = forecast("{\"weeks\": 104}");

    // then
    assertThatProblem(response)
        .hasStatus(422)
        .detailContains("600,000 prospect-weeks")
        .detailContains("at most 100 weeks")
        .detailContains("warmreach forecast --scenario");
    assertThat(response.body()).contains("forecast-too-large");
  }

  @Test
  void givesUpWhenItsTimeBudgetIsSpentSayingWhatToDoInstead() throws Exception {
    // given
    start(s -> s.withForecastLimits(ForecastLimits.DEFAULT.withBudget(Duration.ofMillis(1))));
    ACampaign.launched(server.app.store(), 120, ServerFixture.START, "sdr-1");

    // when
    HttpResponse<String> response = forecast("{}");

    // then
    assertThatProblem(response)
        .hasStatus(503)
        .detailContains("budget of 0 s")
        .detailContains("warmreach forecast --scenario");
    assertThat(stoppedWithin(Duration.ofSeconds(3))).as("the forecast stopped").isTrue();
  }

  @Test
  void theDashboardsForecastButtonShowsTheLimitItHit() {
    // given
    start(s -> s.withForecastLimits(new ForecastLimits(10, 1_000, Duration.ofSeconds(20))));
    ACampaign.launched(server.app.store(), 20, ServerFixture.START, "sdr-1");
    ServerFixture.Login login = server.login("you@example.com");

    // when
    HttpResponse<String> response =
        server.post(
            "/campaigns/campaign/forecast",
            "application/x-www-form-urlencoded",
            "",
            concat(login.headers(), "HX-Request", "true"));

    // then
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body())
        .contains("role=\"alert\"")
        .contains("more than 10 prospects")
        .contains("warmreach forecast --scenario");
  }

  @Test
  void aForecastStopsWhenItsClientGoesAway() throws Exception {
    // given a forecast that takes a while
    start(s -> s.withForecastLimits(ROOMY));
    bigCampaign();

    // when the client asks for it, then hangs up while it runs
    try (Socket client = new Socket("127.0.0.1", server.server.port())) {
      send(client, "{\"weeks\": 104}");
      awaitRunning();
    }

    // then
    long began = System.nanoTime();
    assertThat(stoppedWithin(Duration.ofSeconds(5)))
        .as("forecasts still running after the client left")
        .isTrue();
    System.out.printf(
        "forecast stopped %d ms after the client left%n", (System.nanoTime() - began) / 1_000_000);
  }

  @Test
  void stoppingTheServerStopsARunningForecastAtOnce() throws Exception {
    // given a forecast running
    start(s -> s.withForecastLimits(ROOMY));
    bigCampaign();
    try (Socket client = new Socket("127.0.0.1", server.server.port())) {
      send(client, "{\"weeks\": 104}");
      awaitRunning();

      // when
      long began = System.nanoTime();
      server.server.stop();

      // then
      Duration took = Duration.ofNanos(System.nanoTime() - began);
      System.out.println("server stopped in " + took.toMillis() + " ms with a forecast running");
      assertThat(took).isLessThan(Duration.ofSeconds(5));
      assertThat(running()).isZero();
      String answer =
          new String(client.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      assertThat(answer).startsWith("HTTP/1.1 503").contains("stopping");
    }
  }

  private void bigCampaign() {
    String[] accounts = new String[10];
    Arrays.setAll(accounts, i -> "sdr-" + (i + 1));
    ACampaign.launched(server.app.store(), 10_000, ServerFixture.START, accounts);
  }

  private HttpResponse<String> forecast(String body) {
    return server.post("/api/campaigns/campaign/forecast", "application/json", body, auth);
  }

  private void send(Socket client, String body) throws Exception {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String head =
        "POST /api/campaigns/campaign/forecast HTTP/1.1\r\n"
            + "Host: 127.0.0.1\r\n"
            + auth[0]
            + ": "
            + auth[1]
            + "\r\nContent-Type: application/json\r\nContent-Length: "
            + bytes.length
            + "\r\n\r\n";
    OutputStream out = client.getOutputStream();
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    out.write(bytes);
    out.flush();
  }

  private static void awaitRunning() throws InterruptedException {
    long began = System.nanoTime();
    while (running() == 0) {
      assertThat(Duration.ofNanos(System.nanoTime() - began))
          .as("the forecast never started")
          .isLessThan(Duration.ofSeconds(30));
      Thread.sleep(20);
    }
    Thread.sleep(300);
    assertThat(running()).as("the forecast should still be running").isPositive();
  }

  private static boolean stoppedWithin(Duration wait) throws InterruptedException {
    long began = System.nanoTime();
    while (running() > 0 && System.nanoTime() - began < wait.toNanos()) {
      Thread.sleep(20);
    }
    return running() == 0;
  }

  /** Threads busy in a campaign's forecast. */
  private static long running() {
    return Thread.getAllStackTraces().values().stream()
        .filter(
            stack ->
                Arrays.stream(stack)
                    .anyMatch(
                        f -> f.getClassName().equals("dev.warmreach.forecast.CampaignForecast")))
        .count();
  }

  private static String[] concat(String[] first, String... more) {
    String[] all = Arrays.copyOf(first, first.length + more.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }
}
