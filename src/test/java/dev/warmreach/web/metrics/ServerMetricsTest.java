package dev.warmreach.web.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.Warmreach;
import dev.warmreach.domain.Role;
import dev.warmreach.domain.Touch;
import dev.warmreach.execute.assisted.AssistedExecutor;
import dev.warmreach.testing.ACampaign;
import dev.warmreach.testing.Engines;
import dev.warmreach.testing.SettableClock;
import dev.warmreach.web.ServerFixture;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /metrics reads the workspace as it is: touches, backlog, headroom, errors. */
class ServerMetricsTest {

  private static final Instant START = Instant.parse("2026-03-02T06:00:00Z");

  @TempDir Path home;

  @Test
  void showsTouchesTheBacklogEachAccountsHeadroomAndErrors() {
    SettableClock clock = new SettableClock(START);
    try (Warmreach app = Warmreach.builder().home(home).clock(clock).build()) {
      ACampaign.launchedWorking("Mon-Sun 00:00-23:59", app.store(), 3, START, "sdr-1");
      Engines.live(app.store(), new AssistedExecutor()).runUntil(START.plus(Duration.ofHours(6)));
      clock.set(START.plus(Duration.ofHours(6)));
      ServerMetrics metrics =
          new ServerMetrics(app.analytics(), app.accounts(), app.providerLinks(), app.clock());

      String before = metrics.scrape();
      List<Touch> planned = app.touches().dueTouches(clock.instant(), null, 10);
      app.touches()
          .finishTouch(planned.get(0).idempotencyKey(), Touch.Status.FAILED, clock.instant());
      String after = metrics.scrape();

      assertThat(planned).hasSize(3);
      assertThat(before)
          .contains("warmreach_touches_open{channel=\"engage\",status=\"planned\"} 3.0")
          .contains(
              "warmreach_touches_total{channel=\"connect\",mode=\"live\",status=\"done\"} 0.0")
          .contains("warmreach_due_backlog{kind=\"touches\"} 3.0")
          .contains("warmreach_invitations_left{account=\"sdr-1\"} 200.0")
          .contains("warmreach_inmail_credits_left{account=\"sdr-1\"} 50.0")
          .contains("warmreach_executor_errors_total{channel=\"engage\"} 0.0")
          .contains("# TYPE warmreach_touches_total counter")
          .contains("# TYPE warmreach_touches_open gauge")
          .contains("# TYPE warmreach_executor_errors_total counter")
          .contains("# TYPE warmreach_provider_calls_total counter")
          .contains("warmreach_build_info{")
          .contains("jvm_memory_used_bytes{")
          .contains("process_uptime_seconds");
      assertThat(after)
          .contains("warmreach_touches_open{channel=\"engage\",status=\"planned\"} 2.0")
          .contains(
              "warmreach_touches_total{channel=\"engage\",mode=\"live\",status=\"failed\"} 1.0")
          .contains(
              "warmreach_touches_total{channel=\"engage\",mode=\"dry_run\",status=\"failed\"} 0.0")
          .contains("warmreach_executor_errors_total{channel=\"engage\"} 1.0")
          .contains("warmreach_due_backlog{kind=\"touches\"} 2.0");
    }
  }

  @Test
  void aDryRunsTouchesAreCountedApartFromLiveOnes() {
    SettableClock clock = new SettableClock(START);
    try (Warmreach app = Warmreach.builder().home(home).clock(clock).build()) {
      ACampaign.launchedWorking("Mon-Sun 00:00-23:59", app.store(), 3, START, "sdr-1");
      Engines.live(app.store(), app.simulatedExecutor(7, home.resolve("simulated.log")))
          .runUntil(START.plus(Duration.ofHours(6)));
      clock.set(START.plus(Duration.ofHours(6)));

      String scrape =
          new ServerMetrics(app.analytics(), app.accounts(), app.providerLinks(), app.clock())
              .scrape();

      assertThat(sum(scrape, "warmreach_touches_total\\{channel=\"engage\",mode=\"dry_run\",.*"))
          .isEqualTo(3.0);
      assertThat(sum(scrape, "warmreach_touches_total\\{.*mode=\"live\".*")).isZero();
      assertThat(sum(scrape, "warmreach_touches_open\\{.*")).isZero();
    }
  }

  /** The sum of the values of the scrape's lines that match {@code line}. */
  private static double sum(String scrape, String line) {
    return scrape
        .lines()
        .filter(l -> l.matches(line))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  void eachLinkedAccountSaysWhetherItSendsAndTheProvidersStatus() {
    SettableClock clock = new SettableClock(START);
    try (Warmreach app = Warmreach.builder().home(home).clock(clock).build()) {
      ACampaign.launchedWorking("Mon-Sun 00:00-23:59", app.store(), 1, START, "sdr-1");
      ServerMetrics metrics =
          new ServerMetrics(app.analytics(), app.accounts(), app.providerLinks(), app.clock());
      app.providerLinks().linkAccount("sdr-1", "acc-1", "CREDENTIALS", START);

      String stalled = metrics.scrape();
      app.providerLinks().accountStatus("acc-1", "OK", START);
      String sending = metrics.scrape();

      assertThat(stalled)
          .contains(
              "warmreach_provider_account_sending{account=\"sdr-1\",status=\"CREDENTIALS\"} 0.0");
      assertThat(sending)
          .contains("warmreach_provider_account_sending{account=\"sdr-1\",status=\"OK\"} 1.0")
          .doesNotContain("CREDENTIALS");
    }
  }

  @Test
  void prometheusScrapesOverHttpWithAnApiTokenAndNotWithout() {
    try (ServerFixture fixture = ServerFixture.start(home.resolve("server"))) {
      fixture.addUser("ops@example.com", Role.MEMBER);
      String[] token = fixture.bearer(fixture.login("ops@example.com"));

      HttpResponse<String> anonymous = fixture.get("/metrics");
      HttpResponse<String> scraped = fixture.get("/metrics", token);

      assertThat(anonymous.statusCode()).isEqualTo(401);
      assertThat(scraped.statusCode()).as(scraped.body()).isEqualTo(200);
      assertThat(scraped.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("text/plain");
      HttpResponse<String> again = fixture.get("/metrics", token);
      System.out.println(again.body());
      assertThat(scraped.body())
          .contains("warmreach_touches_total{channel=\"email\",mode=\"live\",status=\"done\"} 0.0")
          .contains("warmreach_due_backlog{kind=\"enrollments\"} 0.0");
      assertThat(again.body())
          .contains("# TYPE http_server_requests_seconds histogram")
          .contains(
              "http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/metrics\"} 1")
          .contains(
              "http_server_requests_seconds_count{method=\"GET\",outcome=\"CLIENT_ERROR\",status=\"401\",uri=\"/metrics\"} 1");
    }
  }
}
