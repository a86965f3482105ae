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
import dev.warmreach.domain.WorkingHours;
import dev.warmreach.quota.AccountLimits;
import dev.warmreach.quota.AccountState;
import dev.warmreach.quota.FollowUpWindow;
import dev.warmreach.testing.Engines;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * SPEC §3, whatever the account's working hours: the follow-up DM after an acceptance goes 24 to 48
 * hours after it. Inside working hours when the window holds any; on the day off, in the usual
 * hours of the day, when it holds none; and, with follow-ups on days off turned off, never on a day
 * off.
 */
class FollowUpsOnDaysOffPropertiesTest {

  private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
  private static final List<ZoneId> ZONES =
      List.of(
          ZoneId.of("Europe/Berlin"),
          ZoneId.of("America/New_York"),
          ZoneId.of("Asia/Tokyo"),
          ZoneId.of("Asia/Dubai"),
          ZoneId.of("UTC"));

  private final CampaignDefinition allowed = CampaignFile.defaults();
  private final CampaignDefinition keptToWorkingDays =
      CampaignFile.fromJson(
          "{\"sequence\": \"combined\", \"settings\": {\"followUpsOnDaysOff\": false}}");

  @Test
  void everyFollowUpDmLandsWithin24To48HoursOfTheAcceptanceWhateverTheWorkingHours() {
    long seed = System.nanoTime();
    System.out.println("FollowUpsOnDaysOffPropertiesTest seed: " + seed);
    Random random = new Random(seed);
    SequenceEngine engine = Engines.engine(allowed, "playbook");
    int onDaysOff = 0;
    for (int run = 0; run < 400; run++) {
      SenderAccount sender = randomAccount(random);
      Instant acceptedAt = START.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 7 * 8)));

      Instant sentAt = followUpSentAt(engine, sender, acceptedAt, 1 + random.nextInt(1_000_000));

      String context = "seed " + seed + ", " + sender.workingHours() + " " + sender.timeZone();
      assertThat(Duration.between(acceptedAt, sentAt))
          .as("%s, accepted %s, sent %s", context, acceptedAt, sentAt)
          .isBetween(Duration.ofHours(24), Duration.ofHours(48));
      FollowUpWindow window =
          FollowUpWindow.after(acceptedAt, Duration.ofHours(24), Duration.ofHours(48));
      if (window.onDaysOff(sender.workingHours(), sender.timeZone())) {
        onDaysOff++;
        assertThat(sender.workingHours().everyDay().contains(sentAt, sender.timeZone()))
            .as("%s: on a day off, inside the usual hours; sent %s", context, sentAt)
            .isTrue();
      } else {
        assertThat(sender.workingHours().contains(sentAt, sender.timeZone()))
            .as("%s: inside working hours; sent %s", context, sentAt)
            .isTrue();
      }
    }
    assertThat(onDaysOff).as("seed %d: windows on days off tried", seed).isGreaterThan(20);
  }

  @Test
  void withFollowUpsOnDaysOffTurnedOffAFollowUpDmNeverGoesOnADayOff() {
    long seed = System.nanoTime();
    System.out.println("FollowUpsOnDaysOffPropertiesTest seed: " + seed);
    Random random = new Random(seed);
    SequenceEngine engine = Engines.engine(keptToWorkingDays, "playbook");
    int late = 0;
    for (int run = 0; run < 400; run++) {
      SenderAccount sender = randomAccount(random);
      Instant acceptedAt = START.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 7 * 8)));

      Instant sentAt = followUpSentAt(engine, sender, acceptedAt, 1 + random.nextInt(1_000_000));

      assertThat(sender.workingHours().contains(sentAt, sender.timeZone()))
          .as("seed %d, %s %s: sent %s", seed, sender.workingHours(), sender.timeZone(), sentAt)
          .isTrue();
      if (Duration.between(acceptedAt, sentAt).compareTo(Duration.ofHours(48)) > 0) {
        late++;
      }
    }
    assertThat(late).as("seed %d: windows on days off wait for a working day", seed).isPositive();
  }

  @Test
  void aFollowUpDmToAnOldConnectionWhoAcceptedNothingNeverGoesOnADayOff() {
    long seed = System.nanoTime();
    System.out.println("FollowUpsOnDaysOffPropertiesTest seed: " + seed);
    Random random = new Random(seed);
    SequenceEngine engine = Engines.engine(allowed, "playbook");
    for (int run = 0; run < 200; run++) {
      SenderAccount sender = randomAccount(random);
      Instant enrolledAt = START.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 7 * 8)));
      long id = 1 + random.nextInt(1_000_000);
      ProspectState oldConnection =
          new ProspectState(
              id,
              aProspect().titled("Sales Manager").build(),
              false,
              ProspectHistory.start(ConnectionDegree.FIRST));

      Instant sentAt =
          dmSentAt(
              engine,
              sender,
              oldConnection,
              Enrollment.start(id, 1, id, sender.name(), "thank", enrolledAt),
              enrolledAt);

      assertThat(sender.workingHours().contains(sentAt, sender.timeZone()))
          .as("seed %d, %s %s: sent %s", seed, sender.workingHours(), sender.timeZone(), sentAt)
          .isTrue();
    }
  }

  /** Drives a connected prospect's enrollment from the acceptance to its follow-up DM. */
  private static Instant followUpSentAt(
      SequenceEngine engine, SenderAccount sender, Instant acceptedAt, long id) {
    ProspectHistory connected =
        ProspectHistory.start(ConnectionDegree.SECOND)
            .touched(Channel.CONNECT, acceptedAt.minus(Duration.ofDays(1)))
            .withConnection(Connection.ACCEPTED);
    ProspectState prospect =
        new ProspectState(id, aProspect().titled("Sales Manager").build(), false, connected)
            .with(ProspectFacts.NONE.withRequestSent(acceptedAt.minus(Duration.ofDays(1))));
    Enrollment enrollment =
        Enrollment.start(id, 1, id, sender.name(), "await-answer", acceptedAt.minusSeconds(86400));
    return dmSentAt(engine, sender, prospect, enrollment, acceptedAt);
  }

  /** Runs the enrollment from {@code from} until its first DM goes out; when it does. */
  private static Instant dmSentAt(
      SequenceEngine engine,
      SenderAccount sender,
      ProspectState prospect,
      Enrollment enrollment,
      Instant from) {
    AccountState account =
        AccountState.open(sender, AccountLimits.defaultsFor(sender), START.minusSeconds(86400));
    Instant now = from;
    for (int pass = 0; pass < 20; pass++) {
      Advance step = engine.advance(enrollment, prospect, account, now);
      for (Command command : step.commands()) {
        if (command instanceof Command.Send send && send.channel() == Channel.DM) {
          assertThat(send.step()).isEqualTo("thank");
          return now;
        }
      }
      enrollment = step.enrollment();
      prospect = prospect.with(step.history());
      account = step.account();
      now = enrollment.nextDueAt().isAfter(now) ? enrollment.nextDueAt() : now;
    }
    throw new AssertionError("no follow-up DM after " + from + " for " + sender);
  }

  /** An account with random working days (at least one) and hours, in one of a few zones. */
  private static SenderAccount randomAccount(Random random) {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    int wanted = 1 + random.nextInt(7);
    while (days.size() < wanted) {
      days.add(DayOfWeek.of(1 + random.nextInt(7)));
    }
    LocalTime start = LocalTime.of(5 + random.nextInt(8), 15 * random.nextInt(4));
    LocalTime end = start.plusMinutes(60 + 15L * random.nextInt(40));
    if (!end.isAfter(start)) {
      end = LocalTime.of(23, 59);
    }
    return new SenderAccount(
        "sdr-1",
        Plan.SALES_NAVIGATOR,
        200,
        50,
        ZONES.get(random.nextInt(ZONES.size())),
        new WorkingHours(days, start, end));
  }
}
