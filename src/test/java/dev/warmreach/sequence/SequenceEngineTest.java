package dev.warmreach.sequence;

import static dev.warmreach.testing.AProspect.aProspect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.definition.CampaignFile;
import dev.warmreach.domain.ActivityLevel;
import dev.warmreach.domain.Channel;
import dev.warmreach.domain.ConnectionDegree;
import dev.warmreach.domain.Enrollment;
import dev.warmreach.domain.Plan;
import dev.warmreach.domain.ProspectHistory;
import dev.warmreach.domain.ProspectHistory.Connection;
import dev.warmreach.domain.ProspectProfile;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.domain.WorkingHours;
import dev.warmreach.quota.AccountLimits;
import dev.warmreach.quota.AccountState;
import dev.warmreach.testing.Engines;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The combined sequence walked step by step by the pure engine, the clock in the test's hand. */
class SequenceEngineTest {

  /** A Monday, 10:00 UTC: inside working hours. */
  private static final Instant MONDAY = Instant.parse("2026-03-02T10:00:00Z");

  private final SequenceEngine engine = Engines.engine(CampaignFile.defaults(), "playbook");

  private AccountState account =
      AccountState.open(
          new SenderAccount(
              "sdr-1",
              Plan.SALES_NAVIGATOR,
              200,
              50,
              ZoneOffset.UTC,
              new WorkingHours(
                  EnumSet.allOf(java.time.DayOfWeek.class),
                  java.time.LocalTime.of(0, 0),
                  java.time.LocalTime.of(23, 59))),
          AccountLimits.defaultsFor(
              SenderAccount.withPlanDefaults("sdr-1", Plan.SALES_NAVIGATOR, ZoneOffset.UTC)),
          MONDAY);

  private ProspectState prospect(ProspectProfile profile) {
    return new ProspectState(7, profile, false, ProspectHistory.start(profile.degree()));
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
  void warmsUpThenWaitsTwoDaysThenConnects() {
    ProspectState p = prospect(aProspect().titled("Sales Manager").build());
    Enrollment e = engine.enroll(1, 1, p.id(), "sdr-1", MONDAY);

    Advance first = advance(e, p, MONDAY);

    assertThat(sends(first)).extracting(Command.Send::channel).containsExactly(Channel.ENGAGE);
    assertThat(first.enrollment().step()).isEqualTo("let-it-land");
    assertThat(first.enrollment().nextDueAt()).isEqualTo(MONDAY.plus(Duration.ofDays(2)));

    Advance second =
        advance(first.enrollment(), p.with(first.history()), MONDAY.plus(Duration.ofDays(2)));

    assertThat(sends(second))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.channel()).isEqualTo(Channel.CONNECT);
              assertThat(s.withNote()).isTrue();
              assertThat(s.template()).isEqualTo("note");
              assertThat(s.idempotencyKey()).isEqualTo("e1:connect:0");
            });
    assertThat(second.enrollment().step()).isEqualTo("await-answer");
    assertThat(second.history().connection()).isEqualTo(Connection.PENDING);
  }

  @Test
  void thanksANewConnectionWithinOneToTwoDays() {
    ProspectState p = prospect(aProspect().titled("Sales Manager").build());
    Enrollment e = engine.enroll(1, 1, p.id(), "sdr-1", MONDAY);
    Advance a = advance(e, p, MONDAY);
    Instant connectAt = MONDAY.plus(Duration.ofDays(2));
    a = advance(a.enrollment(), p.with(a.history()), connectAt);
    Instant acceptedAt = connectAt.plus(Duration.ofHours(30));
    ProspectState accepted = p.with(a.history().withConnection(Connection.ACCEPTED));

    Advance woken = advance(a.enrollment(), accepted, acceptedAt);

    assertThat(sends(woken)).isEmpty();
    assertThat(woken.enrollment().step()).isEqualTo("thank");
    Instant due = woken.enrollment().nextDueAt();
    assertThat(Duration.between(acceptedAt, due))
        .isBetween(Duration.ofHours(24), Duration.ofHours(48));
    Advance thanked = advance(woken.enrollment(), accepted.with(woken.history()), due);
    assertThat(sends(thanked)).extracting(Command.Send::channel).containsExactly(Channel.DM);
  }

  @Test
  void sendsAnInmailToAHighValueProspectWhoseRequestIsStillPendingAfterAWeek() {
    ProspectState p =
        prospect(aProspect().titled("Director of Sales").active(ActivityLevel.HIGH).build());
    Enrollment e = engine.enroll(1, 1, p.id(), "sdr-1", MONDAY);
    Advance a = advance(e, p, MONDAY);
    Instant connectAt = MONDAY.plus(Duration.ofDays(2));
    a = advance(a.enrollment(), p.with(a.history()), connectAt);

    Advance weekLater =
        advance(a.enrollment(), p.with(a.history()), connectAt.plus(Duration.ofDays(7)));

    assertThat(sends(weekLater))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.channel()).isEqualTo(Channel.INMAIL);
              assertThat(s.decision().summary()).contains("request pending for a week");
            });
    assertThat(weekLater.account().creditsLeft(connectAt.plus(Duration.ofDays(7)))).isEqualTo(49);
  }

  @Test
  void aReplyEndsTheSequence() {
    ProspectState p = prospect(aProspect().build());
    Enrollment e = engine.enroll(1, 1, p.id(), "sdr-1", MONDAY);
    Advance a = advance(e, p, MONDAY);

    Advance after =
        advance(a.enrollment(), p.with(a.history().withReply()), MONDAY.plusSeconds(60));

    assertThat(after.enrollment().status()).isEqualTo(Enrollment.Status.REPLIED);
    assertThat(after.enrollment().nextDueAt()).isNull();
    assertThat(sends(after)).isEmpty();
  }

  @Test
  void doNotContactAlwaysWins() {
    ProspectProfile profile = aProspect().build();
    ProspectState listed =
        new ProspectState(7, profile, true, ProspectHistory.start(ConnectionDegree.SECOND));

    Advance a = advance(engine.enroll(1, 1, 7, "sdr-1", MONDAY), listed, MONDAY);

    assertThat(sends(a)).isEmpty();
    assertThat(a.enrollment().status()).isEqualTo(Enrollment.Status.STOPPED);
  }

  @Test
  void anExistingConnectionSkipsStraightPastTheRequest() {
    ProspectState connected =
        prospect(aProspect().connected(ConnectionDegree.FIRST).withEmail("a@b.example").build());

    Advance a = advance(engine.enroll(1, 1, 7, "sdr-1", MONDAY), connected, MONDAY);

    assertThat(sends(a)).isEmpty();
    assertThat(a.enrollment().step()).isEqualTo("thank");
  }

  @Test
  void theSameInputsGiveTheSameResult() {
    ProspectState p = prospect(aProspect().build());
    Enrollment e = engine.enroll(1, 1, p.id(), "sdr-1", MONDAY);
    AccountState start = account;

    Advance once = engine.advance(e, p, start, MONDAY);
    Advance again = engine.advance(e, p, start, MONDAY);

    assertThat(again).isEqualTo(once);
  }
}
