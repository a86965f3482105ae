package dev.warmreach.cli;

import static dev.warmreach.testing.AProspect.aProspect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warmreach.Warmreach;
import dev.warmreach.domain.Role;
import dev.warmreach.domain.User;
import dev.warmreach.web.WebServer;
import dev.warmreach.web.auth.Secrets;
import dev.warmreach.web.auth.UserAccounts;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code warmreach serve} runs, and how it stops. */
class RunningServerTest {

  @TempDir Path home;

  @Test
  void stoppingLetsTheRequestInFlightFinishThenClosesThePortAndTheStore() throws Exception {
    Warmreach app = Warmreach.builder().home(home).build();
    RunningServer running =
        RunningServer.start(
            app, WebServer.Settings.defaults().on("127.0.0.1", 0), Duration.ofMillis(200));
    String base = running.server().baseUrl();
    app.prospects().saveProspects(List.of(aProspect().build()));
    long prospect = app.prospects().prospects(dev.warmreach.store.ProspectQuery.all(1)).get(0).id();
    User user =
        new UserAccounts(app.users()).add("ana@example.com", Role.MEMBER, "a long password!");
    String token = Secrets.random("wr_");
    app.users().createToken(user.id(), "test", Secrets.hash(token));
    String batch =
        IntStream.range(0, 1000)
            .mapToObj(
                i ->
                    "{\"kind\": \"signal\", \"signal\": \"hiring\", \"prospectId\": "
                        + prospect
                        + ", \"idempotencyKey\": \"e-"
                        + i
                        + "\"}")
            .collect(Collectors.joining(",", "[", "]"));
    HttpClient http = HttpClient.newHttpClient();

    CompletableFuture<HttpResponse<String>> inFlight =
        http.sendAsync(
            HttpRequest.newBuilder(URI.create(base + "/api/events"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(batch))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    long seenBeforeStop = waitForFirstEvents();
    running.close();

    HttpResponse<String> response = inFlight.get();
    assertThat(seenBeforeStop)
        .as("the batch was under way when the server stopped")
        .isLessThan(1000);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    assertThat(storedEvents()).isEqualTo(1000);
    assertThatThrownBy(
            () ->
                http.send(
                    HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(ConnectException.class);
    assertThat(app.storeReachable()).as("the store is closed").isFalse();
    running.close(); // twice is harmless
  }

  private long waitForFirstEvents() throws Exception {
    for (int i = 0; i < 2000; i++) {
      long stored = storedEvents();
      if (stored > 0) {
        return stored;
      }
      Thread.sleep(2);
    }
    throw new AssertionError("the batch never started");
  }

  private long storedEvents() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("warmreach.db"));
        ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM prospect_event")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
