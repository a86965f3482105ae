package dev.warmreach.domain;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WorkingHoursTest {

  @Test
  void readsADayRangeAndHours() {
    // when
    WorkingHours hours = WorkingHours.parse("Mon-Fri 09:00-17:30");

    // then
    assertThat(hours.days())
        .containsExactlyInAnyOrder(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY);
    assertThat(hours.start()).isEqualTo(LocalTime.of(9, 0));
    assertThat(hours.end()).isEqualTo(LocalTime.of(17, 30));
    assertThat(hours).isEqualTo(WorkingHours.OFFICE);
  }

  @Test
  void readsAListOfDays() {
    WorkingHours hours = WorkingHours.parse("Mon,Wed,Fri 10:00-16:00");

    assertThat(hours.days()).containsExactlyInAnyOrder(MONDAY, WEDNESDAY, FRIDAY);
    assertThat(hours).hasToString("Mon,Wed,Fri 10:00-16:00");
  }

  @Test
  void readsRangesAndSingleDaysTogether() {
    WorkingHours hours = WorkingHours.parse("Mon-Wed,Sat 08:00-12:00");

    assertThat(hours.days()).containsExactlyInAnyOrder(MONDAY, TUESDAY, WEDNESDAY, SATURDAY);
  }

  @Test
  void readsFullDayNamesInAnyCase() {
    assertThat(WorkingHours.parse("monday-FRIDAY 09:00-17:30")).isEqualTo(WorkingHours.OFFICE);
    assertThat(WorkingHours.parse("Tues,Thurs 09:00-12:00").days())
        .containsExactlyInAnyOrder(TUESDAY, THURSDAY);
  }

  @Test
  void readsAWeekThatRunsAcrossSunday() {
    // given a Sunday-to-Thursday working week, usual in much of the Middle East
    WorkingHours hours = WorkingHours.parse("Sun-Thu 08:00-16:00");

    // then
    assertThat(hours.days())
        .containsExactlyInAnyOrder(SUNDAY, MONDAY, TUESDAY, WEDNESDAY, THURSDAY);
    assertThat(WorkingHours.parse(hours.toString())).isEqualTo(hours);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "Mon-Fri 09:00-17:30",
        "Mon-Sun 00:00-23:59",
        "Sat 10:00-14:00",
        "Mon,Wed,Fri 10:00-16:00",
        "Sat-Sun 10:00-14:00",
        "Mon,Tue,Thu 07:45-19:15",
      })
  void printsTheFormItReads(String text) {
    assertThat(WorkingHours.parse(text)).hasToString(text);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'  Mon-Fri   09:00-17:30  ' | Mon-Fri 09:00-17:30",
        "mon,tue,wed 09:00-17:00 | Mon-Wed 09:00-17:00",
        "Fri,Mon 09:00-17:00 | Mon,Fri 09:00-17:00",
        "Mon-Wed,Thu,Fri 09:00-17:00 | Mon-Fri 09:00-17:00",
      })
  void printsACanonicalFormThatReadsBackTheSame(String written, String canonical) {
    // when
    WorkingHours hours = WorkingHours.parse(written);

    // then
    assertThat(hours).hasToString(canonical);
    assertThat(WorkingHours.parse(hours.toString())).isEqualTo(hours);
  }

  @Test
  void everySetOfDaysSurvivesARoundTripThroughText() {
    // given every non-empty set of days of the week
    DayOfWeek[] week = DayOfWeek.values();
    for (int mask = 1; mask < 1 << week.length; mask++) {
      Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
      for (int d = 0; d < week.length; d++) {
        if ((mask & 1 << d) != 0) {
          days.add(week[d]);
        }
      }
      WorkingHours hours = new WorkingHours(days, LocalTime.of(8, 30), LocalTime.of(18, 0));

      // when / then
      assertThat(WorkingHours.parse(hours.toString())).as(hours.toString()).isEqualTo(hours);
    }
  }

  @ParameterizedTest(name = "[{0}] → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'' | should look like 'Mon-Fri 09:00-17:30'",
        "Mon-Fri | should look like 'Mon-Fri 09:00-17:30'",
        "Mon - Fri 09:00-17:30 | should look like 'Mon-Fri 09:00-17:30'",
        "Mon-Fri 09:00 | should look like '09:00-17:30'",
        "Mon-Fri 09:00-12:00-17:00 | should look like '09:00-17:30'",
        "Mon-Fri 9-17 | should be two 24-hour times like '09:00-17:30'",
        "Mon-Fri 09:00-5pm | should be two 24-hour times like '09:00-17:30'",
        "Mon-Fri 17:30-09:00 | must start before they end",
        "Mon-Fri 09:00-09:00 | must start before they end",
        "Mo-Fr 09:00-17:30 | 'Mo' is not a day; use Mon, Tue, Wed, Thu, Fri, Sat or Sun",
        "Funday 09:00-17:30 | 'Funday' is not a day",
        "Mon,,Fri 09:00-17:30 | is not a day",
        "Mon-Wed-Fri 09:00-17:30 | days 'Mon-Wed-Fri' should look like 'Mon-Fri'",
      })
  void refusesTextItCannotReadSayingWhatIsWrong(String text, String message) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> WorkingHours.parse(text))
        .withMessageContaining(message);
  }

  @Test
  void needsAtLeastOneDay() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new WorkingHours(Set.of(), LocalTime.of(9, 0), LocalTime.of(17, 0)))
        .withMessageContaining("at least one day");
  }

  @Test
  void keepsItsOwnCopyOfTheDays() {
    // given
    Set<DayOfWeek> days = EnumSet.of(MONDAY);
    WorkingHours hours = new WorkingHours(days, LocalTime.of(9, 0), LocalTime.of(17, 0));

    // when
    days.add(SATURDAY);

    // then
    assertThat(hours.days()).containsExactly(MONDAY);
  }

  @Test
  void plansAPointOfAWindowIntoTheWorkingTimeInsideIt() {
    // given a window from Friday 10:00 to Saturday 10:00 in Berlin, office hours
    java.time.ZoneId berlin = java.time.ZoneId.of("Europe/Berlin");
    java.time.Instant from = java.time.Instant.parse("2026-03-06T09:00:00Z"); // Fri 10:00 CET
    java.time.Instant to = from.plus(java.time.Duration.ofHours(24));

    // when / then: only Friday 10:00-17:30 is working time, 7.5 hours of it
    assertThat(WorkingHours.OFFICE.pointWithin(from, to, berlin, 0)).contains(from);
    assertThat(WorkingHours.OFFICE.pointWithin(from, to, berlin, 0.5))
        .contains(java.time.Instant.parse("2026-03-06T12:45:00Z"));
    assertThat(WorkingHours.OFFICE.pointWithin(from, to, berlin, 1))
        .hasValueSatisfying(at -> assertThat(WorkingHours.OFFICE.contains(at, berlin)).isTrue());
  }

  @Test
  void aWindowOverAWeekendHoldsNoWorkingTime() {
    java.time.ZoneId berlin = java.time.ZoneId.of("Europe/Berlin");
    java.time.Instant saturdayEvening = java.time.Instant.parse("2026-03-07T17:00:00Z");

    assertThat(
            WorkingHours.OFFICE.pointWithin(
                saturdayEvening, saturdayEvening.plus(java.time.Duration.ofHours(24)), berlin, 0.3))
        .isEmpty();
  }
}
