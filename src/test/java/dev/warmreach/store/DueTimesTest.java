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
  void withNoEnrollmentWaitingNoneIsDue() {
    assertThat(DueTimes.NONE.dueAt(T, 500)).contains(List.of());
  }
}
