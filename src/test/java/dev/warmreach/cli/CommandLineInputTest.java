package dev.warmreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Options a user types wrong end in exit code 2 with one line naming the option and the form it
 * takes, and change nothing: never a raw exception.
 */
class CommandLineInputTest {

  @TempDir Path home;

  @Test
  void aFileThatIsNotUtf8IsRefusedNamingLineAndByteThenReadWithTheNamedEncoding() throws Exception {
    Path file = home.resolve("excel.csv");
    java.nio.file.Files.createDirectories(home);
    java.nio.file.Files.write(
        file,
        ("First Name,Last Name,LinkedIn URL\n"
                + "Zoë,Müller,https://www.linkedin.com/in/zoe-mueller\n")
            .getBytes(java.nio.charset.Charset.forName("windows-1252")));

    CliRun refused = CliRun.in(home, "import", file.toString());
    CliRun unknown = CliRun.in(home, "import", file.toString(), "--encoding", "latin-9000");
    CliRun named =
        CliRun.in(home, "--json", "import", file.toString(), "--encoding", "windows-1252");

    assertThat(refused.exitCode).as(refused.toString()).isEqualTo(1);
    assertThat(refused.err)
        .contains("not valid UTF-8: line 2, byte 36 (0xEB)")
        .contains("--encoding windows-1252");
    assertThat(unknown.exitCode).as(unknown.toString()).isEqualTo(2);
    assertThat(unknown.err).contains("--encoding").contains("'latin-9000'");
    assertThat(named.exitCode).as(named.toString()).isZero();
    CliRun list = CliRun.in(home, "prospects", "list");
    assertThat(list.out).contains("Zoë").contains("Müller").doesNotContain("Ã");
  }

  @Test
  void aPollIntervalTakesTheWayPeopleWriteDurations() {
    CliRun run = CliRun.in(home, "run", "--poll", "1s", "--until-done");

    assertThat(run.exitCode).as(run.toString()).isZero();
  }

  @Test
  void aPollIntervalThatIsNoDurationIsAUsageErrorShowingTheFormat() {
    CliRun run = CliRun.in(home, "run", "--poll", "1 sec", "--until-done");

    assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
    assertThat(run.err)
        .contains("--poll")
        .contains("500ms, 1s, 2m, 1h or ISO-8601 PT1S")
        .doesNotContain("DateTimeParseException");
  }

  @Test
  void aSenderNameWithALineBreakIsRefusedAndNothingIsSaved() {
    CliRun run =
        CliRun.in(
            home,
            "settings",
            "smtp",
            "--host",
            "127.0.0.1",
            "--port",
            "2525",
            "--tls",
            "none",
            "--from",
            "ana@example.com",
            "--from-name",
            "Ana\r\nBcc: everyone@example.com");

    assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
    assertThat(run.err).contains("--from-name").contains("line break");
    CliRun show = CliRun.in(home, "settings", "show");
    assertThat(show.out).as(show.toString()).doesNotContain("ana@example.com");
  }

  @Test
  void aCampaignNameWithDotsControlCharactersOrOverAHundredCharactersIsAUsageError() {
    CliRun.in(home, "accounts", "add", "sdr-1", "--plan", "SALES_NAVIGATOR");
    for (String name : new String[] {"../../etc", "q3\nfounders", "x".repeat(101)}) {
      CliRun run = CliRun.in(home, "campaigns", "create", name, "--accounts", "sdr-1");

      assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
      assertThat(run.err).contains("NAME");
    }
    assertThat(CliRun.in(home, "campaigns", "list").out).doesNotContain("etc");
  }
}
