package dev.warmreach.sequence;

import static dev.warmreach.testing.AProspect.aProspect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.definition.CampaignFile;
import dev.warmreach.domain.ActivityLevel;
import dev.warmreach.domain.Channel;
import dev.warmreach.domain.ConnectionDegree;
import dev.warmreach.domain.Enrollment;
import dev.warmreach.domain.Event.Signal.Kind;
import dev.warmreach.domain.Plan;
import dev.warmreach.domain.ProspectFacts;
import dev.warmreach.domain.ProspectFacts.SignalSeen;
import dev.warmreach.domain.ProspectHistory;
import dev.warmreach.domain.ProspectHistory.Connection;
import dev.warmreach.domain.ProspectProfile;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.domain.WorkingHours;
import dev.warmreach.quota.AccountLimits;
import dev.warmreach.quota.AccountState;
import dev.warmreach.testing.Engines;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A fresh buying signal for an enrolled prospect acts now, on the channel that fits where they
 * stand, with a message and a reason that name it; an answered or old signal changes nothing.
 */
class SignalsActTest {

  /** A Monday, 10:00 UTC. */
  private static final Instant MONDAY = Instant.parse("2026-03-02T10:00:00Z");

  private final SequenceEngine engine = Engines.engine(CampaignFile.defaults(), "playbook");

  private AccountState account = account(LocalTime.of(0, 0), LocalTime.of(23, 59));

  private static AccountState account(LocalTime from, LocalTime to) {
    SenderAccount sdr =
        new SenderAccount(
            "sdr-1",
            Plan.SALES_NAVIGATOR,
            200,
            50,
            ZoneOffset.UTC,
            new WorkingHours(EnumSet.allOf(DayOfWeek.class), from, to));
    return AccountState.open(sdr, AccountLimits.defaultsFor(sdr), MONDAY);
  }

  private static ProspectState prospect(ProspectProfile profile, SignalSeen signal) {
    return new ProspectState(
        7,
        profile,
        false,
        ProspectHistory.start(profile.degree()),
        new ProspectFacts(null, signal, "", null, null));
  }

  private static SignalSeen roleChange(Instant at) {
    return new SignalSeen(Kind.ROLE_CHANGE, "started as VP Sales at Orbe", at);
  }

  private Advance advance(Enrollment e, ProspectState p, Instant now) {
    Advance a = engine.advance(e, p, account, now);
    account = a.account();
    return a;
  }

  private static List<Command.Send> sends(Advance a) {
    return a.commands().stream()
        .filter(Command.Send.class::isInstance)
        .map(Command.Send.class::cast)
        .toList();
  }

  @Test
  void aRoleChangeWakesAConnectionNowWithADmThatCongratulatesOnTheNewRole() {
    ProspectState maria =
        prospect(
            aProspect().named("Maria", "Okafor").connected(ConnectionDegree.FIRST).build(), null);
    Enrollment e = engine.enroll(1, 1, maria.id(), "sdr-1", MONDAY);
    Advance enrolled = advance(e, maria, MONDAY);
    assertThat(enrolled.enrollment().step()).isEqualTo("thank");
    assertThat(enrolled.enrollment().nextDueAt()).isAfter(MONDAY.plus(Duration.ofHours(23)));

    Instant signalAt = MONDAY.plus(Duration.ofHours(1));
    Instant woken = signalAt.plus(Duration.ofHours(2));
    ProspectState signalled =
        prospect(maria.profile(), roleChange(signalAt)).with(enrolled.history());
    Advance a = advance(enrolled.enrollment(), signalled, woken);

    assertThat(sends(a))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.channel()).isEqualTo(Channel.DM);
              assertThat(s.message().body())
                  .contains("Congratulations, Maria")
                  .contains("started as VP Sales at Orbe");
              assertThat(s.decision().reasons())
                  .first()
                  .isEqualTo("signal: started as VP Sales at Orbe 2 hours ago");
            });
  }

  @Test
  void aRoleChangeSkipsTheWarmUpOfANonConnectionForARequestWhoseNoteNamesTheNewRole() {
    ProspectState sam = prospect(aProspect().named("Sam", "Reyes").build(), null);
    Enrollment e = engine.enroll(1, 1, sam.id(), "sdr-1", MONDAY);
    Advance warmedUp = advance(e, sam, MONDAY);
    assertThat(sends(warmedUp)).extracting(s -> s.channel()).containsExactly(Channel.ENGAGE);

    Instant signalAt = MONDAY.plus(Duration.ofHours(3));
    ProspectState signalled =
        prospect(sam.profile(), roleChange(signalAt)).with(warmedUp.history());
    Advance a = advance(warmedUp.enrollment(), signalled, signalAt);

    assertThat(sends(a))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.channel()).isEqualTo(Channel.CONNECT);
              assertThat(s.message().body()).contains("started as VP Sales at Orbe");
              assertThat(s.decision().reasons().get(0)).startsWith("signal: started as VP Sales");
            });
    assertThat(a.enrollment().step()).isEqualTo("await-answer");
  }

  @Test
  void aConnectionAlreadyThankedGetsOneDmOfItsOwnAndTheSequenceStaysWhereItWas() {
    ProspectState maria =
        prospect(
            aProspect().named("Maria", "Okafor").connected(ConnectionDegree.FIRST).build(), null);
    Enrollment e = engine.enroll(1, 1, maria.id(), "sdr-1", MONDAY);
    Advance a = advance(e, maria, MONDAY);
    a = advance(a.enrollment(), maria.with(a.history()), a.enrollment().nextDueAt());
    assertThat(a.enrollment().step()).isEqualTo("await-reply");
    Instant thankedAt = a.history().lastTouchAt();

    Instant signalAt = thankedAt.plus(Duration.ofDays(3));
    ProspectState signalled = prospect(maria.profile(), roleChange(signalAt)).with(a.history());
    Advance answered = advance(a.enrollment(), signalled, signalAt);

    assertThat(sends(answered))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.step()).isEqualTo(SequenceEngine.SIGNAL_STEP);
              assertThat(s.channel()).isEqualTo(Channel.DM);
              assertThat(s.message().body()).contains("started as VP Sales at Orbe");
            });
    assertThat(answered.enrollment().step()).isEqualTo("await-reply");
    assertThat(answered.enrollment().enteredStepAt()).isEqualTo(a.enrollment().enteredStepAt());

    Advance again =
        advance(
            answered.enrollment(),
            signalled.with(answered.history()),
            signalAt.plus(Duration.ofHours(1)));
    assertThat(sends(again)).as("a signal is answered once").isEmpty();
  }

  @Test
  void aSeniorWithCompanyNewsAndARequestPendingGetsAnInmail() {
    // known to be active, so the playbook warms her up and sends a request, not an InMail
    ProspectState cfo =
        prospect(
            aProspect().named("Ada", "Lind").titled("CFO").active(ActivityLevel.HIGH).build(),
            null);
    Enrollment e = engine.enroll(1, 1, cfo.id(), "sdr-1", MONDAY);
    Advance a = advance(e, cfo, MONDAY);
    for (int step = 0; step < 5 && a.history().connection() != Connection.PENDING; step++) {
      a = advance(a.enrollment(), cfo.with(a.history()), a.enrollment().nextDueAt());
    }
    assertThat(a.history().connection()).isEqualTo(Connection.PENDING);

    Instant signalAt = a.history().lastTouchAt().plus(Duration.ofDays(1));
    ProspectState signalled =
        prospect(
                cfo.profile(),
                new SignalSeen(Kind.COMPANY_MILESTONE, "Orbe raised its Series B", signalAt))
            .with(a.history());
    Advance answered = advance(a.enrollment(), signalled, signalAt);

    assertThat(sends(answered))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.channel()).isEqualTo(Channel.INMAIL);
              assertThat(s.message().body()).contains("Orbe raised its Series B");
            });
  }

  @Test
  void aSignalOutsideWorkingHoursWaitsForThemAndThenActs() {
    account = account(LocalTime.of(9, 0), LocalTime.of(17, 0));
    ProspectState maria =
        prospect(
            aProspect().named("Maria", "Okafor").connected(ConnectionDegree.FIRST).build(), null);
    Enrollment e = engine.enroll(1, 1, maria.id(), "sdr-1", MONDAY);
    Advance enrolled = advance(e, maria, MONDAY);

    Instant evening = MONDAY.plus(Duration.ofHours(10)); // 20:00
    ProspectState signalled =
        prospect(maria.profile(), roleChange(evening)).with(enrolled.history());
    Advance a = advance(enrolled.enrollment(), signalled, evening);

    assertThat(sends(a)).isEmpty();
    Instant due = a.enrollment().nextDueAt();
    assertThat(due).isAfter(evening).isBefore(MONDAY.plus(Duration.ofHours(24 + 8)));
    Advance next = advance(a.enrollment(), signalled.with(a.history()), due);
    assertThat(sends(next)).extracting(Command.Send::channel).containsExactly(Channel.DM);
  }

  @Test
  void anOldSignalOrOneForSomeoneWhoRepliedChangesNothing() {
    ProspectState maria =
        prospect(
            aProspect().named("Maria", "Okafor").connected(ConnectionDegree.FIRST).build(), null);
    Enrollment e = engine.enroll(1, 1, maria.id(), "sdr-1", MONDAY);
    Advance enrolled = advance(e, maria, MONDAY);

    Instant now = MONDAY.plus(Duration.ofHours(3));
    ProspectState old =
        prospect(maria.profile(), roleChange(now.minus(Duration.ofDays(30))))
            .with(enrolled.history());
    assertThat(advance(enrolled.enrollment(), old, now).commands()).isEmpty();

    ProspectState replied =
        prospect(maria.profile(), roleChange(now)).with(enrolled.history().withReply());
    assertThat(advance(enrolled.enrollment(), replied, now).commands())
        .noneMatch(Command.Send.class::isInstance);
  }

  @Test
  void aSignalLosesHalfItsWorthEveryFewDays() {
    assertThat(SignalResponse.score(Kind.ROLE_CHANGE, Duration.ZERO)).isEqualTo(1.0);
    assertThat(SignalResponse.score(Kind.ROLE_CHANGE, Duration.ofDays(7))).isEqualTo(0.5);
    assertThat(SignalResponse.score(Kind.RELEVANT_POST, Duration.ofDays(2))).isEqualTo(0.35);
    assertThat(SignalResponse.longestFresh()).isEqualTo(Duration.ofDays(14));
  }
}
