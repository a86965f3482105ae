package dev.warmreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warmreach.Warmreach;
import dev.warmreach.definition.CampaignFile;
import dev.warmreach.domain.Campaign;
import dev.warmreach.domain.Event;
import dev.warmreach.domain.PostLink;
import dev.warmreach.domain.ProfileUrl;
import dev.warmreach.execute.assisted.AssistedExecutor;
import dev.warmreach.live.LiveEngine;
import dev.warmreach.store.StoredCampaign;
import dev.warmreach.testing.Engines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A post named by its id and address, from the event to what a person reads: the signals feed links
 * it, and the warm-up task names it and links to it.
 */
class PostLinksCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String POST_ID = "urn:li:activity:7290000000000000000";
  private static final String POST_URL =
      "https://www.linkedin.com/feed/update/urn:li:activity:7290000000000000000/";
  private static final String TOPIC = "why we moved our SDR team to Berlin";

  @TempDir Path home;

  @BeforeEach
  void oliviaPostedAndACampaignWarmsHerUp() throws Exception {
    Path csv = home.resolve("leads.csv");
    Files.writeString(
        csv,
        """
        First Name,Last Name,Title,Company,LinkedIn URL
        Olivia,Bennett,Head of Sales,Brightloop,https://www.linkedin.com/in/olivia-bennett
        Lukas,Brandt,Engineering Manager,Helix Cloud,https://www.linkedin.com/in/lukas-brandt
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
                    "--hours",
                    "Mon-Sun 00:00-23:59")
                .exitCode)
        .isZero();
    try (Warmreach app = Warmreach.builder().home(home).build()) {
      Instant now = app.clock().instant();
      Instant start = now.minus(Duration.ofHours(6));
      long olivia =
          app.prospects()
              .prospectByUrl(ProfileUrl.of("linkedin.com/in/olivia-bennett"))
              .orElseThrow()
              .id();
      assertThat(
              app.signalIntake()
                  .takePost(
                      new Event.PostPublished(
                          olivia,
                          start.minus(Duration.ofHours(1)),
                          "post-7290",
                          TOPIC,
                          new PostLink(POST_ID, POST_URL))))
          .isTrue();
      StoredCampaign campaign =
          CampaignsCommand.create(
              app, start, "q1", List.of("sdr-1"), "playbook", CampaignFile.defaultJson(), null);
      LiveEngine.prepareAccounts(app.accounts(), campaign.campaign(), start);
      app.campaigns().setCampaignStatus(campaign.campaign().id(), Campaign.Status.ACTIVE);
      Engines.live(app.store(), new AssistedExecutor()).runUntil(now);
    }
  }

  @Test
  void theSignalsFeedShowsThePostAndItsLink() throws Exception {
    CliRun table = CliRun.in(home, "signals", "list");
    JsonNode json = JSON.readTree(CliRun.in(home, "--json", "signals", "list").out);

    assertThat(table.exitCode).as(table.toString()).isZero();
    assertThat(table.out).contains("Post published: " + TOPIC).contains(POST_URL);
    assertThat(json).hasSize(1);
    assertThat(json.get(0).get("detail").asText()).isEqualTo(TOPIC);
    assertThat(json.get(0).get("post").get("socialId").asText()).isEqualTo(POST_ID);
    assertThat(json.get(0).get("post").get("url").asText()).isEqualTo(POST_URL);
  }

  @Test
  void theWarmUpTaskNamesThePostAndLinksToItAndTheOthersSayTheirMostRecent() throws Exception {
    CliRun table = CliRun.in(home, "tasks", "today");
    JsonNode tasks = JSON.readTree(CliRun.in(home, "--json", "tasks", "today").out).get("tasks");

    assertThat(table.exitCode).as(table.toString()).isZero();
    assertThat(table.out)
        .contains("warm-up: like their post on \u201c" + TOPIC + "\u201d (" + POST_URL + ")")
        .contains("warm-up: like their most recent post");
    assertThat(tasks).hasSize(2);
    JsonNode olivia =
        tasks.get(0).get("name").asText().startsWith("Olivia") ? tasks.get(0) : tasks.get(1);
    JsonNode lukas = olivia == tasks.get(0) ? tasks.get(1) : tasks.get(0);
    assertThat(olivia.get("postUrl").asText()).isEqualTo(POST_URL);
    assertThat(olivia.get("subject").asText()).isEqualTo(TOPIC);
    assertThat(lukas.get("postUrl").isNull()).isTrue();
  }
}
