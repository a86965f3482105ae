package dev.warmreach.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.store.DueTimes.DueEnrollment;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DueTimesTest {

  private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");

  private static DueTimes soonest(DueEnrollment... read) {
    return new DueTimes(null, null, read.length == 0 ? null : read[0].at(), null, List.of(read));
  }

  @Test
  void listsTheEnrollmentsReadThatAreDueWhenALaterOneWasRead() {
    DueTimes due =
        soonest(
            new DueEnrollment(7, T),
            new DueEnrollment(3, T.plusSeconds(1)),
            new DueEnrollment(9, T.plusSeconds(5)));

    assertThat(due.dueAt(T, 500)).contains(List.of(7L));
    assertThat(due.dueAt(T.plusSeconds(4), 500)).contains(List.of(7L, 3L));
    assertThat(due.dueAt(T.minusMillis(1), 500)).contains(List.of());
  }

  @Test
  void saysNothingWhenEveryEnrollmentReadIsDueAsMoreMayBeUnread() {
    DueTimes due = soonest(new DueEnrollment(7, T), new DueEnrollment(3, T.plusSeconds(1)));

    assertThat(due.dueAt(T.plusSeconds(1), 500)).isEmpty();
  }

  @Test
  void stopsAtTheLimitAsAPassDoes() {
    DueTimes due =
        soonest(new DueEnrollment(7, T), new DueEnrollment(3, T), new DueEnrollment(9, T));

    assertThat(due.dueAt(T, 2)).contains(List.of(7L, 3L));
  }

  @Test
  void placesTheEnrollmentsWokenAtNowAmongThoseReadAsTheStoreOrdersThem() {
    DueTimes due =
        soonest(
            new DueEnrollment(7, T.minusSeconds(1)),
            new DueEnrollment(3, T),
            new DueEnrollment(9, T),
            new DueEnrollment(1, T.plusSeconds(5)));

    assertThat(due.dueAt(T, 500, List.of(8L, 2L, 12L))).contains(List.of(7L, 2L, 3L, 8L, 9L, 12L));
    assertThat(due.dueAt(T, 3, List.of(8L, 2L, 12L))).contains(List.of(7L, 2L, 3L));
  }

  @Test
  void wokenEnrollmentsAloneAreDueWhenNoneReadIs() {
    DueTimes due = soonest(new DueEnrollment(7, T.plusSeconds(5)));

    assertThat(due.dueAt(T, 500, List.of(4L, 2L))).contains(List.of(2L, 4L));
    assertThat(DueTimes.NONE.dueAt(T, 500, List.of(4L))).contains(List.of(4L));
  }

  @Test
  void saysNothingWhenEveryEnrollmentReadIsDueEvenWithSomeWoken() {
    DueTimes due = soonest(new DueEnrollment(7, T), new DueEnrollment(3, T));

    assertThat(due.dueAt(T, 500, List.of(5L))).isEmpty();
  }

  @Test
  void withNoEnrollmentWaitingNoneIsDue() {
    assertThat(DueTimes.NONE.dueAt(T, 500)).contains(List.of());
  }
}
