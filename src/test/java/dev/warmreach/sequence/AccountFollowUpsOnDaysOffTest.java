package dev.warmreach.sequence;

import static dev.warmreach.testing.AProspect.aProspect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.definition.CampaignFile;
import dev.warmreach.domain.Channel;
import dev.warmreach.domain.ConnectionDegree;
import dev.warmreach.domain.Enrollment;
import dev.warmreach.domain.Plan;
import dev.warmreach.domain.ProspectFacts;
import dev.warmreach.domain.ProspectHistory;
import dev.warmreach.domain.ProspectHistory.Connection;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.quota.AccountLimits;
import dev.warmreach.quota.AccountState;
import dev.warmreach.testing.Engines;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/**
 * An account's own follow-ups-on-days-off setting wins over the campaign's; unset, the campaign
 * decides. The acceptance is on Thursday 5 March 2026 at 18:00 in Berlin, after a Mon–Fri
 * 09:00–17:30 account's day: its 24–48 h window (Friday 18:00 to Saturday 18:00) holds no working
 * time, so the thank-you DM is due on Saturday.
 */
class AccountFollowUpsOnDaysOffTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Instant ACCEPTED =
      ZonedDateTime.of(2026, 3, 5, 18, 0, 0, 0, BERLIN).toInstant();

  private final CampaignDefinition allowing = CampaignFile.defaults();
  private final CampaignDefinition keptToWorkingDays =
      CampaignFile.fromJson(
          "{\"sequence\": \"combined\", \"settings\": {\"followUpsOnDaysOff\": false}}");

  private static SenderAccount account(Boolean followUpsOnDaysOff) {
    return SenderAccount.withPlanDefaults("sdr-1", Plan.SALES_NAVIGATOR, BERLIN)
        .withFollowUpsOnDaysOff(followUpsOnDaysOff);
  }

  @Test
  void anAccountThatNeverWorksDaysOffHoldsTheSaturdayDmForMondaysWindowThoughTheCampaignAllows() {
    ZonedDateTime sent = dmSentAt(allowing, account(false));

    assertThat(sent.getDayOfWeek()).as("sent %s", sent).isEqualTo(DayOfWeek.MONDAY);
    assertThat(account(false).workingHours().contains(sent.toInstant(), BERLIN))
        .as("inside Monday's working hours: %s", sent)
        .isTrue();
  }

  @Test
  void anAccountThatAllowsDaysOffSendsOnSaturdayInItsUsualHoursThoughTheCampaignDoesNot() {
    ZonedDateTime sent = dmSentAt(keptToWorkingDays, account(true));

    assertThat(sent.getDayOfWeek()).as("sent %s", sent).isEqualTo(DayOfWeek.SATURDAY);
    assertThat(sent.toLocalTime())
        .isBetween(java.time.LocalTime.of(9, 0), java.time.LocalTime.of(17, 30));
    assertThat(Duration.between(ACCEPTED, sent.toInstant()))
        .isBetween(Duration.ofHours(24), Duration.ofHours(48));
  }

  @Test
  void anAccountWithoutASayLeavesItToTheCampaign() {
    assertThat(dmSentAt(allowing, account(null)).getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
    assertThat(dmSentAt(keptToWorkingDays, account(null)).getDayOfWeek())
        .isEqualTo(DayOfWeek.MONDAY);
  }

  /** Drives a prospect who accepted at {@link #ACCEPTED} to the thank-you DM; when it goes. */
  private static ZonedDateTime dmSentAt(CampaignDefinition campaign, SenderAccount sender) {
    SequenceEngine engine = Engines.engine(campaign, "playbook");
    Instant requested = ACCEPTED.minus(Duration.ofDays(1));
    ProspectState prospect =
        new ProspectState(
                7,
                aProspect().titled("Sales Manager").build(),
                false,
                ProspectHistory.start(ConnectionDegree.SECOND)
                    .touched(Channel.CONNECT, requested)
                    .withConnection(Connection.ACCEPTED))
            .with(ProspectFacts.NONE.withRequestSent(requested));
    Enrollment enrollment = Enrollment.start(7, 1, 7, sender.name(), "await-answer", requested);
    AccountState account =
        AccountState.open(
            sender, AccountLimits.defaultsFor(sender), requested.minus(Duration.ofDays(1)));
    Instant now = ACCEPTED;
    for (int pass = 0; pass < 20; pass++) {
      Advance step = engine.advance(enrollment, prospect, account, now);
      for (Command command : step.commands()) {
        if (command instanceof Command.Send send && send.channel() == Channel.DM) {
          return now.atZone(BERLIN);
        }
      }
      enrollment = step.enrollment();
      prospect = prospect.with(step.history());
      account = step.account();
      now = enrollment.nextDueAt().isAfter(now) ? enrollment.nextDueAt() : now;
    }
    throw new AssertionError("no follow-up DM for " + sender);
  }
}
