package dev.warmreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warmreach.Warmreach;
import dev.warmreach.definition.CampaignFile;
import dev.warmreach.domain.Campaign;
import dev.warmreach.domain.Touch;
import dev.warmreach.execute.assisted.AssistedExecutor;
import dev.warmreach.live.LiveEngine;
import dev.warmreach.store.StoredCampaign;
import dev.warmreach.testing.Engines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The task inbox of assisted mode: due touches wait with their text until a person acts. */
class TasksCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;

  @BeforeEach
  void aLaunchedCampaignWithDueTasks() throws Exception {
    Path csv = home.resolve("leads.csv");
    Files.writeString(
        csv,
        """
        First Name,Last Name,Title,Company,LinkedIn URL,Email
        Olivia,Bennett,VP Revenue Operations,Brightloop Analytics,https://www.linkedin.com/in/olivia-bennett,olivia@brightloop.io
        Siobhán,Kelly,Account Executive,Kestrel Security,https://www.linkedin.com/in/siobhan-kelly,siobhan@kestrel.io
        Lukas,Brandt,Engineering Manager,Helix Cloud,https://www.linkedin.com/in/lukas-brandt,
        """);
    assertThat(CliRun.in(home, "import", csv.toString()).exitCode).isZero();
    // Working all day, every day, so tasks fall due whenever the test runs.
    assertThat(
            CliRun.in(
                    home,
                    "accounts",
                    "add",
                    "sdr-1",
                    "--plan",
                    "sales_navigator",
                    "--hours",
                    "Mon-Sun 00:00-23:59")
                .exitCode)
        .isZero();
    // Launched six hours ago, so the paced warm-ups have all fallen due by now.
    try (Warmreach app = Warmreach.builder().home(home).build()) {
      Instant now = app.clock().instant();
      Instant start = now.minus(Duration.ofHours(6));
      StoredCampaign campaign =
          CampaignsCommand.create(
              app, start, "q1", List.of("sdr-1"), "playbook", CampaignFile.defaultJson(), null);
      LiveEngine.prepareAccounts(app.accounts(), campaign.campaign(), start);
      app.campaigns().setCampaignStatus(campaign.campaign().id(), Campaign.Status.ACTIVE);
      Engines.live(app.store(), new AssistedExecutor()).runUntil(now);
    }
  }

  @Test
  void todayListsEachTaskWithTheProspectAndWhatToDo() throws Exception {
    CliRun table = CliRun.in(home, "tasks", "today");
    JsonNode json = JSON.readTree(CliRun.in(home, "--json", "tasks", "today").out);

    assertThat(table.exitCode).as(table.toString()).isZero();
    assertThat(table.out)
        .contains("warm-up: like their most recent post")
        .contains("https://www.linkedin.com/in/olivia-bennett")
        .contains("Left today: sdr-1 3");
    assertThat(json.get("tasks")).hasSize(3);
    assertThat(json.get("tasks").findValuesAsText("channel")).containsOnly("ENGAGE");
    assertThat(json.get("leftToday").get("sdr-1").asInt()).isEqualTo(3);
  }

  @Test
  void prospectsShowTellsTheirCampaignAndTimelineOldestFirst() throws Exception {
    long olivia = -1;
    for (JsonNode t : JSON.readTree(CliRun.in(home, "--json", "tasks", "today").out).get("tasks")) {
      if (t.toString().contains("olivia-bennett")) {
        olivia = t.get("id").asLong();
      }
    }
    assertThat(CliRun.in(home, "tasks", "done", Long.toString(olivia)).exitCode).isZero();

    CliRun table =
        CliRun.in(home, "prospects", "show", "https://www.linkedin.com/in/olivia-bennett");
    JsonNode json =
        JSON.readTree(
            CliRun.in(
                    home,
                    "--json",
                    "prospects",
                    "show",
                    "https://www.linkedin.com/in/olivia-bennett")
                .out);

    assertThat(table.exitCode).as(table.toString()).isZero();
    assertThat(table.out)
        .contains("Campaigns")
        .contains("Timeline, oldest first")
        .contains("Decision: At step")
        .contains("Touch: Warm-up (engage with a post)")
        .contains("q1");
    assertThat(table.out.indexOf("Decision: At step"))
        .isLessThan(table.out.indexOf("Touch: Warm-up"));
    assertThat(json.get("name").asText()).isEqualTo("Olivia Bennett");
    assertThat(json.get("campaigns").get(0).get("campaign").asText()).isEqualTo("q1");
    assertThat(json.get("timeline").findValuesAsText("kind")).contains("Decision", "Touch");
    assertThat(json.get("timeline").findValuesAsText("title"))
        .contains("Warm-up (engage with a post) · sent");
  }

  @Test
  void doneSkipAndFailMarkTasksOnceAndLeaveTheRestAsTheyWere() throws Exception {
    List<Long> ids = new ArrayList<>();
    JSON.readTree(CliRun.in(home, "--json", "tasks", "today").out)
        .get("tasks")
        .forEach(t -> ids.add(t.get("id").asLong()));

    CliRun done = CliRun.in(home, "tasks", "done", String.valueOf(ids.get(0)));
    CliRun again = CliRun.in(home, "tasks", "done", String.valueOf(ids.get(0)));
    CliRun typo =
        CliRun.in(home, "tasks", "skip", String.valueOf(ids.get(1)), "999999", "--reason", "x");
    CliRun skip =
        CliRun.in(
            home, "tasks", "skip", String.valueOf(ids.get(1)), "--reason", "left the company");
    CliRun fail = CliRun.in(home, "tasks", "fail", String.valueOf(ids.get(2)));
    CliRun left = CliRun.in(home, "tasks", "today");

    assertThat(done.exitCode).as(done.toString()).isZero();
    assertThat(done.out).contains("Marked done: #" + ids.get(0));
    assertThat(again.exitCode).isEqualTo(1);
    assertThat(again.err).contains("task #" + ids.get(0) + " is done already");
    assertThat(typo.exitCode).isEqualTo(1);
    assertThat(typo.err).contains("no task #999999");
    assertThat(skip.exitCode).as(skip.toString()).isZero();
    assertThat(fail.exitCode).as(fail.toString()).isZero();
    assertThat(left.out).contains("Nothing to do today");
    try (Warmreach app = Warmreach.builder().home(home).build()) {
      assertThat(app.touches().touch(ids.get(0)).orElseThrow().status())
          .isEqualTo(Touch.Status.DONE);
      assertThat(app.touches().touch(ids.get(1)).orElseThrow().status())
          .isEqualTo(Touch.Status.SKIPPED);
      assertThat(app.touches().touch(ids.get(2)).orElseThrow().status())
          .isEqualTo(Touch.Status.FAILED);
    }
  }

  @Test
  void uncertainTouchesAreListedAndConfirmedSentOrNotSentOnce() throws Exception {
    List<Touch> planned = new ArrayList<>();
    try (Warmreach app = Warmreach.builder().home(home).build()) {
      planned.addAll(app.touches().plannedTouches(10));
      for (Touch t : planned.subList(0, 2)) {
        app.touches()
            .finishTouch(t.idempotencyKey(), Touch.Status.UNCERTAIN, app.clock().instant());
      }
    }
    long first = planned.get(0).id();
    long second = planned.get(1).id();
    long stillPlanned = planned.get(2).id();

    CliRun listed = CliRun.in(home, "tasks", "uncertain");
    CliRun sent = CliRun.in(home, "tasks", "confirm-sent", String.valueOf(first));
    CliRun mixed =
        CliRun.in(
            home,
            "tasks",
            "confirm-not-sent",
            String.valueOf(second),
            String.valueOf(stillPlanned));
    CliRun notSent = CliRun.in(home, "tasks", "confirm-not-sent", String.valueOf(second));
    CliRun again = CliRun.in(home, "tasks", "confirm-sent", String.valueOf(first));
    CliRun none = CliRun.in(home, "tasks", "uncertain");

    assertThat(listed.exitCode).as(listed.toString()).isZero();
    assertThat(listed.out).contains("#" + first).contains("#" + second).contains("confirm-sent");
    assertThat(sent.out).contains("Confirmed sent: #" + first);
    assertThat(mixed.exitCode).isEqualTo(1);
    assertThat(mixed.err).contains("touch #" + stillPlanned + " is planned, not uncertain");
    assertThat(notSent.out).contains("Confirmed not sent: #" + second);
    assertThat(again.exitCode).isEqualTo(1);
    assertThat(again.err).contains("touch #" + first + " is done, not uncertain");
    assertThat(none.out).contains("No uncertain touches");
    try (Warmreach app = Warmreach.builder().home(home).build()) {
      assertThat(app.touches().touch(first).orElseThrow().status()).isEqualTo(Touch.Status.DONE);
      assertThat(app.touches().touch(second).orElseThrow().status()).isEqualTo(Touch.Status.FAILED);
      assertThat(app.touches().touch(stillPlanned).orElseThrow().status())
          .isEqualTo(Touch.Status.PLANNED);
    }
  }
}
