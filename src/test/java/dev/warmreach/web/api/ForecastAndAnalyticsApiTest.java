package dev.warmreach.web.api;

import static dev.warmreach.web.ProblemAssert.assertThatProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warmreach.domain.Role;
import dev.warmreach.execute.simulated.DeliveryLog;
import dev.warmreach.execute.simulated.SimulatedExecutor;
import dev.warmreach.simulation.Truth;
import dev.warmreach.testing.ACampaign;
import dev.warmreach.testing.Engines;
import dev.warmreach.web.ServerFixture;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A campaign's forecast before launch, and the analytics summary once it has run. */
class ForecastAndAnalyticsApiTest {

  @TempDir Path home;
  private ServerFixture server;
  private String[] auth;

  @BeforeEach
  void start() {
    server = ServerFixture.start(home);
    server.addUser("you@example.com", Role.MEMBER);
    auth = server.bearer(server.login("you@example.com"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aCampaignIsForecastOnItsOwnProspectsAndAccountsWithNothingStored() {
    ACampaign.launched(server.app.store(), 120, ServerFixture.START, "sdr-1", "sdr-2");
    long touchesBefore = server.count("SELECT count(*) FROM touch");

    HttpResponse<String> playbook =
        server.post("/api/campaigns/campaign/forecast", "application/json", "{}", auth);
    HttpResponse<String> connectOnly =
        server.post(
            "/api/campaigns/campaign/forecast",
            "application/json",
            "{\"weeks\": 8, \"policy\": \"connect-only\", \"seed\": 3}",
            auth);

    assertThat(playbook.statusCode()).as(playbook.body()).isEqualTo(200);
    JsonNode result = ServerFixture.json(playbook);
    System.out.println("campaign forecast: " + result);
    assertThat(result.get("prospects").asInt()).isEqualTo(120);
    assertThat(result.get("weeks").asInt()).isEqualTo(12);
    assertThat(result.get("policy").asText()).isEqualTo("playbook");
    assertThat(result.get("sent").get("connect").asInt()).isPositive();
    result.get("violations").forEach(v -> assertThat(v.asInt()).isZero());
    JsonNode other = ServerFixture.json(connectOnly);
    assertThat(other.get("policy").asText()).isEqualTo("connect-only");
    assertThat(other.get("sent").get("inmail").asInt()).isZero();
    assertThat(server.count("SELECT count(*) FROM touch")).isEqualTo(touchesBefore);
    assertThatProblem(
            server.post(
                "/api/campaigns/campaign/forecast", "application/json", "{\"weeks\": 0}", auth))
        .hasStatus(422);
    assertThatProblem(
            server.post(
                "/api/campaigns/campaign/forecast",
                "application/json",
                "{\"policy\": \"psychic\"}",
                auth))
        .hasStatus(422);
    assertThatProblem(server.post("/api/campaigns/nope/forecast", "application/json", "", auth))
        .hasStatus(404);
  }

  @Test
  void theSummaryShowsTheFunnelRatesWithIntervalsAndTheCreditLedger() {
    ACampaign.launched(server.app.store(), 60, ServerFixture.START, "sdr-1");
    Engines.live(
            server.app.store(),
            new SimulatedExecutor(
                server.app.touches(),
                server.app.store().simulatedReactions(),
                7,
                Truth.DEFAULT,
                new DeliveryLog(home.resolve("log"))))
        .runUntil(ServerFixture.START.plus(Duration.ofDays(42)));

    HttpResponse<String> response = server.get("/api/analytics/summary", auth);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode summary = ServerFixture.json(response);
    System.out.println("analytics summary: " + summary);
    assertThat(summary.toString()).contains("campaign").contains("sdr-1");
    assertThat(summary.findValues("low")).isNotEmpty();
    assertThat(summary.get("overall").get("channels").fieldNames())
        .toIterable()
        .containsExactly("engage", "connect", "dm", "inmail", "email");
    assertThat(summary.get("overall").get("channels").get("connect").get("sent").asInt())
        .isEqualTo(
            summary.get("campaigns").get(0).get("channels").get("connect").get("sent").asInt())
        .isPositive();
    summary
        .findParents("low")
        .forEach(
            interval -> {
              double low = interval.get("low").asDouble();
              double high = interval.get("high").asDouble();
              assertThat(low).isBetween(0.0, 1.0);
              assertThat(high).isBetween(low, 1.0);
            });
  }
}
