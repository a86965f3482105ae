package dev.warmreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warmreach.Warmreach;
import dev.warmreach.domain.Message;
import dev.warmreach.domain.Prospect;
import dev.warmreach.domain.Touch;
import dev.warmreach.execute.simulated.DeliveryLog;
import dev.warmreach.execute.simulated.SimulatedExecutor;
import dev.warmreach.live.LiveEngine;
import dev.warmreach.simulation.Truth;
import dev.warmreach.store.ProspectQuery;
import dev.warmreach.testing.Engines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Campaigns from the command line: the coach at create and launch, the plan, rendered text. */
class CampaignsCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;

  @BeforeEach
  void aWorkspaceWithProspectsAndAnAccount() throws Exception {
    Path csv = home.resolve("leads.csv");
    Files.writeString(
        csv,
        """
        First Name,Last Name,Title,Company,LinkedIn URL,Email
        Olivia,Bennett,VP Revenue Operations,Brightloop Analytics,https://www.linkedin.com/in/olivia-bennett,olivia@brightloop.io
        Rohan,Iyer,Head of Partnerships,,https://www.linkedin.com/in/rohan-iyer,
        Siobhán,Kelly,Account Executive,Kestrel Security,https://www.linkedin.com/in/siobhan-kelly,siobhan@kestrel.io
        Lukas,Brandt,Engineering Manager,Helix Cloud,https://www.linkedin.com/in/lukas-brandt,
        """);
    assertThat(CliRun.in(home, "import", csv.toString()).exitCode).isZero();
    assertThat(CliRun.in(home, "accounts", "add", "sdr-1", "--plan", "sales_navigator").exitCode)
        .isZero();
  }

  private Path definition(String yaml) throws Exception {
    Path file = home.resolve("campaign.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  @Test
  void theCoachsErrorsStopACampaignAndNothingIsStored() throws Exception {
    Path file =
        definition(
            "sequence: combined\ntemplates:\n  note: \"Hi {{firstName}}, "
                + "I read your post on {{postTopic|hiring}} and it made me think. ".repeat(5)
                + "\"\n");

    CliRun create =
        CliRun.in(
            home,
            "campaigns",
            "create",
            "q1",
            "--accounts",
            "sdr-1",
            "--definition",
            file.toString());
    CliRun list = CliRun.in(home, "--json", "campaigns", "list");

    assertThat(create.exitCode).as(create.toString()).isEqualTo(1);
    assertThat(create.err)
        .contains("cannot create campaign 'q1'")
        .contains("'note' (A")
        .contains("note.too-long")
        .contains("warmreach lint");
    assertThat(JSON.readTree(list.out)).isEmpty();
  }

  @Test
  void theCoachsWarningsAreShownWhenACampaignIsCreatedAndLaunched() throws Exception {
    Path generic = Path.of("examples/campaign-generic.yaml").toAbsolutePath();

    CliRun create =
        CliRun.in(
            home,
            "campaigns",
            "create",
            "q1",
            "--accounts",
            "sdr-1",
            "--definition",
            generic.toString());
    CliRun json = CliRun.in(home, "--json", "campaigns", "create", "q2", "--accounts", "sdr-1");
    CliRun launch = CliRun.in(home, "campaigns", "launch", "q1");

    assertThat(create.exitCode).as(create.toString()).isZero();
    assertThat(create.out)
        .contains("The coach suggests:")
        .contains("'note' (A, score")
        .contains("note.generic-phrase")
        .contains("subject.cliche")
        .contains("Created campaign q1");
    assertThat(launch.exitCode).as(launch.toString()).isZero();
    assertThat(launch.out).contains("note.generic-phrase").contains("Campaign q1 is now ACTIVE");
    JsonNode coach = JSON.readTree(json.out).get("coach");
    assertThat(coach).isNotEmpty();
    coach.forEach(
        review -> {
          assertThat(review.get("personalised").asBoolean()).as(review.toString()).isTrue();
          assertThat(review.get("errors")).isEmpty();
        });
  }

  @Test
  void aProspectTheTemplateCannotBeWrittenForIsHeldBackWithTheReason() throws Exception {
    Path file =
        definition(
            """
            sequence: combined
            templates:
              note:
                - "Hi {{firstName}}, your post on {{postTopic|outbound}} got me thinking about {{company}}'s pipeline. Would be glad to connect."
                - "Hi {{firstName}}, {{mutualConnection|a friend}} mentioned {{company}} is rethinking outbound. Happy to connect?"
            author: {name: Sam Carter, company: Brightline}
            """);
    assertThat(
            CliRun.in(
                    home,
                    "campaigns",
                    "create",
                    "q1",
                    "--accounts",
                    "sdr-1",
                    "--definition",
                    file.toString())
                .exitCode)
        .isZero();
    assertThat(CliRun.in(home, "campaigns", "launch", "q1").exitCode).isZero();

    try (Warmreach app = Warmreach.builder().home(home).build()) {
      LiveEngine engine =
          Engines.live(
              app.store(),
              new SimulatedExecutor(
                  app.touches(),
                  app.store().simulatedReactions(),
                  7,
                  Truth.DEFAULT,
                  new DeliveryLog(home.resolve("deliveries.log"))));
      engine.runUntil(app.clock().instant().plus(Duration.ofDays(35)));

      List<Prospect> people = app.prospects().prospects(ProspectQuery.all(10));
      List<Touch> touches =
          people.stream().flatMap(p -> app.touches().touches(p.id()).stream()).toList();
      List<Message> texts = touches.stream().map(Touch::message).filter(Objects::nonNull).toList();
      assertThat(texts).isNotEmpty();
      assertThat(texts)
          .allSatisfy(
              m -> {
                assertThat(m.body()).doesNotContain("{{").doesNotContain("}}");
                assertThat(m.subject()).doesNotContain("{{");
              });
      assertThat(texts.stream().map(Message::variant).distinct()).contains("A", "B");
      long rohan =
          app.prospects().prospects(ProspectQuery.all(10)).stream()
              .filter(p -> p.profile().firstName().equals("Rohan"))
              .findFirst()
              .orElseThrow()
              .id();
      assertThat(app.touches().touches(rohan))
          .noneMatch(t -> t.channel() == dev.warmreach.domain.Channel.CONNECT && t.withNote());
    }

    CliRun plan =
        CliRun.in(
            home,
            "plan",
            "--campaign",
            "q1",
            "--prospect",
            "https://www.linkedin.com/in/rohan-iyer");
    assertThat(plan.exitCode).as(plan.toString()).isZero();
    assertThat(plan.out)
        .contains("Decisions so far:")
        .contains("held back: template 'note'")
        .contains("no value for {{company}}");
  }

  @Test
  void thePlanShowsEachProspectsNextDecisionWithItsReasons() throws Exception {
    assertThat(CliRun.in(home, "campaigns", "create", "q1", "--accounts", "sdr-1").exitCode)
        .isZero();

    CliRun table = CliRun.in(home, "plan", "--campaign", "q1");
    CliRun json = CliRun.in(home, "--json", "plan", "--campaign", "q1", "--limit", "2");
    CliRun stranger =
        CliRun.in(
            home, "plan", "--campaign", "q1", "--prospect", "https://www.linkedin.com/in/nobody");
    CliRun noCampaign = CliRun.in(home, "plan", "--campaign", "nope");
    CliRun badLimit = CliRun.in(home, "plan", "--campaign", "q1", "--limit", "0");

    assertThat(table.exitCode).as(table.toString()).isZero();
    assertThat(table.out).contains("NEXT DECISION").contains("Olivia Bennett").contains("Warm-up");
    JsonNode rows = JSON.readTree(json.out);
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).get("step").asText()).isEqualTo("warm-up");
    assertThat(rows.get(0).get("reasons")).isNotEmpty();
    assertThat(stranger.exitCode).isEqualTo(1);
    assertThat(noCampaign.exitCode).isEqualTo(1);
    assertThat(noCampaign.err).contains("no campaign named 'nope'");
    assertThat(badLimit.exitCode).isEqualTo(1);
    assertThat(badLimit.err).contains("--limit 0 must be between 1 and 100000");
  }

  @Test
  void timeSensitiveAndAccountBasedAreFlagsAndThePlanShowsEachPersonsWholePath() throws Exception {
    // given an active CEO besides the imported people (whose activity is unknown)
    Path active = home.resolve("active.csv");
    Files.writeString(
        active,
        """
        First Name,Last Name,Title,Company,LinkedIn URL,Activity
        Mei,Chen,CEO,Orbe,https://www.linkedin.com/in/mei-chen,HIGH
        """);
    assertThat(CliRun.in(home, "import", active.toString()).exitCode).isZero();

    // when one campaign is plain and one time-sensitive and account-based
    CliRun plain = CliRun.in(home, "campaigns", "create", "plain", "--accounts", "sdr-1");
    CliRun urgent =
        CliRun.in(
            home,
            "campaigns",
            "create",
            "urgent",
            "--accounts",
            "sdr-1",
            "--time-sensitive",
            "--account-based",
            "--comments",
            "automatic");
    CliRun badComments =
        CliRun.in(
            home, "campaigns", "create", "bad", "--accounts", "sdr-1", "--comments", "sometimes");

    // then
    assertThat(plain.exitCode).as(plain.toString()).isZero();
    assertThat(urgent.exitCode).as(urgent.toString()).isZero();
    assertThat(badComments.exitCode).isEqualTo(1);
    assertThat(badComments.err).contains("--comments 'sometimes'").contains("approve or automatic");
    assertThat(path("plain", "mei-chen"))
        .as("an active CEO gets a free request, and an InMail if it stays pending")
        .isEqualTo(
            "warm-up (2 rounds) → request with note → DM; InMail after 7 days pending (high"
                + " value)");
    assertThat(path("urgent", "mei-chen"))
        .as("a time-sensitive, account-based campaign sends the CEO an InMail")
        .isEqualTo("warm-up (2 rounds) → InMail");
    assertThat(path("plain", "olivia-bennett"))
        .as("a VP whose activity is unknown gets an InMail")
        .isEqualTo("warm-up (2 rounds) → InMail");
    assertThat(path("plain", "siobhan-kelly"))
        .as("not high-value: email when the request stays pending")
        .isEqualTo("warm-up (2 rounds) → request with note → DM; email after 7 days pending");
    assertThat(CliRun.in(home, "plan", "--campaign", "plain").out).contains("EXPECTED PATH");
  }

  @Test
  void followUpsGoOnDaysOffUnlessTheCampaignIsCreatedWithNoFollowUpsOnDaysOff() {
    // when
    CliRun usual = CliRun.in(home, "campaigns", "create", "usual", "--accounts", "sdr-1");
    CliRun weekdays =
        CliRun.in(
            home,
            "campaigns",
            "create",
            "weekdays",
            "--accounts",
            "sdr-1",
            "--no-follow-ups-on-days-off");

    // then
    assertThat(usual.exitCode).as(usual.toString()).isZero();
    assertThat(weekdays.exitCode).as(weekdays.toString()).isZero();
    try (Warmreach app = Warmreach.builder().home(home).build()) {
      assertThat(followUpsOnDaysOff(app, "usual")).isTrue();
      assertThat(followUpsOnDaysOff(app, "weekdays")).isFalse();
    }
  }

  private static boolean followUpsOnDaysOff(Warmreach app, String campaign) {
    String definition = app.campaigns().campaign(campaign).orElseThrow().definition();
    return dev.warmreach.definition.CampaignFile.fromJson(definition)
        .settings()
        .followUpsOnDaysOff();
  }

  private String path(String campaign, String who) throws Exception {
    CliRun plan =
        CliRun.in(
            home,
            "--json",
            "plan",
            "--campaign",
            campaign,
            "--prospect",
            "https://www.linkedin.com/in/" + who);
    assertThat(plan.exitCode).as(plan.toString()).isZero();
    return JSON.readTree(plan.out).get(0).get("path").asText();
  }

  @Test
  void anAuthorSignsTheCampaignAndThePlanShowsTheExactNextMessage() {
    CliRun create =
        CliRun.in(
            home,
            "campaigns",
            "create",
            "q1",
            "--accounts",
            "sdr-1",
            "--policy",
            "inmail-first",
            "--author",
            "Sam Carter, Head of Sales, Brightline");
    CliRun plan =
        CliRun.in(
            home,
            "plan",
            "--campaign",
            "q1",
            "--prospect",
            "https://www.linkedin.com/in/olivia-bennett");

    assertThat(create.exitCode).as(create.toString()).isZero();
    assertThat(plan.exitCode).as(plan.toString()).isZero();
    assertThat(plan.out)
        .contains("Next message (")
        .contains("Hi Olivia,")
        .contains("I work at Brightline, and we help revenue teams like the one at Brightloop")
        .doesNotContain("connection request");
  }

  @Test
  void aCampaignRunsThePolicyItsFileNamesUnlessPolicyReplacesIt() throws Exception {
    Path file = definition("policy: adaptive\nsequence: combined\n");

    CliRun fromFile =
        CliRun.in(
            home, "campaigns", "create", "q1", "--accounts", "sdr-1", "--definition", "" + file);
    CliRun replaced =
        CliRun.in(
            home,
            "campaigns",
            "create",
            "q2",
            "--accounts",
            "sdr-1",
            "--definition",
            file.toString(),
            "--policy",
            "inmail-first");
    CliRun list = CliRun.in(home, "--json", "campaigns", "list");

    assertThat(fromFile.exitCode).as(fromFile.toString()).isZero();
    assertThat(fromFile.out).contains("Created campaign q1 (adaptive policy)");
    assertThat(replaced.exitCode).as(replaced.toString()).isZero();
    java.util.Map<String, String> policies = new java.util.TreeMap<>();
    JSON.readTree(list.out)
        .forEach(c -> policies.put(c.get("name").asText(), c.get("policy").asText()));
    assertThat(policies)
        .containsExactly(Map.entry("q1", "adaptive"), Map.entry("q2", "inmail-first"));
  }

  @Test
  void aFileNamingTheOracleIsRefusedAsTheCommandLineRefusesItAndNothingIsStored() throws Exception {
    Path file = definition("policy: oracle\nsequence: combined\n");

    CliRun fromFile =
        CliRun.in(
            home, "campaigns", "create", "q1", "--accounts", "sdr-1", "--definition", "" + file);
    CliRun fromFlag =
        CliRun.in(home, "campaigns", "create", "q1", "--accounts", "sdr-1", "--policy", "oracle");
    CliRun list = CliRun.in(home, "--json", "campaigns", "list");

    assertThat(fromFile.exitCode).as(fromFile.toString()).isEqualTo(1);
    assertThat(fromFlag.exitCode).as(fromFlag.toString()).isEqualTo(1);
    String refusal = "policy 'oracle' reads a forecast scenario's truth, so it is forecast-only";
    assertThat(fromFlag.err).contains(refusal);
    assertThat(fromFile.err).contains(file + ": policy: " + refusal);
    assertThat(JSON.readTree(list.out).toString()).doesNotContain("q1");
  }

  @Test
  void anAuthorThatIsNotNameRoleCompanyIsRefusedAsAUserError() {
    CliRun create =
        CliRun.in(
            home, "campaigns", "create", "q1", "--accounts", "sdr-1", "--author", "A, B, C, D");

    assertThat(create.exitCode).isEqualTo(WarmreachCli.USER_ERROR);
    assertThat(create.err).contains("author 'A, B, C, D'").contains("Name, Role, Company");
    assertThat(CliRun.in(home, "campaigns", "list").out).doesNotContain("q1");
  }
}
