package dev.warmreach.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InvitationWindowTest {

  private static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");

  @Test
  void allowsInvitationsWhileFewerThanTheCapWentOutInTheLastSevenDays() {
    // given two requests this week and a cap of three
    InvitationWindow window =
        InvitationWindow.empty().record(MONDAY).record(MONDAY.plusSeconds(60));

    // when
    QuotaCheck check = window.check(MONDAY.plusSeconds(120), 3);

    // then
    assertThat(check).isEqualTo(QuotaCheck.ALLOWED);
    assertThat(window.sentInLastWeek(MONDAY.plusSeconds(120))).isEqualTo(2);
  }

  @Test
  void countsAnyRollingSevenDaysRatherThanCalendarWeeks() {
    // given three requests late on a Sunday, the cap being three
    Instant sunday = Instant.parse("2026-03-08T20:00:00Z");
    InvitationWindow window =
        InvitationWindow.empty()
            .record(sunday)
            .record(sunday.plusSeconds(60))
            .record(sunday.plusSeconds(120));

    // when a new calendar week starts the next morning
    Instant mondayMorning = Instant.parse("2026-03-09T09:00:00Z");
    QuotaCheck check = window.check(mondayMorning, 3);

    // then Sunday's requests still count
    assertThat(check).isInstanceOf(QuotaCheck.Deferred.class);
    assertThat(window.sentInLastWeek(mondayMorning)).isEqualTo(3);
  }

  @Test
  void defersUntilTheOldestRequestAgesOutOfTheWindow() {
    // given the cap of two reached on Monday and Wednesday
    Instant wednesday = MONDAY.plus(Duration.ofDays(2));
    InvitationWindow window = InvitationWindow.empty().record(MONDAY).record(wednesday);

    // when checked on Thursday
    QuotaCheck check = window.check(wednesday.plus(Duration.ofDays(1)), 2);

    // then it may go when Monday's request is seven days old
    assertThat(check)
        .isInstanceOfSatisfying(
            QuotaCheck.Deferred.class,
            deferred -> {
              assertThat(deferred.until()).isEqualTo(MONDAY.plus(Duration.ofDays(7)));
              assertThat(deferred.reason()).contains("weekly invitation cap reached");
            });
    assertThat(window.check(MONDAY.plus(Duration.ofDays(7)), 2)).isEqualTo(QuotaCheck.ALLOWED);
    assertThat(window.check(MONDAY.plus(Duration.ofDays(7)).minusMillis(1), 2))
        .isInstanceOf(QuotaCheck.Deferred.class);
  }

  @Test
  void defersToWhenEnoughHaveAgedOutWhenTheCapWasLowered() {
    // given four requests in a day, then the cap lowered to two
    InvitationWindow window = InvitationWindow.empty();
    for (int hour = 0; hour < 4; hour++) {
      window = window.record(MONDAY.plus(Duration.ofHours(hour)));
    }

    // when
    QuotaCheck check = window.check(MONDAY.plus(Duration.ofDays(1)), 2);

    // then the third request must age out, leaving one in the window
    assertThat(check)
        .isInstanceOfSatisfying(
            QuotaCheck.Deferred.class,
            deferred ->
                assertThat(deferred.until())
                    .isEqualTo(MONDAY.plus(Duration.ofHours(2)).plus(Duration.ofDays(7))));
    assertThat(window.check(MONDAY.plus(Duration.ofHours(2)).plus(Duration.ofDays(7)), 2))
        .isEqualTo(QuotaCheck.ALLOWED);
  }

  @Test
  void dropsRequestsOlderThanSevenDaysWhenRecording() {
    // given a request eight days ago
    InvitationWindow window = InvitationWindow.empty().record(MONDAY);

    // when another goes out
    Instant later = MONDAY.plus(Duration.ofDays(8));
    InvitationWindow next = window.record(later);

    // then only the new one is kept
    assertThat(next.sent()).containsExactly(later);
    assertThat(next.sentInLastWeek(later)).isEqualTo(1);
  }

  @Test
  void refusesEveryInvitationWhenTheCapIsZero() {
    // given an account whose weekly cap is 0
    InvitationWindow window = InvitationWindow.empty();

    // when
    QuotaCheck check = window.check(MONDAY, 0);

    // then
    assertThat(check)
        .isInstanceOfSatisfying(
            QuotaCheck.Refused.class,
            refused -> assertThat(refused.reason()).contains("weekly invitation cap is 0"));
  }
}
