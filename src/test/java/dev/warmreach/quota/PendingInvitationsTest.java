package dev.warmreach.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PendingInvitationsTest {

  private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
  private static final Duration THREE_WEEKS = Duration.ofDays(21);

  @Test
  void keepsTrackOfRequestsUntilTheyAreAnswered() {
    // given two requests out
    PendingInvitations pending = PendingInvitations.none().sent(1, NOW).sent(2, NOW);

    // when one is answered
    PendingInvitations after = pending.resolved(1);

    // then
    assertThat(pending.count()).isEqualTo(2);
    assertThat(after.count()).isEqualTo(1);
    assertThat(after.isPending(1)).isFalse();
    assertThat(after.isPending(2)).isTrue();
  }

  @Test
  void ignoresAnAnswerToARequestNotPending() {
    PendingInvitations pending = PendingInvitations.none().sent(1, NOW);

    assertThat(pending.resolved(9)).isSameAs(pending);
  }

  @Test
  void countsARequestSentAgainOnceAtItsNewTime() {
    // given a request to prospect 1, then to 2, then to 1 again
    PendingInvitations pending =
        PendingInvitations.none()
            .sent(1, NOW)
            .sent(2, NOW.plus(Duration.ofDays(1)))
            .sent(1, NOW.plus(Duration.ofDays(2)));

    // then
    assertThat(pending.count()).isEqualTo(2);
    assertThat(pending.olderThan(Duration.ofDays(1), NOW.plus(Duration.ofDays(2))))
        .containsExactly(2L);
  }

  @Test
  void allowsRequestsWhileFewerThanTheCapArePending() {
    PendingInvitations pending = PendingInvitations.none().sent(1, NOW).sent(2, NOW);

    assertThat(pending.check(NOW, 3, THREE_WEEKS)).isEqualTo(QuotaCheck.ALLOWED);
  }

  @Test
  void defersUntilTheOldestMayBeWithdrawnWhenTheCapIsReached() {
    // given the cap of two pending
    PendingInvitations pending =
        PendingInvitations.none().sent(1, NOW).sent(2, NOW.plus(Duration.ofDays(1)));

    // when
    QuotaCheck check = pending.check(NOW.plus(Duration.ofDays(2)), 2, THREE_WEEKS);

    // then
    assertThat(check)
        .isInstanceOfSatisfying(
            QuotaCheck.Deferred.class,
            deferred -> {
              assertThat(deferred.until()).isEqualTo(NOW.plus(THREE_WEEKS));
              assertThat(deferred.reason()).contains("2 invitations pending (cap 2)");
            });
  }

  @Test
  void defersAnHourWhenTheOldestIsAlreadyDueForWithdrawal() {
    // given the cap reached by a request older than three weeks
    PendingInvitations pending = PendingInvitations.none().sent(1, NOW);
    Instant later = NOW.plus(Duration.ofDays(30));

    // when
    QuotaCheck check = pending.check(later, 1, THREE_WEEKS);

    // then
    assertThat(check)
        .isInstanceOfSatisfying(
            QuotaCheck.Deferred.class,
            deferred -> assertThat(deferred.until()).isEqualTo(later.plus(Duration.ofHours(1))));
  }

  @Test
  void listsRequestsOldEnoughToWithdrawOldestFirst() {
    // given requests sent on three days
    PendingInvitations pending =
        PendingInvitations.none()
            .sent(3, NOW)
            .sent(1, NOW.plus(Duration.ofDays(1)))
            .sent(2, NOW.plus(Duration.ofDays(2)));

    // when three weeks have passed since the second
    Instant later = NOW.plus(Duration.ofDays(1)).plus(THREE_WEEKS);

    // then
    assertThat(pending.olderThan(THREE_WEEKS, later)).containsExactly(3L, 1L);
    assertThat(pending.olderThan(THREE_WEEKS, later.minusMillis(1))).containsExactly(3L);
  }
}
