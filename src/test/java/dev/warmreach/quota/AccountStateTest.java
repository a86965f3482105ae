package dev.warmreach.quota;

import static dev.warmreach.quota.AnAccount.anAccount;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Plan;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AccountStateTest {

  /** Monday 09:00 UTC, when the office opens. */
  private static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");

  @Test
  void aNewAccountStartsAtFiveActionsADayAndRisesByFiveAWeek() {
    // given a new Sales Navigator account (full limit: 40 requests a day)
    AccountState state = anAccount().on(Plan.SALES_NAVIGATOR).rampingUp().openedAt(MONDAY);

    // then
    assertThat(state.dailyCap(Channel.CONNECT, MONDAY)).isEqualTo(5);
    assertThat(state.dailyCap(Channel.DM, MONDAY)).isEqualTo(5);
    assertThat(state.dailyCap(Channel.CONNECT, MONDAY.plus(Duration.ofDays(7)).minusMillis(1)))
        .isEqualTo(5);
    assertThat(state.dailyCap(Channel.CONNECT, MONDAY.plus(Duration.ofDays(7)))).isEqualTo(10);
    assertThat(state.dailyCap(Channel.CONNECT, MONDAY.plus(Duration.ofDays(14)))).isEqualTo(15);
    assertThat(state.dailyCap(Channel.CONNECT, MONDAY.plus(Duration.ofDays(70)))).isEqualTo(40);
  }

  @Test
  void aNewAccountIsHeldToFiveRequestsOnItsFirstDay() {
    // given a new account
    AccountState state = anAccount().on(Plan.SALES_NAVIGATOR).rampingUp().openedAt(MONDAY);

    // when it sends whenever it is allowed to on Monday
    Instant now = MONDAY;
    int sent = 0;
    QuotaCheck check;
    while ((check = state.check(Channel.CONNECT, now)) instanceof QuotaCheck.Allowed
        || !((QuotaCheck.Deferred) check).reason().contains("daily limit")) {
      if (check instanceof QuotaCheck.Deferred deferred) {
        now = deferred.until();
        continue;
      }
      state = state.sent(Channel.CONNECT, sent, "connect-" + sent, true, false, now);
      sent++;
    }

    // then the sixth waits for Tuesday
    assertThat(sent).isEqualTo(5);
    assertThat(now.atZone(ZoneOffset.UTC).toLocalDate()).isEqualTo(LocalDate.parse("2026-03-02"));
    assertThat(((QuotaCheck.Deferred) check).reason()).contains("daily limit of 5");
    assertThat(((QuotaCheck.Deferred) check).until()).isEqualTo(MONDAY.plus(Duration.ofDays(1)));
  }

  @Test
  void anEstablishedAccountStartsAtItsFullLimits() {
    AccountState state = anAccount().on(Plan.SALES_NAVIGATOR).openedAt(MONDAY);

    assertThat(state.dailyCap(Channel.CONNECT, MONDAY)).isEqualTo(40);
    assertThat(state.dailyCap(Channel.DM, MONDAY)).isEqualTo(50);
  }

  @Test
  void aNewAccountsEmailIsNotRampedUp() {
    AccountState state = anAccount().rampingUp().openedAt(MONDAY);

    assertThat(state.dailyCap(Channel.EMAIL, MONDAY)).isEqualTo(100);
  }

  @Test
  void defersInvitationsOnceTheWeeklyCapIsReached() {
    // given three requests this Monday, the cap being three a week
    AccountState state = anAccount().invitingAtMost(3).openedAt(MONDAY);
    for (int i = 0; i < 3; i++) {
      state = state.sent(Channel.CONNECT, i, "c" + i, true, false, MONDAY.plusSeconds(i));
    }

    // when tried on Thursday
    QuotaCheck check = state.check(Channel.CONNECT, MONDAY.plus(Duration.ofDays(3)));

    // then it waits until Monday's first request is a week old
    assertThat(check)
        .isInstanceOfSatisfying(
            QuotaCheck.Deferred.class,
            deferred -> assertThat(deferred.until()).isEqualTo(MONDAY.plus(Duration.ofDays(7))));
  }

  @Test
  void aFreeAccountMayAddFiveNotesAMonthInItsOwnZone() {
    // given a free account in Los Angeles that added five notes in March
    AccountState state = anAccount().on(Plan.FREE).in("America/Los_Angeles").openedAt(MONDAY);
    Instant now = Instant.parse("2026-03-20T17:00:00Z");
    for (int i = 0; i < 5; i++) {
      assertThat(state.noteAvailable(now)).as("note %d", i + 1).isTrue();
      state = state.sent(Channel.CONNECT, i, "c" + i, true, false, now);
    }
    AccountState blank = state.sent(Channel.CONNECT, 9, "c9", false, false, now);

    // then no sixth note this month, blank requests aside
    assertThat(state.noteAvailable(now)).isFalse();
    assertThat(blank.notesUsed()).isEqualTo(5);
    // 1 April 00:00 in Los Angeles is 07:00 UTC
    assertThat(state.noteAvailable(Instant.parse("2026-04-01T06:59:59Z"))).isFalse();
    assertThat(state.noteAvailable(Instant.parse("2026-04-01T07:00:00Z"))).isTrue();
  }

  @Test
  void aPaidAccountMayAlwaysAddANote() {
    AccountState state = anAccount().on(Plan.PREMIUM).openedAt(MONDAY);
    for (int i = 0; i < 10; i++) {
      state = state.sent(Channel.CONNECT, i, "c" + i, true, false, MONDAY);
    }

    assertThat(state.noteAvailable(MONDAY)).isTrue();
  }

  @Test
  void anInmailToAnOpenProfileCostsNoCredit() {
    // given a Premium account with 5 credits
    AccountState state = anAccount().on(Plan.PREMIUM).openedAt(MONDAY);

    // when
    AccountState open = state.sent(Channel.INMAIL, 1, "i1", false, true, MONDAY);
    AccountState paid = state.sent(Channel.INMAIL, 1, "i1", false, false, MONDAY);

    // then
    assertThat(open.creditsLeft(MONDAY)).isEqualTo(5);
    assertThat(open.credits().totals().spent()).isZero();
    assertThat(paid.creditsLeft(MONDAY)).isEqualTo(4);
  }

  @Test
  void aResponseGivesAnInmailCreditBackOnce() {
    // given a paid InMail
    AccountState state =
        anAccount()
            .on(Plan.PREMIUM)
            .openedAt(MONDAY)
            .sent(Channel.INMAIL, 1, "i1", false, false, MONDAY);

    // when they respond, twice
    AccountState once = state.responded(1, MONDAY.plus(Duration.ofDays(2)));
    AccountState twice = once.responded(1, MONDAY.plus(Duration.ofDays(3)));

    // then
    assertThat(once.creditsLeft(MONDAY.plus(Duration.ofDays(2)))).isEqualTo(5);
    assertThat(twice.credits().totals().refunded()).isEqualTo(1);
  }

  @Test
  void refusesInmailOnAFreeAccount() {
    AccountState state = anAccount().on(Plan.FREE).openedAt(MONDAY);

    assertThat(state.check(Channel.INMAIL, MONDAY))
        .isInstanceOfSatisfying(
            QuotaCheck.Refused.class,
            refused -> assertThat(refused.reason()).contains("FREE account cannot send InMail"));
  }

  @Test
  void defersInmailWhenNoCreditIsLeft() {
    // given a Premium account that spent its five credits
    AccountState state = anAccount().on(Plan.PREMIUM).openedAt(MONDAY);
    for (int i = 0; i < 5; i++) {
      state = state.sent(Channel.INMAIL, i, "i" + i, false, false, MONDAY);
    }

    // when
    QuotaCheck check = state.check(Channel.INMAIL, MONDAY.plus(Duration.ofDays(1)));

    // then it waits for April's credits, which arrive at midnight
    assertThat(check)
        .isInstanceOfSatisfying(
            QuotaCheck.Deferred.class,
            deferred ->
                assertThat(deferred.until()).isEqualTo(Instant.parse("2026-04-01T00:00:00Z")));
  }

  @Test
  void sendsHalfAsManyInvitationsADayWhileSlowed() {
    // given a Premium account (30 requests a day) whose last 20 requests had 4 acceptances
    AccountState state = withAnswers(anAccount().on(Plan.PREMIUM).openedAt(MONDAY), 4, 16);

    // then
    assertThat(state.dailyCap(Channel.CONNECT, MONDAY)).isEqualTo(15);
    assertThat(state.dailyCap(Channel.DM, MONDAY)).isEqualTo(50);
    assertThat(state.health(MONDAY)).contains("half speed");
  }

  @Test
  void pausesInvitationsButNotMessagesWhenAcceptanceFallsUnderFifteenPercent() {
    // given 2 of the last 20 requests accepted
    AccountState state = withAnswers(anAccount().on(Plan.PREMIUM).openedAt(MONDAY), 2, 18);
    Instant tuesday = MONDAY.plus(Duration.ofDays(1));

    // then
    assertThat(state.check(Channel.CONNECT, tuesday))
        .isInstanceOfSatisfying(
            QuotaCheck.Deferred.class,
            deferred -> {
              assertThat(deferred.until()).isEqualTo(MONDAY.plus(Duration.ofDays(7)));
              assertThat(deferred.reason()).contains("paused");
            });
    assertThat(state.check(Channel.DM, tuesday)).isEqualTo(QuotaCheck.ALLOWED);
    assertThat(state.check(Channel.CONNECT, MONDAY.plus(Duration.ofDays(7))))
        .isEqualTo(QuotaCheck.ALLOWED);
  }

  @Test
  void ignoresAnAnswerToARequestThatIsNotPending() {
    AccountState state = anAccount().openedAt(MONDAY);

    assertThat(state.answered(99, true, MONDAY)).isSameAs(state);
  }

  @Test
  void offersRequestsForWithdrawalAfterThreeWeeksAndCountsThemAsNotAccepted() {
    // given a request on Monday
    AccountState state =
        anAccount().openedAt(MONDAY).sent(Channel.CONNECT, 7, "c7", true, false, MONDAY);
    Instant later = MONDAY.plus(Duration.ofDays(21));

    // when it is withdrawn three weeks later
    AccountState after = state.withdrawn(7, later);

    // then
    assertThat(state.invitationsToWithdraw(later.minusMillis(1))).isEmpty();
    assertThat(state.invitationsToWithdraw(later)).containsExactly(7L);
    assertThat(after.pending().count()).isZero();
    assertThat(after.guard().outcomes()).containsExactly(false);
  }

  private static AccountState withAnswers(AccountState state, int accepted, int declined) {
    int total = accepted + declined;
    for (int i = 0; i < total; i++) {
      state =
          state.sent(Channel.CONNECT, i, "c" + i, true, false, MONDAY.minus(Duration.ofDays(3)));
    }
    for (int i = 0; i < total; i++) {
      state = state.answered(i, i < accepted, MONDAY);
    }
    return state;
  }
}
