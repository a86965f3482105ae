package dev.warmreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForecastCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void printsTheContractJsonWithEveryFieldToolsRelyOn() throws Exception {
    CliRun run = CliRun.run(Map.of(), "forecast", "--scenario", "examples/default.json", "--json");

    assertThat(run.exitCode).as(run.toString()).isZero();
    JsonNode json = JSON.readTree(run.out);
    assertThat(json.get("policy").asText()).isEqualTo("playbook");
    assertThat(json.get("prospects").asInt()).isEqualTo(2400);
    assertThat(json.get("weeks").asInt()).isEqualTo(12);
    assertThat(json.get("sent").fieldNames())
        .toIterable()
        .containsExactly("engage", "connect", "dm", "inmail", "email");
    assertThat(json.get("replies").fieldNames())
        .toIterable()
        .containsExactly("total", "connect", "dm", "inmail", "email");
    assertThat(json.get("inmailCredits").has("spent")).isTrue();
    assertThat(json.get("inmailCredits").has("refunded")).isTrue();
    assertThat(json.get("violations").fieldNames())
        .toIterable()
        .containsExactly(
            "weeklyInvites", "inmailCredits", "doNotContact", "workingHours", "noteLength");
    json.get("violations").forEach(v -> assertThat(v.asLong()).isZero());
    assertThat(json.has("accepted") && json.has("declined") && json.has("withdrawn")).isTrue();
    assertThat(json.get("wallMillis").asLong()).isPositive();
  }

  @Test
  void policyAndSeedOnTheCommandLineOverrideTheFile() throws Exception {
    CliRun run =
        CliRun.run(
            Map.of(),
            "forecast",
            "--scenario",
            "examples/default.json",
            "--policy",
            "connect-only",
            "--seed",
            "99",
            "--json");

    JsonNode json = JSON.readTree(run.out);
    assertThat(json.get("policy").asText()).isEqualTo("connect-only");
    assertThat(json.get("seed").asLong()).isEqualTo(99);
    assertThat(json.get("sent").get("inmail").asLong()).isZero();
  }

  @Test
  void theSameSeedGivesTheSameForecast() throws Exception {
    JsonNode a =
        JSON.readTree(
            CliRun.run(Map.of(), "forecast", "--scenario", "examples/free-account.yaml", "--json")
                .out);
    JsonNode b =
        JSON.readTree(
            CliRun.run(Map.of(), "forecast", "--scenario", "examples/free-account.yaml", "--json")
                .out);

    ((com.fasterxml.jackson.databind.node.ObjectNode) a).remove("wallMillis");
    ((com.fasterxml.jackson.databind.node.ObjectNode) b).remove("wallMillis");
    assertThat(a).isEqualTo(b);
  }

  @Test
  void printsAReadableTableForPeople() {
    CliRun run = CliRun.run(Map.of(), "forecast", "--scenario", "examples/default.json");

    assertThat(run.out)
        .contains("CHANNEL", "connection request", "% accepted", "InMail credits:")
        .contains("Limits broken: none")
        .contains("Some decisions:");
  }

  @Test
  void aBadScenarioIsOneClearLine() throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(
        bad, "{\"accounts\": [{\"id\": \"a\", \"plan\": \"PREMIUM\"}], \"segments\": []}");

    CliRun run = CliRun.run(Map.of(), "forecast", "--scenario", bad.toString());
    CliRun unknownPolicy =
        CliRun.run(
            Map.of(), "forecast", "--scenario", "examples/default.json", "--policy", "orcale");

    assertThat(run.exitCode).isEqualTo(1);
    assertThat(run.err.strip().lines()).hasSize(1);
    assertThat(run.err).contains("bad.json").contains("segments: needs at least one segment");
    assertThat(unknownPolicy.exitCode).isEqualTo(1);
    assertThat(unknownPolicy.err)
        .contains("--policy 'orcale' is not a policy")
        .contains("adaptive, oracle");
  }
}
