package dev.warmreach.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.definition.CampaignFile;
import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Plan;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.domain.Touch;
import dev.warmreach.domain.WorkingHours;
import dev.warmreach.sequence.CampaignDefinition;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The audit of what was carried out accepts one exception to working hours, and only that one: a
 * follow-up DM on a day off, in the account's usual hours, inside a 24–48 h window that held no
 * working time, in a campaign that allows it.
 */
class LimitAuditTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private final SenderAccount sender =
      new SenderAccount("sdr-1", Plan.SALES_NAVIGATOR, 200, 50, BERLIN, WorkingHours.OFFICE);

  // Thursday 2026-03-05 19:00 in Berlin: the window (Friday 19:00 to Saturday 19:00) holds no
  // working time of a Mon-Fri 09:00-17:30 account.
  private static final Instant THURSDAY_EVENING = Instant.parse("2026-03-05T18:00:00Z");

  // Tuesday 2026-03-03 10:00 in Berlin: its window (Wednesday to Thursday) is all working days.
  private static final Instant TUESDAY_MORNING = Instant.parse("2026-03-03T09:00:00Z");

  private static final Instant SATURDAY_ELEVEN = Instant.parse("2026-03-07T10:00:00Z");
  private static final Instant SATURDAY_NIGHT = Instant.parse("2026-03-07T21:00:00Z");

  private final CampaignDefinition allowing = CampaignFile.defaults();
  private final CampaignDefinition keepingToWorkingDays =
      CampaignFile.fromJson(
          "{\"sequence\": \"combined\", \"settings\": {\"followUpsOnDaysOff\": false}}");

  @Test
  void acceptsAFollowUpDmOnADayOffInTheUsualHoursWhenItsWindowHeldNoWorkingTime() {
    long broken = workingHoursBroken(allowing, THURSDAY_EVENING, touch("thank", Channel.DM));

    assertThat(broken).isZero();
  }

  @Test
  void countsAFollowUpDmOnADayOffWhenTheCampaignKeepsFollowUpsToWorkingDays() {
    long broken =
        workingHoursBroken(keepingToWorkingDays, THURSDAY_EVENING, touch("thank", Channel.DM));

    assertThat(broken).isOne();
  }

  @Test
  void countsAFollowUpDmOnADayOffWhenItsWindowHeldWorkingTime() {
    long broken = workingHoursBroken(allowing, TUESDAY_MORNING, touch("thank", Channel.DM));

    assertThat(broken).isOne();
  }

  @Test
  void countsAFollowUpDmOnADayOffOutsideTheUsualHoursOfTheDay() {
    long broken =
        workingHoursBroken(allowing, THURSDAY_EVENING, touch("thank", Channel.DM, SATURDAY_NIGHT));

    assertThat(broken).isOne();
  }

  @Test
  void countsAnythingElseOnADayOff() {
    assertThat(workingHoursBroken(allowing, THURSDAY_EVENING, touch("connect", Channel.CONNECT)))
        .isOne();
    assertThat(workingHoursBroken(allowing, THURSDAY_EVENING, touch("email", Channel.EMAIL)))
        .isOne();
    assertThat(workingHoursBroken(allowing, null, touch("thank", Channel.DM))).isOne();
  }

  private long workingHoursBroken(CampaignDefinition campaign, Instant acceptedAt, Touch touch) {
    return LimitAudit.of(
            List.of(touch),
            Map.of("sdr-1", sender),
            Map.of(),
            Set.of(),
            t -> campaign.followUpWindow(t.step(), acceptedAt))
        .get("workingHours");
  }

  private static Touch touch(String step, Channel channel) {
    return touch(step, channel, SATURDAY_ELEVEN);
  }

  private static Touch touch(String step, Channel channel, Instant doneAt) {
    return new Touch(
        1,
        1,
        7,
        "sdr-1",
        step,
        channel,
        false,
        null,
        Touch.Status.DONE,
        doneAt,
        doneAt,
        "e1:" + step + ":0",
        "",
        null);
  }
}
