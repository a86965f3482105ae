package dev.warmreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --json} on commands that change something and on failures: scripts read one JSON document
 * from standard output, or a problem from standard error, never a sentence.
 */
class JsonOutputTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;

  @Test
  void launchPauseAndResumeAnswerWithTheCampaignsStatus() throws Exception {
    // given a campaign
    Path csv = home.resolve("leads.csv");
    Files.writeString(
        csv,
        "First Name,Last Name,Title,LinkedIn URL\n"
            + "Olivia,Bennett,VP Sales,https://www.linkedin.com/in/olivia-bennett\n");
    assertThat(CliRun.in(home, "import", csv.toString()).exitCode).isZero();
    assertThat(CliRun.in(home, "accounts", "add", "sdr-1", "--plan", "sales_navigator").exitCode)
        .isZero();
    CliRun created = CliRun.in(home, "campaigns", "create", "q1", "--accounts", "sdr-1");
    assertThat(created.exitCode).as(created.toString()).isZero();

    // when / then
    JsonNode launched = json(CliRun.in(home, "--json", "campaigns", "launch", "q1"));
    assertThat(launched.get("campaign").asText()).isEqualTo("q1");
    assertThat(launched.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(launched.get("coach").isArray()).isTrue();
    assertThat(json(CliRun.in(home, "--json", "campaigns", "pause", "q1")).get("status").asText())
        .isEqualTo("PAUSED");
    assertThat(json(CliRun.in(home, "--json", "campaigns", "resume", "q1")).get("status").asText())
        .isEqualTo("ACTIVE");
  }

  @Test
  void settingsAnswerWithWhatWasKeptAndWhatWasRemoved() throws Exception {
    JsonNode saved =
        json(
            CliRun.run(
                java.util.Map.of("HOOK_SECRET", "a-long-enough-secret-for-signing"),
                "--home",
                home.toString(),
                "--json",
                "settings",
                "webhook",
                "--url",
                "http://127.0.0.1:9/hook",
                "--secret-env",
                "HOOK_SECRET"));
    assertThat(saved.get("setting").asText()).isEqualTo("webhook");
    assertThat(saved.get("saved").asBoolean()).isTrue();
    assertThat(saved.get("value").asText()).contains("127.0.0.1:9/hook");

    JsonNode removed = json(CliRun.in(home, "--json", "settings", "remove", "webhook"));
    assertThat(removed.get("removed").asBoolean()).isTrue();
  }

  @Test
  void theVersionIsJson() throws Exception {
    JsonNode version = json(CliRun.run(java.util.Map.of(), "--json", "--version"));
    assertThat(version.get("name").asText()).isEqualTo("warmreach");
    assertThat(version.get("version").asText()).isNotBlank();
  }

  @Test
  void aUsersMistakeIsAJsonProblemOnStandardErrorWithTheExitStatus() throws Exception {
    // when a campaign that does not exist is launched
    CliRun run = CliRun.in(home, "--json", "campaigns", "launch", "nope");

    // then
    assertThat(run.exitCode).isEqualTo(1);
    assertThat(run.out).isEmpty();
    JsonNode problem = JSON.readTree(run.err);
    assertThat(problem.get("error").asText()).contains("nope");
    assertThat(problem.get("exit").asInt()).isEqualTo(1);
    assertThat(problem.has("fix")).isTrue();
  }

  @Test
  void aCommandLineThatDoesNotParseIsAJsonProblemToo() throws Exception {
    CliRun run = CliRun.in(home, "--json", "campaigns", "launch");

    assertThat(run.exitCode).isEqualTo(2);
    JsonNode problem = JSON.readTree(run.err);
    assertThat(problem.get("error").asText()).contains("NAME");
    assertThat(problem.get("fix").asText()).isEqualTo("see 'warmreach campaigns launch --help'");
    assertThat(problem.get("exit").asInt()).isEqualTo(2);
  }

  private static JsonNode json(CliRun run) throws Exception {
    assertThat(run.exitCode).as(run.toString()).isZero();
    return JSON.readTree(run.out);
  }
}
