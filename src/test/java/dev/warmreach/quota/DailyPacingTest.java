package dev.warmreach.quota;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.domain.WorkingHours;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DailyPacingTest {

  private static final WorkingHours OFFICE = WorkingHours.OFFICE; // Mon-Fri 09:00-17:30
  private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata"); // UTC+05:30
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  @Test
  void allowsAnActionInsideWorkingHoursInTheAccountsZone() {
    // given Monday 09:30 in Kolkata, 04:00 UTC
    Instant now = Instant.parse("2026-03-02T04:00:00Z");

    // when
    QuotaCheck check = DailyPacing.idle().check(now, 10, OFFICE, KOLKATA, "messages");

    // then
    assertThat(check).isEqualTo(QuotaCheck.ALLOWED);
  }

  @Test
  void defersAnActionBeforeWorkingHoursToWhenTheyOpenInTheAccountsZone() {
    // given Monday 08:30 in Kolkata, while 09:00 has long passed in London
    Instant now = Instant.parse("2026-03-02T03:00:00Z");

    // when
    QuotaCheck check = DailyPacing.idle().check(now, 10, OFFICE, KOLKATA, "messages");

    // then it waits until 09:00 in Kolkata
    assertThat(check)
        .isInstanceOfSatisfying(
            QuotaCheck.Deferred.class,
            deferred -> {
              assertThat(deferred.until()).isEqualTo(Instant.parse("2026-03-02T03:30:00Z"));
              assertThat(deferred.reason()).contains("outside working hours");
            });
  }

  @Test
  void defersAnActionAfterFridaysCloseToMondayMorning() {
    // given Friday 17:30 in Kolkata, the moment the office closes
    Instant now = Instant.parse("2026-03-06T12:00:00Z");

    // when
    QuotaCheck check = DailyPacing.idle().check(now, 10, OFFICE, KOLKATA, "messages");

    // then
    assertThat(check)
        .isInstanceOfSatisfying(
            QuotaCheck.Deferred.class,
            deferred ->
                assertThat(deferred.until()).isEqualTo(Instant.parse("2026-03-09T03:30:00Z")));
  }

  @Test
  void followsTheLocalClockAcrossTheWeekendWhenDaylightSavingStarts() {
    // given Friday after hours in New York; clocks go forward on Sunday 8 March 2026
    Instant friday = Instant.parse("2026-03-06T23:00:00Z");

    // when
    QuotaCheck check = DailyPacing.idle().check(friday, 10, OFFICE, NEW_YORK, "messages");

    // then Monday opens at 09:00 EDT, 13:00 UTC, an hour earlier in UTC than Friday did
    assertThat(check)
        .isInstanceOfSatisfying(
            QuotaCheck.Deferred.class,
            deferred ->
                assertThat(deferred.until()).isEqualTo(Instant.parse("2026-03-09T13:00:00Z")));
    assertThat(
            DailyPacing.idle()
                .check(Instant.parse("2026-03-06T14:00:00Z"), 10, OFFICE, NEW_YORK, "messages"))
        .isEqualTo(QuotaCheck.ALLOWED);
    assertThat(
            DailyPacing.idle()
                .check(Instant.parse("2026-03-09T12:59:59Z"), 10, OFFICE, NEW_YORK, "messages"))
        .isInstanceOf(QuotaCheck.Deferred.class);
    assertThat(
            DailyPacing.idle()
                .check(Instant.parse("2026-03-09T21:29:59Z"), 10, OFFICE, NEW_YORK, "messages"))
        .isEqualTo(QuotaCheck.ALLOWED);
    assertThat(
            DailyPacing.idle()
                .check(Instant.parse("2026-03-09T21:30:00Z"), 10, OFFICE, NEW_YORK, "messages"))
        .isInstanceOf(QuotaCheck.Deferred.class);
  }

  @Test
  void countsEachDayInTheAccountsZone() {
    // given an action at 23:30 UTC on Monday, which is Tuesday morning in Tokyo
    WorkingHours allDay = WorkingHours.parse("Mon-Sun 00:00-23:59");
    Instant now = Instant.parse("2026-03-02T23:30:00Z");

    // when
    DailyPacing pacing = DailyPacing.idle().record(now, 10, allDay, TOKYO, 1);

    // then it counts for Tuesday, not Monday
    assertThat(pacing.day()).isEqualTo(LocalDate.parse("2026-03-03"));
    assertThat(pacing.countOn(now, TOKYO)).isEqualTo(1);
    assertThat(pacing.countOn(Instant.parse("2026-03-02T14:00:00Z"), TOKYO)).isZero();
  }

  @Test
  void defersToTheNextWorkingDayOnceTheDailyCapIsReached() {
    // given three actions on Monday with a cap of three
    ZoneId zone = ZoneId.of("Europe/Berlin");
    Instant now = Instant.parse("2026-03-02T08:00:00Z"); // 09:00 in Berlin
    DailyPacing pacing = DailyPacing.idle();
    for (int i = 0; i < 3; i++) {
      pacing = pacing.record(now.plusSeconds(60 * i), 3, OFFICE, zone, 42);
    }

    // when a fourth is due the same afternoon, long after the pacing slot
    QuotaCheck check =
        pacing.check(Instant.parse("2026-03-02T15:00:00Z"), 3, OFFICE, zone, "connection requests");

    // then it waits for Tuesday's opening, when the count starts afresh
    Instant tuesday = Instant.parse("2026-03-03T08:00:00Z");
    assertThat(check)
        .isInstanceOfSatisfying(
            QuotaCheck.Deferred.class,
            deferred -> {
              assertThat(deferred.until()).isEqualTo(tuesday);
              assertThat(deferred.reason()).contains("daily limit of 3 connection requests");
            });
    assertThat(pacing.countOn(tuesday, zone)).isZero();
    assertThat(pacing.check(tuesday, 3, OFFICE, zone, "connection requests"))
        .isEqualTo(QuotaCheck.ALLOWED);
  }

  @Test
  void waitsForTheNextSlotBetweenActions() {
    // given an action just taken
    ZoneId zone = ZoneId.of("Europe/Berlin");
    Instant now = Instant.parse("2026-03-02T09:00:00Z");
    DailyPacing pacing = DailyPacing.idle().record(now, 10, OFFICE, zone, 42);

    // when the next is tried a second later
    QuotaCheck check = pacing.check(now.plusSeconds(1), 10, OFFICE, zone, "messages");

    // then
    assertThat(check)
        .isInstanceOfSatisfying(
            QuotaCheck.Deferred.class,
            deferred -> {
              assertThat(deferred.until()).isEqualTo(pacing.nextSlot());
              assertThat(deferred.reason()).contains("pacing messages");
            });
    assertThat(pacing.check(pacing.nextSlot(), 10, OFFICE, zone, "messages"))
        .isEqualTo(QuotaCheck.ALLOWED);
  }

  @Test
  void spacesActionsBetweenHalfAndOneAndAHalfTimesAnEvenShareOfTheDay() {
    // given an 8.5-hour day and a cap of 17: an even share is 30 minutes
    ZoneId zone = ZoneId.of("Europe/Berlin");
    Duration share = Duration.ofMinutes(30);
    Set<Instant> slots = new HashSet<>();

    for (long seed = 0; seed < 500; seed++) {
      // when
      Instant now = Instant.parse("2026-03-02T09:00:00Z").plusSeconds(seed * 7);
      Duration spacing =
          Duration.between(now, DailyPacing.idle().record(now, 17, OFFICE, zone, seed).nextSlot());

      // then
      assertThat(spacing)
          .as("seed %d", seed)
          .isGreaterThanOrEqualTo(share.dividedBy(2))
          .isLessThan(share.multipliedBy(3).dividedBy(2));
      slots.add(now.plus(spacing).minusSeconds(seed * 7));
    }
    assertThat(slots).as("jittered, not fixed").hasSizeGreaterThan(400);
  }

  @Test
  void givesTheSameScheduleForTheSameInputs() {
    // given
    ZoneId zone = ZoneId.of("Europe/Berlin");
    Instant now = Instant.parse("2026-03-02T09:00:00Z");

    // when
    DailyPacing first = DailyPacing.idle().record(now, 10, OFFICE, zone, 1234);
    DailyPacing second = DailyPacing.idle().record(now, 10, OFFICE, zone, 1234);
    DailyPacing otherKey = DailyPacing.idle().record(now, 10, OFFICE, zone, 1235);

    // then
    assertThat(second).isEqualTo(first);
    assertThat(otherKey.nextSlot()).isNotEqualTo(first.nextSlot());
  }
}
