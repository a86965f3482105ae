package dev.warmreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signals from the command line: a CSV list from an intent tool is taken once, a person not stored
 * yet is enrolled in the campaign that takes signals, and the feed says what was done about each.
 */
class SignalsCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;

  @BeforeEach
  void aWorkspaceWithAProspectAndACampaignThatTakesSignals() throws Exception {
    Path csv = home.resolve("leads.csv");
    Files.writeString(
        csv,
        """
        First Name,Last Name,Title,Company,LinkedIn URL
        Sam,Reyes,Head of Sales,Orbe,https://www.linkedin.com/in/sam-reyes
        """);
    assertThat(CliRun.in(home, "import", csv.toString()).exitCode).isZero();
    assertThat(
            CliRun.in(
                    home,
                    "accounts",
                    "add",
                    "sdr-1",
                    "--plan",
                    "sales_navigator",
                    "--timezone",
                    "Europe/Berlin")
                .exitCode)
        .isZero();
    assertThat(CliRun.in(home, "campaigns", "create", "q1", "--accounts", "sdr-1").exitCode)
        .isZero();
    CliRun inbound =
        CliRun.in(
            home,
            "campaigns",
            "create",
            "inbound",
            "--accounts",
            "sdr-1",
            "--take-signals",
            "--tag",
            "nobody-yet");
    assertThat(inbound.exitCode).as(inbound.toString()).isZero();
    assertThat(inbound.out).contains("It takes signals");
  }

  @Test
  void aListIsTakenOnceAndTheFeedSaysWhatWasDoneAboutEach() throws Exception {
    Path list = home.resolve("intent.csv");
    Files.writeString(
        list,
        """
        Profile URL,Signal,Detail,Date,First Name,Last Name,Title,Company
        https://www.linkedin.com/in/sam-reyes,role_change,started as VP Sales at Orbe,2026-01-02,,,,
        linkedin.com/in/lena-park,hiring,hiring five SDRs,2026-01-03,Lena,Park,VP Sales,Nimbus
        """);

    CliRun taken = CliRun.in(home, "--json", "signals", "import", list.toString());
    CliRun again = CliRun.in(home, "--json", "signals", "import", list.toString());
    CliRun feed = CliRun.in(home, "signals", "list");

    assertThat(taken.exitCode).as(taken.toString()).isZero();
    JsonNode first = JSON.readTree(taken.out);
    assertThat(first.get("waiting").asInt())
        .as("Sam's campaign q1 and the inbound one are drafts")
        .isEqualTo(2);
    assertThat(JSON.readTree(again.out).get("duplicates").asInt()).isEqualTo(2);
    assertThat(feed.out)
        .contains("Sam Reyes")
        .contains("campaign q1 is draft")
        .contains("Lena Park")
        .contains("enrolled in campaign inbound");
    assertThat(feed.out)
        .as("kinds in words, times in the zone of the account working them")
        .contains("Role change: started as VP Sales at Orbe")
        .contains("Hiring: hiring five SDRs")
        .contains("(Europe/Berlin)")
        .doesNotContain("role_change")
        .doesNotContain("T00:00:00Z");
  }

  @Test
  void aWrongRowRefusesTheWholeListNamingItsLine() throws Exception {
    Path list = home.resolve("intent.csv");
    Files.writeString(
        list,
        """
        Profile URL,Signal
        https://www.linkedin.com/in/sam-reyes,role_change
        https://www.linkedin.com/in/sam-reyes,got_promoted
        """);

    CliRun run = CliRun.in(home, "signals", "import", list.toString());

    assertThat(run.exitCode).isEqualTo(1);
    assertThat(run.err).contains("line 3").contains("'got_promoted' is not a signal");
    assertThat(CliRun.in(home, "signals", "list").out).contains("No signals yet");
  }
}
