package dev.warmreach.web.metrics;

import static dev.warmreach.testing.AProspect.aProspect;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warmreach.domain.Plan;
import dev.warmreach.domain.ProfileUrl;
import dev.warmreach.domain.Role;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.testing.ExternalTool;
import dev.warmreach.web.ServerFixture;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metrics as Prometheus and Grafana see them: {@code promtool check metrics} finds a real
 * scrape of the running server clean, and every query of the Grafana dashboard in docs/grafana/
 * answers with data from a real Prometheus scraping the server (promtool asks it).
 */
@Timeout(180)
class GrafanaDashboardTest {

  private static final Path DASHBOARD = Path.of("docs", "grafana", "warmreach.json");
  private static final String INSTALL = "install Prometheus, e.g. 'apt-get install prometheus'";

  @TempDir Path home;
  private ServerFixture server;
  private String[] token;

  @BeforeEach
  void start() {
    server = ServerFixture.start(home.resolve("server"));
    server
        .app
        .prospects()
        .saveProspects(
            List.of(
                aProspect().named("Ana", "Silva").at("https://www.linkedin.com/in/ana").build()));
    long ana =
        server
            .app
            .prospects()
            .prospectByUrl(ProfileUrl.of("linkedin.com/in/ana"))
            .orElseThrow()
            .id();
    server
        .app
        .accounts()
        .addAccount(SenderAccount.withPlanDefaults("sdr-1", Plan.SALES_NAVIGATOR, ZoneOffset.UTC));
    server.addUser("ops@example.com", Role.MEMBER);
    token = server.bearer(server.login("ops@example.com"));
    HttpResponse<String> event =
        server.post(
            "/api/events",
            "application/json",
            "{\"kind\": \"accepted\", \"prospectId\": "
                + ana
                + ", \"idempotencyKey\": \"li-1\", \"at\": \"2026-03-02T08:30:00Z\"}",
            token);
    assertThat(event.statusCode()).as(event.body()).isEqualTo(201);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void promtoolFindsARealScrapeClean() throws Exception {
    Path promtool = ExternalTool.require("promtool", INSTALL);
    HttpResponse<String> scraped = server.get("/metrics", token);
    assertThat(scraped.statusCode()).isEqualTo(200);

    Run check = run(List.of(promtool.toString(), "check", "metrics"), scraped.body());

    assertThat(scraped.body())
        .contains("warmreach_events_received_total{duplicate=\"false\",kind=\"accepted\"} 1.0");
    assertThat(check.output()).as("promtool check metrics").isEmpty();
    assertThat(check.exit()).isZero();
  }

  @Test
  void everyQueryOfTheDashboardAnswersFromAPrometheusScrapingTheServer() throws Exception {
    Path promtool = ExternalTool.require("promtool", INSTALL);
    Path prometheus = ExternalTool.require("prometheus", INSTALL);
    List<String> queries = queries();
    int port = freePort();
    Path config = home.resolve("prometheus.yml");
    Files.writeString(
        config,
        String.join(
            "\n",
            "global:",
            "  scrape_interval: 1s",
            "scrape_configs:",
            "  - job_name: warmreach",
            "    metrics_path: /metrics",
            "    authorization:",
            "      type: Bearer",
            "      credentials: " + token[1].substring("Bearer ".length()),
            "    static_configs:",
            "      - targets: ['" + server.server.baseUrl().replaceFirst("^https?://", "") + "']",
            ""));
    String url = "http://127.0.0.1:" + port;
    Process running =
        new ProcessBuilder(
                prometheus.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + home.resolve("tsdb"),
                "--web.listen-address=127.0.0.1:" + port)
            .redirectErrorStream(true)
            .redirectOutput(home.resolve("prometheus.log").toFile())
            .start();
    try {
      awaitScrapes(promtool, url);
      List<String> empty = new ArrayList<>();
      for (String query : queries) {
        Run answer = run(List.of(promtool.toString(), "query", "instant", url, query), "");
        System.out.println(query + "\n  " + answer.output().strip().replace("\n", "\n  "));
        assertThat(answer.exit()).as(query + ": " + answer.output()).isZero();
        if (answer.output().isBlank()) {
          empty.add(query);
        }
      }
      assertThat(empty).as("dashboard queries that found no series").isEmpty();
    } finally {
      running.destroy();
      if (!running.waitFor(20, TimeUnit.SECONDS)) {
        running.destroyForcibly();
      }
    }
  }

  /** Waits until Prometheus has scraped the server at least three times, so rates have data. */
  private static void awaitScrapes(Path promtool, String url) throws Exception {
    for (int i = 0; i < 60; i++) {
      Run up =
          run(
              List.of(
                  promtool.toString(),
                  "query",
                  "instant",
                  url,
                  "count_over_time(up{job=\"warmreach\"}[1m]) >= 3 and up{job=\"warmreach\"} == 1"),
              "");
      if (up.exit() == 0 && !up.output().isBlank()) {
        return;
      }
      Thread.sleep(1000);
    }
    throw new AssertionError("Prometheus did not scrape the server three times in a minute");
  }

  private static List<String> queries() throws IOException {
    JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
    List<String> queries = new ArrayList<>();
    for (JsonNode panel : dashboard.get("panels")) {
      for (JsonNode target : panel.path("targets")) {
        queries.add(target.get("expr").asText());
      }
    }
    assertThat(queries).hasSizeGreaterThan(10);
    return queries;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  record Run(int exit, String output) {}

  private static Run run(List<String> command, String input)
      throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(command + " did not finish in a minute");
    }
    return new Run(process.exitValue(), output);
  }
}
