package dev.warmreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WarmreachCliTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;

  static Path fixture(String name) {
    try {
      return Path.of(WarmreachCliTest.class.getResource("/import/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "demo",
        "import",
        "prospects",
        "prospects list",
        "prospects show",
        "prospects forget",
        "accounts",
        "accounts add",
        "accounts list",
        "accounts show",
        "dnc",
        "dnc add",
        "dnc list",
        "campaigns",
        "campaigns create",
        "campaigns list",
        "campaigns show",
        "campaigns launch",
        "campaigns pause",
        "campaigns resume",
        "run",
        "plan",
        "tasks",
        "tasks today",
        "tasks done",
        "tasks skip",
        "tasks fail",
        "settings",
        "settings smtp",
        "settings webhook",
        "settings bounces",
        "settings show",
        "settings remove",
        "forecast",
        "lint"
      })
  void everyCommandExplainsItselfWithHelp(String command) {
    String[] args = (command + " --help").strip().split(" ");

    CliRun run = CliRun.run(Map.of(), args);

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.out).startsWith("Usage: warmreach").contains("--help");
    assertThat(run.out.lines().count()).isGreaterThan(4);
  }

  @Test
  void importingTheConnectionsExportTwiceLeavesEachPersonOnce() throws Exception {
    CliRun first = CliRun.in(home, "import", fixture("linkedin-connections.csv").toString());
    CliRun second = CliRun.in(home, "import", fixture("linkedin-connections.csv").toString());
    CliRun list = CliRun.in(home, "prospects", "list", "--json");

    assertThat(first.exitCode).as(first.toString()).isZero();
    assertThat(first.out).contains("LinkedIn Connections export").contains("12 new");
    assertThat(second.out).contains("0 new").contains("12 unchanged");
    JsonNode json = JSON.readTree(list.out);
    assertThat(json.get("total").asInt()).isEqualTo(12);
    assertThat(json.get("prospects")).hasSize(12);
    List<String> urls = json.get("prospects").findValuesAsText("profileUrl");
    assertThat(urls)
        .doesNotHaveDuplicates()
        .allMatch(u -> u.startsWith("https://www.linkedin.com/in/"));
    assertThat(json.get("prospects").findValuesAsText("degree")).containsOnly("FIRST");
  }

  @Test
  void aFileWithOneBadRowStoresNothingAndNamesTheRow() throws Exception {
    CliRun run = CliRun.in(home, "import", fixture("one-bad-row.csv").toString());
    CliRun count = CliRun.in(home, "prospects", "list", "--json");

    assertThat(run.exitCode).isEqualTo(1);
    assertThat(run.err)
        .contains("1 of 10 rows are invalid, so nothing was stored")
        .contains("line 8:")
        .contains("company page")
        .contains("--skip-invalid");
    assertThat(JSON.readTree(count.out).get("total").asInt()).isZero();
  }

  @Test
  void skipInvalidStoresTheValidRowsAndListsTheRest() throws Exception {
    CliRun run = CliRun.in(home, "import", fixture("one-bad-row.csv").toString(), "--skip-invalid");
    CliRun count = CliRun.in(home, "prospects", "list", "--json");

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.out).contains("9 new").contains("Skipped invalid rows:").contains("line 8:");
    assertThat(JSON.readTree(count.out).get("total").asInt()).isEqualTo(9);
  }

  @Test
  void importReportsAsJsonForTools() throws Exception {
    CliRun run = CliRun.in(home, "--json", "import", fixture("one-bad-row.csv").toString());

    JsonNode json = JSON.readTree(run.out);
    assertThat(run.exitCode).isEqualTo(1);
    assertThat(json.get("stored").asBoolean()).isFalse();
    assertThat(json.get("invalidCount").asInt()).isEqualTo(1);
    assertThat(json.get("invalid").get(0).get("line").asInt()).isEqualTo(8);
  }

  @Test
  void globalOptionsWorkBeforeOrAfterTheCommand() throws Exception {
    CliRun.in(home, "import", fixture("linkedin-connections.csv").toString());

    CliRun before = CliRun.run(Map.of(), "--home", home.toString(), "--json", "prospects", "list");
    CliRun after = CliRun.run(Map.of(), "prospects", "list", "--json", "--home", home.toString());

    assertThat(JSON.readTree(before.out).get("total").asInt()).isEqualTo(12);
    assertThat(JSON.readTree(after.out).get("total").asInt()).isEqualTo(12);
  }

  @Test
  void theHomeFolderComesFromTheEnvironmentWhenNotGiven() throws Exception {
    CliRun.run(
        Map.of("WARMREACH_HOME", home.toString()),
        "import",
        fixture("linkedin-connections.csv").toString());

    CliRun list = CliRun.in(home, "prospects", "list", "--json");

    assertThat(JSON.readTree(list.out).get("total").asInt()).isEqualTo(12);
  }

  @Test
  void aMissingFileIsOneClearLineWithoutAStackTrace() {
    CliRun run = CliRun.in(home, "import", home.resolve("nope.csv").toString());

    assertThat(run.exitCode).isEqualTo(1);
    assertThat(run.err.strip().lines()).hasSize(1);
    assertThat(run.err).startsWith("warmreach: ").contains("nope.csv does not exist");
  }

  @Test
  void debugShowsTheStackTrace() {
    CliRun run = CliRun.in(home, "--debug", "import", home.resolve("nope.csv").toString());

    assertThat(run.exitCode).isEqualTo(1);
    assertThat(run.err).contains("UserError").contains("\tat ");
  }

  @Test
  void anUnsupportedDatabaseUrlSaysWhichOnesWork() {
    CliRun run = CliRun.run(Map.of(), "--db", "jdbc:mysql://localhost/x", "accounts", "list");

    assertThat(run.exitCode).isEqualTo(1);
    assertThat(run.err).contains("jdbc:sqlite:FILE").contains("jdbc:postgresql://");
  }

  @Test
  void anUnreachableDatabaseIsAClearError() {
    CliRun run =
        CliRun.run(
            Map.of(),
            "--db",
            "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2",
            "accounts",
            "list");

    assertThat(run.exitCode).isEqualTo(1);
    assertThat(run.err).contains("cannot open the PostgreSQL database").contains("--db");
  }

  @Test
  void aMistypedOptionIsAUsageError() {
    CliRun run = CliRun.in(home, "import", "--formt", "linkedin", "x.csv");

    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.err).contains("--formt");
  }

  @Test
  void anUnknownFieldInMapNamesTheFields() {
    CliRun run =
        CliRun.in(
            home, "import", fixture("custom-columns.csv").toString(), "--map", "Given name=first");

    assertThat(run.exitCode).isEqualTo(1);
    assertThat(run.err).contains("'first' is not a field").contains("firstName");
  }

  @Test
  void aWeeklyCapAboveWhatThePlanIsReportedToAllowWarnsAndIsKept() throws Exception {
    CliRun above =
        CliRun.in(
            home, "accounts", "add", "sdr-1", "--plan", "premium", "--weekly-invitations", "400");
    CliRun within =
        CliRun.in(
            home, "accounts", "add", "sdr-2", "--plan", "premium", "--weekly-invitations", "120");

    assertThat(above.exitCode).as(above.toString()).isZero();
    assertThat(above.err)
        .contains("warning: 400 invitations a week is above the 150 that PREMIUM accounts")
        .contains("--weekly-invitations 150");
    assertThat(above.out).contains("400 invitations a week");
    assertThat(within.exitCode).isZero();
    assertThat(within.err).isEmpty();
  }

  @Test
  void addsListsAndShowsAccountsWithPlanDefaults() throws Exception {
    CliRun add =
        CliRun.in(
            home,
            "accounts",
            "add",
            "sdr-1",
            "--plan",
            "sales_navigator",
            "--timezone",
            "Europe/Berlin");
    CliRun again = CliRun.in(home, "accounts", "add", "sdr-1", "--plan", "premium");
    CliRun list = CliRun.in(home, "--json", "accounts", "list");
    CliRun show = CliRun.in(home, "accounts", "show", "sdr-1");

    assertThat(add.exitCode).as(add.toString()).isZero();
    assertThat(again.exitCode).isEqualTo(1);
    assertThat(again.err).contains("exists already");
    JsonNode account = JSON.readTree(list.out).get(0);
    assertThat(account.get("plan").asText()).isEqualTo("SALES_NAVIGATOR");
    assertThat(account.get("weeklyInvitationCap").asInt()).isEqualTo(200);
    assertThat(account.get("monthlyInmailCredits").asInt()).isEqualTo(50);
    assertThat(account.get("timeZone").asText()).isEqualTo("Europe/Berlin");
    assertThat(show.out).contains("InMail credits held at most").contains("150");
  }

  @Test
  void refusesInmailCreditsOnAFreeAccount() {
    CliRun run =
        CliRun.in(home, "accounts", "add", "me", "--plan", "FREE", "--inmail-credits", "5");

    assertThat(run.exitCode).isEqualTo(1);
    assertThat(run.err).contains("FREE account cannot send InMail");
  }

  @Test
  void refusesABadTimeZoneAndBadHours() {
    CliRun zone =
        CliRun.in(home, "accounts", "add", "me", "--plan", "FREE", "--timezone", "Mars/Base");
    CliRun hours = CliRun.in(home, "accounts", "add", "me", "--plan", "FREE", "--hours", "9 to 5");

    assertThat(zone.err).contains("'Mars/Base' is not a time zone");
    assertThat(hours.err).contains("--hours").contains("Mon-Fri 09:00-17:30");
    assertThat(CliRun.in(home, "accounts", "list").out).contains("No accounts yet");
  }

  @Test
  void forgettingAPersonKeepsThemOutOfLaterImports() throws Exception {
    Path file = fixture("linkedin-connections.csv");
    CliRun.in(home, "import", file.toString());
    JsonNode first =
        JSON.readTree(CliRun.in(home, "--json", "prospects", "list").out).get("prospects").get(0);

    CliRun forget =
        CliRun.in(home, "prospects", "forget", first.get("profileUrl").asText(), "--yes");
    CliRun reimport = CliRun.in(home, "import", file.toString());
    CliRun dnc = CliRun.in(home, "dnc", "list");

    assertThat(forget.exitCode).as(forget.toString()).isZero();
    assertThat(reimport.out).contains("1 kept out");
    assertThat(
            JSON.readTree(CliRun.in(home, "--json", "prospects", "list").out).get("total").asInt())
        .isEqualTo(11);
    assertThat(dnc.out).contains("(erased person)").doesNotContain(first.get("lastName").asText());
  }

  @Test
  void forgetWithoutATerminalNeedsYes() throws Exception {
    CliRun.in(home, "import", fixture("linkedin-connections.csv").toString());

    CliRun run = CliRun.in(home, "prospects", "forget", "1");

    assertThat(run.exitCode).isEqualTo(1);
    assertThat(run.err).contains("--yes");
    assertThat(CliRun.in(home, "prospects", "show", "1").exitCode).isZero();
  }

  @Test
  void doNotContactByEmailMarksTheStoredPerson() throws Exception {
    CliRun.in(home, "import", fixture("hubspot-contacts.csv").toString());
    JsonNode person =
        JSON.readTree(CliRun.in(home, "--json", "prospects", "list").out).get("prospects").get(0);

    CliRun add =
        CliRun.in(home, "dnc", "add", person.get("email").asText(), "--reason", "unsubscribed");
    CliRun show = CliRun.in(home, "--json", "prospects", "show", person.get("id").asText());

    assertThat(add.out).contains("Added to the do-not-contact list");
    assertThat(JSON.readTree(show.out).get("doNotContact").asBoolean()).isTrue();
    assertThat(CliRun.in(home, "dnc", "list").out).contains("unsubscribed");
  }

  @Test
  void doNotContactRefusesSomethingThatIsNeitherUrlNorEmail() {
    CliRun run = CliRun.in(home, "dnc", "add", "https://twitter.com/ana");

    assertThat(run.exitCode).isEqualTo(1);
    assertThat(run.err)
        .contains(
            "neither an email address, an email domain (example.com or @example.com) nor a"
                + " LinkedIn profile URL");
  }

  @Test
  void showingSomeoneUnknownSaysHowToFindThem() {
    CliRun run = CliRun.in(home, "prospects", "show", "42");

    assertThat(run.exitCode).isEqualTo(1);
    assertThat(run.err).contains("no prospect '42'").contains("prospects list");
  }

  @Test
  void listsFilterBySeniorityAndPage() throws Exception {
    CliRun.in(home, "demo");

    JsonNode vps =
        JSON.readTree(
            CliRun.in(home, "--json", "prospects", "list", "--seniority", "vp", "--limit", "5")
                .out);
    CliRun table = CliRun.in(home, "prospects", "list", "--limit", "3");

    assertThat(vps.get("total").asInt()).isGreaterThan(5);
    assertThat(vps.get("prospects")).hasSize(5);
    assertThat(vps.get("prospects").findValuesAsText("seniority")).containsOnly("VP");
    assertThat(table.out).contains("ID").contains("SENIORITY").contains("next page: --offset 3");
  }

  @Test
  void theDemoRunsACampaignOnTheSimulatedNetworkOnceAndKeepsTheResults() throws Exception {
    CliRun first = CliRun.in(home, "demo");
    CliRun second = CliRun.in(home, "--json", "demo");
    CliRun show = CliRun.in(home, "--json", "campaigns", "show", "demo");

    assertThat(first.exitCode).as(first.toString()).isZero();
    assertThat(first.out)
        .contains("300 new")
        .contains("By seniority")
        .contains("demo-sdr")
        .contains("Ran campaign 'demo'")
        .contains("Limits held: all")
        .contains("Some decisions, with their reasons:");
    JsonNode json = JSON.readTree(second.out);
    assertThat(json.get("ranNow").asBoolean()).isFalse();
    assertThat(json.get("imported").get("created").asInt()).isZero();
    assertThat(json.get("sampleProspects").asInt()).isEqualTo(300);
    assertThat(json.get("sent").get("CONNECT").asInt()).isGreaterThan(100);
    assertThat(json.get("sent").get("DM").asInt()).isPositive();
    assertThat(json.get("events").get("ACCEPTED").asInt()).isPositive();
    json.get("violations").forEach(v -> assertThat(v.asLong()).isZero());
    assertThat(json.get("decisions")).isNotEmpty();
    assertThat(first.out)
        .as("a sample of each written channel, none of them a warm-up's wordless like")
        .contains("  connect:\n    to ")
        .contains("  inmail:\n    to ")
        .contains("  email:\n    to ")
        .doesNotContain("(variant ): ");
    JsonNode campaign = JSON.readTree(show.out);
    assertThat(campaign.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(campaign.get("sent")).isEqualTo(json.get("sent"));
  }
}
