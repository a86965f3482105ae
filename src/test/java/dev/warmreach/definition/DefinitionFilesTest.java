package dev.warmreach.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Plan;
import dev.warmreach.domain.Seniority;
import dev.warmreach.domain.UserError;
import dev.warmreach.sequence.CampaignDefinition;
import dev.warmreach.sequence.Condition;
import dev.warmreach.sequence.SequenceDefinition;
import dev.warmreach.sequence.Step;
import dev.warmreach.simulation.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefinitionFilesTest {

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  @Test
  void aScenarioFieldNobodyReadsIsAnErrorNamingItAndTheNearestKnownOneAtAnyLevel()
      throws IOException {
    String valid =
        "seed: 7\nweeks: 4\naccounts:\n  - {id: sdr-1, plan: SALES_NAVIGATOR, timezone: UTC}\n"
            + "segments:\n  - name: vp\n    count: 10\n    prospect: {title: VP Sales}\n"
            + "    truth: {acceptNote: 0.3, signalsPerMonth: 0.5}\n";
    assertThat(ScenarioFile.read(write("valid.yaml", valid)).segments()).hasSize(1);

    assertThatThrownBy(
            () ->
                ScenarioFile.read(
                    write("truth.yaml", valid.replace("signalsPerMonth", "signalsPerMnth"))))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("segments[0].truth.signalsPerMnth")
        .hasMessageContaining("did you mean 'signalsPerMonth'?");
    assertThatThrownBy(
            () -> ScenarioFile.read(write("root.yaml", valid.replace("weeks:", "weks:"))))
        .hasMessageContaining("weks")
        .hasMessageContaining("did you mean 'weeks'?");
    assertThatThrownBy(
            () -> ScenarioFile.read(write("account.yaml", valid.replace("timezone:", "timeZone:"))))
        .hasMessageContaining("accounts[0].timeZone")
        .hasMessageContaining("did you mean 'timezone'?");
    assertThatThrownBy(
            () -> ScenarioFile.read(write("shape.yaml", valid.replace("{title:", "{titel:"))))
        .hasMessageContaining("segments[0].prospect.titel")
        .hasMessageContaining("did you mean 'title'?");
    assertThatThrownBy(
            () ->
                ScenarioFile.read(
                    write("other.yaml", valid.replace("count: 10", "count: 10\n    colour: red"))))
        .hasMessageContaining("segments[0].colour: is not a field here")
        .hasMessageNotContaining("did you mean")
        .hasMessageContaining("name, count, prospect, truth");
  }

  @Test
  void readsACampaignWithItsOwnSequenceInYaml() throws IOException {
    Path file =
        write(
            "campaign.yaml",
            """
            sequence:
              name: short
              steps:
                - {id: connect, type: connect, template: note}
                - id: await
                  type: wait
                  for: [accepted, declined]
                  timeout: 7d
                  on: {accepted: thank, timeout: done}
                - {id: thank, type: message, template: thanks, delay: 24h..48h, when: accepted}
                - {id: vip, type: inmail, when: {all: [highValue, {not: accepted}, {seniority: [VP, C_SUITE]}]}}
                - {id: done, type: end}
            templates:
              note: "Hi {{firstName}}, saw your post on pricing."
              thanks: {body: "Thanks for connecting, {{firstName}}!"}
            settings: {timeSensitive: true, highValue: [VP]}
            """);

    CampaignDefinition campaign = CampaignFile.read(file);

    SequenceDefinition s = campaign.sequence();
    assertThat(s.name()).isEqualTo("short");
    assertThat(s.steps())
        .extracting(Step::id)
        .containsExactly("connect", "await", "thank", "vip", "done");
    Step.Wait await = (Step.Wait) s.step("await");
    assertThat(await.timeout()).isEqualTo(Duration.ofDays(7));
    assertThat(await.on()).containsEntry(Step.Outcome.ACCEPTED, "thank");
    assertThat(await.onTimeout()).isEqualTo("done");
    Step.Action thank = (Step.Action) s.step("thank");
    assertThat(thank.channel()).isEqualTo(Channel.DM);
    assertThat(thank.delayMin()).isEqualTo(Duration.ofHours(24));
    assertThat(thank.delayMax()).isEqualTo(Duration.ofHours(48));
    assertThat(s.step("vip").when()).isInstanceOf(Condition.All.class);
    assertThat(campaign.templates()).containsKey("thanks").containsKey("inmail");
    assertThat(campaign.settings().timeSensitive()).isTrue();
    assertThat(campaign.settings().highValue()).containsExactly(Seniority.VP);
  }

  @Test
  void anErrorNamesTheStepAndTheField() throws IOException {
    Path file =
        write(
            "bad.json",
            """
            {"sequence": {"steps": [
              {"id": "connect", "type": "connect"},
              {"id": "await", "type": "wait", "for": ["accepted"], "timeout": "7 days"}
            ]}}
            """);

    assertThatThrownBy(() -> CampaignFile.read(file))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("bad.json")
        .hasMessageContaining("step 'await'")
        .hasMessageContaining("timeout")
        .hasMessageContaining("'7 days' is not a duration; use e.g. 7d, 24h or 30m");
  }

  @Test
  void refusesAStepThatLeadsNowhereAnUnknownTypeAndAnUnknownCondition() throws IOException {
    Path nowhere =
        write(
            "nowhere.json",
            "{\"sequence\": {\"steps\": [{\"id\": \"a\", \"type\": \"connect\", \"next\": \"b\"}]}}");
    Path type =
        write("type.json", "{\"sequence\": {\"steps\": [{\"id\": \"a\", \"type\": \"fax\"}]}}");
    Path condition =
        write(
            "condition.json",
            "{\"sequence\": {\"steps\": [{\"id\": \"a\", \"type\": \"email\", \"when\": \"rich\"}]}}");

    assertThatThrownBy(() -> CampaignFile.read(nowhere))
        .hasMessageContaining("step 'a'.next: leads to 'b', which is not a step");
    assertThatThrownBy(() -> CampaignFile.read(type))
        .hasMessageContaining("type: 'fax' is not a step type");
    assertThatThrownBy(() -> CampaignFile.read(condition))
        .hasMessageContaining("when: 'rich' is not a condition");
  }

  @Test
  void refusesATemplateTheSequenceUsesButNobodyDefined() throws IOException {
    Path file =
        write(
            "missing.json",
            "{\"sequence\": {\"steps\": [{\"id\": \"a\", \"type\": \"message\", \"template\": \"hello\"}]}}");

    assertThatThrownBy(() -> CampaignFile.read(file))
        .hasMessageContaining(
            "templates: the sequence uses template 'hello', which is not defined");
  }

  @Test
  void readsTheExampleScenarioWithDefaultsForWhatItLeavesOut() {
    Scenario scenario = ScenarioFile.read(Path.of("examples/default.json"));

    assertThat(scenario.seed()).isEqualTo(7);
    assertThat(scenario.accounts()).hasSize(3);
    assertThat(scenario.accounts().get(0).account().plan()).isEqualTo(Plan.SALES_NAVIGATOR);
    assertThat(scenario.accounts().get(0).account().weeklyInvitationCap()).isEqualTo(200);
    assertThat(scenario.prospects()).isEqualTo(2400);
    assertThat(scenario.campaign().sequence().name()).isEqualTo("combined");
    assertThat(scenario.segments().get(0).truth())
        .isEqualTo(dev.warmreach.simulation.Truth.DEFAULT);
  }

  @Test
  void aBadScenarioSaysWhichFieldAndHowToFixIt() throws IOException {
    Path plan =
        write(
            "plan.json",
            "{\"accounts\": [{\"id\": \"a\", \"plan\": \"GOLD\"}], \"segments\": [{\"name\": \"s\", \"count\": 1}]}");
    Path truth =
        write(
            "truth.json",
            "{\"accounts\": [{\"id\": \"a\", \"plan\": \"PREMIUM\"}], \"segments\": [{\"name\": \"s\","
                + " \"count\": 5, \"truth\": {\"acceptNote\": 1.5}}]}");
    Path notJson = write("broken.json", "{\"accounts\": [");

    assertThatThrownBy(() -> ScenarioFile.read(plan))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("accounts[0].plan: 'GOLD' is not one of FREE, PREMIUM");
    assertThatThrownBy(() -> ScenarioFile.read(truth))
        .hasMessageContaining("segments[0].truth")
        .hasMessageContaining("acceptNote must be a probability from 0 to 1, not 1.5");
    assertThatThrownBy(() -> ScenarioFile.read(notJson))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("is not valid JSON (line");
  }

  @Test
  void allExampleScenariosAndCampaignsRead() throws IOException {
    try (var files = Files.list(Path.of("examples"))) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (name.startsWith("campaign-")) {
          assertThat(CampaignFile.read(file).sequence().steps()).as(name).isNotEmpty();
        } else if (name.endsWith(".json") || name.endsWith(".yaml")) {
          assertThat(ScenarioFile.read(file).prospects()).as(name).isPositive();
        }
      }
    }
  }
}
