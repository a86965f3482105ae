package dev.warmreach.web;

import static dev.warmreach.web.ProblemAssert.assertThatProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Walks the routes the Javalin app actually registered: every one but the few open on purpose
 * answers 401 without credentials. A route added later without thought fails here, as does one
 * marked public without being added to the list below.
 */
class EveryRouteNeedsAuthenticationTest {

  private static final Set<String> OPEN_ON_PURPOSE =
      Set.of(
          "GET /health",
          "GET /login",
          "POST /login",
          "GET /setup",
          "POST /setup",
          "GET /openapi.json",
          // the LinkedIn provider's webhooks carry the workspace's secret instead of a user
          "POST /api/provider/webhook",
          "POST /api/provider/linked",
          // the unsubscribe link in emails carries a token the workspace signed
          "GET /unsubscribe",
          "POST /unsubscribe");

  @TempDir Path home;
  private ServerFixture fixture;

  @BeforeEach
  void start() {
    fixture = ServerFixture.start(home);
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void everyRouteButTheOpenOnesAnswers401WithoutCredentials() {
    List<WebServer.Route> routes = fixture.server.routes();
    assertThat(routes).extracting(r -> r.method() + " " + r.path()).contains("POST /api/events");

    for (WebServer.Route route : routes) {
      String name = route.method() + " " + route.path();
      if (OPEN_ON_PURPOSE.contains(name)) {
        continue;
      }
      String path = route.path().replaceAll("\\{[^}]+}", "1").replaceAll("<[^>]+>", "1");
      HttpResponse<String> response = fixture.send(route.method(), path, "application/json", "{}");

      assertThatProblem(response).hasStatus(401);
      assertThat(response.headers().firstValue("WWW-Authenticate")).as(name).isPresent();
    }
  }

  @Test
  void onlyTheRoutesOpenOnPurposeArePublic() {
    assertThat(fixture.server.routes())
        .filteredOn(route -> route.access().contains("PUBLIC"))
        .extracting(route -> route.method() + " " + route.path())
        .containsExactlyInAnyOrderElementsOf(OPEN_ON_PURPOSE);
  }

  @Test
  void aWrongOrMalformedTokenIs401Too() {
    assertThatProblem(fixture.get("/api/session", "Authorization", "Bearer wr_not-a-token"))
        .hasStatus(401);
    assertThatProblem(fixture.get("/api/session", "Authorization", "Basic YTpi")).hasStatus(401);
    assertThatProblem(fixture.get("/api/session", "Cookie", "warmreach_session=forged"))
        .hasStatus(401);
  }

  @Test
  void healthIsOpenAndReportsTheStore() {
    HttpResponse<String> health = fixture.get("/health");

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(ServerFixture.json(health).get("store").asText()).isEqualTo("reachable");
  }
}
