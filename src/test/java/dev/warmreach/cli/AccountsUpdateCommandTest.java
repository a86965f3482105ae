package dev.warmreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code warmreach accounts update}: an account's own say on follow-ups, zone and hours. */
class AccountsUpdateCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;

  @BeforeEach
  void anAccount() {
    CliRun added =
        CliRun.in(home, "accounts", "add", "sdr-1", "--plan", "premium", "--timezone", "UTC");
    assertThat(added.exitCode).as(added.toString()).isZero();
  }

  private JsonNode shown() throws Exception {
    return JSON.readTree(CliRun.in(home, "--json", "accounts", "show", "sdr-1").out);
  }

  @Test
  void setsFollowUpsOnDaysOffZoneAndHoursAndCampaignGivesTheSayBack() throws Exception {
    assertThat(shown().get("followUpsOnDaysOff").isNull()).isTrue();

    CliRun updated =
        CliRun.in(
            home,
            "accounts",
            "update",
            "sdr-1",
            "--follow-ups-on-days-off",
            "false",
            "--timezone",
            "Europe/Berlin",
            "--working-hours",
            "08:00-16:00");

    assertThat(updated.exitCode).as(updated.toString()).isZero();
    assertThat(updated.out)
        .contains("Updated sdr-1: Mon-Fri 08:00-16:00 Europe/Berlin")
        .contains("follow-ups on days off: no, for every campaign");
    JsonNode account = shown();
    assertThat(account.get("followUpsOnDaysOff").asBoolean(true)).isFalse();
    assertThat(account.get("timeZone").asText()).isEqualTo("Europe/Berlin");
    assertThat(CliRun.in(home, "accounts", "show", "sdr-1").out)
        .contains("follow-ups on days off")
        .contains("no, for every campaign");

    CliRun back =
        CliRun.in(home, "accounts", "update", "sdr-1", "--follow-ups-on-days-off", "campaign");
    assertThat(back.exitCode).as(back.toString()).isZero();
    assertThat(shown().get("followUpsOnDaysOff").isNull()).isTrue();
  }

  @Test
  void badInputIsOneLineNamingTheOptionAndChangesNothing() throws Exception {
    String before = shown().toString();

    CliRun unknown =
        CliRun.in(home, "accounts", "update", "nobody", "--follow-ups-on-days-off", "true");
    CliRun badBoolean =
        CliRun.in(
            home,
            "accounts",
            "update",
            "sdr-1",
            "--follow-ups-on-days-off",
            "maybe",
            "--timezone",
            "Europe/Berlin");
    CliRun badZone =
        CliRun.in(
            home,
            "accounts",
            "update",
            "sdr-1",
            "--follow-ups-on-days-off",
            "true",
            "--timezone",
            "Mars/Olympus");
    CliRun nothing = CliRun.in(home, "accounts", "update", "sdr-1");

    assertThat(unknown.exitCode).isNotZero();
    assertThat(unknown.err).contains("no account named 'nobody'; see 'warmreach accounts list'");
    assertThat(badBoolean.exitCode).isNotZero();
    assertThat(badBoolean.err)
        .contains("--follow-ups-on-days-off: 'maybe' is not true, false or campaign");
    assertThat(badZone.exitCode).isNotZero();
    assertThat(badZone.err)
        .contains("--timezone: 'Mars/Olympus' is not a time zone; use a name like Europe/Berlin");
    assertThat(nothing.exitCode).isNotZero();
    assertThat(nothing.err).contains("nothing to change for 'sdr-1'");
    assertThat(shown().toString()).isEqualTo(before);
  }
}
