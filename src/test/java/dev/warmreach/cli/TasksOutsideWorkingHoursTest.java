package dev.warmreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warmreach.Warmreach;
import dev.warmreach.definition.CampaignFile;
import dev.warmreach.domain.Campaign;
import dev.warmreach.execute.assisted.AssistedExecutor;
import dev.warmreach.live.LiveEngine;
import dev.warmreach.store.StoredCampaign;
import dev.warmreach.testing.Engines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outside its accounts' working hours the task inbox is empty, and says when the next tasks will
 * appear, in the account's own time zone.
 */
class TasksOutsideWorkingHoursTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  @TempDir Path home;

  @Test
  void anEmptyInboxOutsideWorkingHoursSaysWhenTheNextTasksAppearInTheAccountsZone()
      throws Exception {
    Path csv = home.resolve("leads.csv");
    Files.writeString(
        csv,
        """
        First Name,Last Name,Title,Company,LinkedIn URL,Email
        Olivia,Bennett,VP Revenue Operations,Brightloop Analytics,https://www.linkedin.com/in/olivia-bennett,olivia@brightloop.io
        Lukas,Brandt,Engineering Manager,Helix Cloud,https://www.linkedin.com/in/lukas-brandt,
        """);
    assertThat(CliRun.in(home, "import", csv.toString()).exitCode).isZero();
    // The account works only tomorrow (in Tokyo), so today is outside its working hours.
    LocalDate tomorrow = LocalDate.now(TOKYO).plusDays(1);
    String day =
        tomorrow.getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH);
    CliRun added =
        CliRun.in(
            home,
            "accounts",
            "add",
            "sdr-1",
            "--plan",
            "sales_navigator",
            "--timezone",
            "Asia/Tokyo",
            "--hours",
            day + " 09:00-17:00");
    assertThat(added.exitCode).as(added.toString()).isZero();
    try (Warmreach app = Warmreach.builder().home(home).build()) {
      Instant now = app.clock().instant();
      StoredCampaign campaign =
          CampaignsCommand.create(
              app, now, "q1", List.of("sdr-1"), "playbook", CampaignFile.defaultJson(), null);
      LiveEngine.prepareAccounts(app.accounts(), campaign.campaign(), now);
      app.campaigns().setCampaignStatus(campaign.campaign().id(), Campaign.Status.ACTIVE);
      Engines.live(app.store(), new AssistedExecutor()).runUntil(now);
    }

    CliRun table = CliRun.in(home, "tasks", "today");
    JsonNode json = JSON.readTree(CliRun.in(home, "--json", "tasks", "today").out);

    assertThat(table.exitCode).as(table.toString()).isZero();
    assertThat(table.out)
        .contains(
            "Nothing to do today. It is outside sdr-1's working hours ("
                + day
                + " 09:00-17:00, Asia/Tokyo); the next tasks appear from "
                + DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH).format(tomorrow)
                + " at 09:00 (Asia/Tokyo).");
    assertThat(json.get("tasks")).isEmpty();
    JsonNode next = json.get("next");
    assertThat(next.get("account").asText()).isEqualTo("sdr-1");
    assertThat(next.get("timeZone").asText()).isEqualTo("Asia/Tokyo");
    assertThat(next.get("outsideWorkingHours").asBoolean()).isTrue();
    OffsetDateTime local = OffsetDateTime.parse(next.get("local").asText());
    assertThat(local.getOffset().getTotalSeconds()).isEqualTo(9 * 3600);
    assertThat(local.toLocalDate()).isEqualTo(tomorrow);
    assertThat(local.toLocalTime()).isEqualTo(LocalTime.of(9, 0));
  }
}
