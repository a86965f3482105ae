package dev.warmreach.sequence;

import static dev.warmreach.testing.AProspect.aProspect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.definition.CampaignFile;
import dev.warmreach.domain.Enrollment;
import dev.warmreach.domain.Plan;
import dev.warmreach.domain.ProspectHistory;
import dev.warmreach.domain.ProspectHistory.Connection;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.domain.WorkingHours;
import dev.warmreach.quota.AccountLimits;
import dev.warmreach.quota.AccountState;
import dev.warmreach.testing.Engines;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * SPEC §3: the first DM after an acceptance goes 24 to 48 hours after it. The thank step's due time
 * is planned into the account's working hours inside that window, not put off past it.
 */
class FollowUpTimingTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

  private final SequenceEngine engine = Engines.engine(CampaignFile.defaults(), "playbook");

  private final SenderAccount sender =
      new SenderAccount("sdr-1", Plan.SALES_NAVIGATOR, 200, 50, BERLIN, WorkingHours.OFFICE);

  @Test
  void aFollowUpIsDueInsideWorkingHoursWithin24To48HoursWheneverTheWindowHasWorkingTime() {
    long seed = System.nanoTime();
    System.out.println("FollowUpTimingTest seed: " + seed);
    Random random = new Random(seed);
    int windowsWithWorkingTime = 0;
    for (int run = 0; run < 300; run++) {
      // given a prospect who accepted at a random moment of the week
      Instant acceptedAt = START.plus(Duration.ofMinutes(random.nextInt(7 * 24 * 60)));
      long id = 1 + random.nextInt(1_000_000);
      ProspectHistory connected =
          ProspectHistory.start(dev.warmreach.domain.ConnectionDegree.SECOND)
              .touched(dev.warmreach.domain.Channel.CONNECT, acceptedAt.minus(Duration.ofDays(1)))
              .withConnection(Connection.ACCEPTED);
      ProspectState prospect =
          new ProspectState(id, aProspect().titled("Sales Manager").build(), false, connected);
      Enrollment waiting =
          Enrollment.start(
              id, 1, id, "sdr-1", "await-answer", acceptedAt.minus(Duration.ofDays(1)));
      AccountState account =
          AccountState.open(sender, AccountLimits.defaultsFor(sender), START.minusSeconds(86400));

      // when the acceptance wakes the enrollment
      Advance woken = engine.advance(waiting, prospect, account, acceptedAt);

      // then the thank-you is due in the window, inside working hours, when the window has any
      assertThat(woken.enrollment().step()).as("seed %d", seed).isEqualTo("thank");
      Instant due = woken.enrollment().nextDueAt();
      boolean windowWorks =
          WorkingHours.OFFICE
              .pointWithin(
                  acceptedAt.plus(Duration.ofHours(24)),
                  acceptedAt.plus(Duration.ofHours(48)),
                  BERLIN,
                  0)
              .isPresent();
      if (windowWorks) {
        windowsWithWorkingTime++;
        assertThat(Duration.between(acceptedAt, due))
            .as("seed %d, accepted %s", seed, acceptedAt)
            .isBetween(Duration.ofHours(24), Duration.ofHours(48));
        assertThat(WorkingHours.OFFICE.contains(due, BERLIN))
            .as("seed %d, due %s", seed, due)
            .isTrue();
        Advance thanked = engine.advance(woken.enrollment(), prospect, woken.account(), due);
        assertThat(thanked.commands())
            .as("seed %d", seed)
            .anySatisfy(c -> assertThat(c).isInstanceOf(Command.Send.class));
      }
    }
    assertThat(windowsWithWorkingTime).isGreaterThan(200);
  }
}
