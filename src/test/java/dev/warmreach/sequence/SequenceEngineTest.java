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
  void warmsUpTwiceThreeDaysApartThenWaitsTwoDaysThenConnects() {
    ProspectState p = prospect(aProspect().titled("Sales Manager").build());
    Enrollment e = engine.enroll(1, 1, p.id(), "sdr-1", MONDAY);

    Advance first = advance(e, p, MONDAY);

    assertThat(sends(first)).extracting(Command.Send::channel).containsExactly(Channel.ENGAGE);
    assertThat(sends(first))
        .extracting(Command.Send::idempotencyKey)
        .containsExactly("e1:warm-up:0");
    assertThat(first.enrollment().step()).isEqualTo("warm-up");
    assertThat(first.enrollment().nextDueAt()).isEqualTo(MONDAY.plus(Duration.ofDays(3)));

    Advance replayed = advance(first.enrollment(), p.with(first.history()), MONDAY.plusSeconds(60));
    assertThat(sends(replayed)).as("a round is taken once").isEmpty();

    Advance again =
        advance(first.enrollment(), p.with(first.history()), MONDAY.plus(Duration.ofDays(3)));

    assertThat(sends(again))
        .extracting(Command.Send::idempotencyKey)
        .containsExactly("e1:warm-up:1");
    assertThat(again.enrollment().step()).isEqualTo("let-it-land");
    assertThat(again.enrollment().nextDueAt()).isEqualTo(MONDAY.plus(Duration.ofDays(5)));

    Advance second =
        advance(again.enrollment(), p.with(again.history()), MONDAY.plus(Duration.ofDays(5)));

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
  void theWarmUpStopsWhenTheyAreConnected() {
    ProspectState p = prospect(aProspect().titled("Sales Manager").build());
    Advance first = advance(engine.enroll(1, 1, p.id(), "sdr-1", MONDAY), p, MONDAY);
    ProspectState connected = p.with(first.history().withConnection(Connection.ACCEPTED));

    Advance later = advance(first.enrollment(), connected, MONDAY.plus(Duration.ofDays(3)));

    assertThat(sends(later)).extracting(Command.Send::channel).doesNotContain(Channel.ENGAGE);
    assertThat(later.enrollment().step()).isNotEqualTo("warm-up");
  }

  /** Takes the prospect through both warm-up rounds; the request goes out on day 5. */
  private Advance requested(ProspectState p) {
    Advance a = advance(engine.enroll(1, 1, p.id(), "sdr-1", MONDAY), p, MONDAY);
    a = advance(a.enrollment(), p.with(a.history()), MONDAY.plus(Duration.ofDays(3)));
    return advance(a.enrollment(), p.with(a.history()), REQUESTED);
  }

  private static final Instant REQUESTED = MONDAY.plus(Duration.ofDays(5));

  @Test
  void thanksANewConnectionWithinOneToTwoDays() {
    ProspectState p = prospect(aProspect().titled("Sales Manager").build());
    Instant connectAt = REQUESTED;
    Advance a = requested(p);
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
    Instant connectAt = REQUESTED;
    Advance a = requested(p);

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
