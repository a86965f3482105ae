package dev.warmreach.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.Warmreach;
import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Event;
import dev.warmreach.domain.Prospect;
import dev.warmreach.domain.Touch;
import dev.warmreach.store.ProspectQuery;
import dev.warmreach.testing.ACampaign;
import dev.warmreach.testing.SettableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A buying signal for someone held back in their account's queue moves them to its head: they act
 * at the account's next free slot, before everyone held longer. The same on every database.
 */
abstract class SignalsJumpTheQueueContract {

  // Monday 2026-03-02, 09:00 in Berlin, where the accounts work Mon-Fri 09:00-17:30.
  private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
  private static final Instant MONDAY_EVENING = Instant.parse("2026-03-02T18:00:00Z");
  private static final Instant TUESDAY_EVENING = Instant.parse("2026-03-03T17:00:00Z");

  @TempDir Path dir;

  /** The application on the database under test, at {@code clock}. */
  protected abstract Warmreach app(Path home, SettableClock clock);

  @Test
  void aSignalMovesAHeldEnrollmentToTheHeadOfItsAccountsQueue() {
    try (Warmreach app = app(dir, new SettableClock(START))) {
      // given an account whose working day ends with people still waiting for their warm-up
      ACampaign.launched(app.store(), 100, START, "sdr-1");
      LiveEngine engine =
          app.liveEngine(app.simulatedExecutor(7, dir.resolve("deliveries.log")), "node-test");
      engine.runUntil(MONDAY_EVENING);
      List<Prospect> people =
          app.prospects().prospects(new ProspectQuery(null, null, null, 100, 0));
      List<Prospect> held = people.stream().filter(p -> heldInWarmUp(app, p.id())).toList();
      assertThat(held).as("held back in the warm-up queue on Monday evening").hasSizeGreaterThan(5);
      Prospect last = held.stream().max(Comparator.comparingLong(Prospect::id)).orElseThrow();

      // when the last of those held back posts something relevant
      app.signalIntake()
          .take(
              new Event.Signal(
                  last.id(),
                  MONDAY_EVENING,
                  "signal-1",
                  Event.Signal.Kind.RELEVANT_POST,
                  "why we moved our SDR team to Berlin"));
      engine.runUntil(TUESDAY_EVENING);

      // then their warm-up is the account's first action after the signal, at its next free slot
      // (Tuesday 09:00 in Berlin), before everyone held since the launch
      List<Touch> after =
          people.stream()
              .flatMap(p -> done(app, p.id()).stream())
              .filter(t -> t.doneAt().isAfter(MONDAY_EVENING))
              .sorted(Comparator.comparing(Touch::doneAt))
              .toList();
      assertThat(after).as("actions after the signal").hasSizeGreaterThan(1);
      Touch first = after.get(0);
      assertThat(first.prospectId()).as("the first action after the signal").isEqualTo(last.id());
      assertThat(first.channel()).isEqualTo(Channel.ENGAGE);
      assertThat(Duration.between(MONDAY_EVENING, first.doneAt()))
          .as("held until the account's next free slot, Tuesday morning")
          .isGreaterThan(Duration.ofHours(12));
      assertThat(after.get(1).prospectId()).isNotEqualTo(last.id());
    }
  }

  /** Due in the warm-up since the launch, nothing done for them yet: held in the queue. */
  private static boolean heldInWarmUp(Warmreach app, long prospectId) {
    return app.touches().touches(prospectId).isEmpty()
        && app.campaigns().enrollmentsOf(prospectId).stream()
            .anyMatch(e -> e.step().equals("warm-up") && !e.enteredStepAt().isAfter(START));
  }

  /** What was carried out for them (a warm-up with no post to like is skipped, yet it went). */
  private static List<Touch> done(Warmreach app, long prospectId) {
    return app.touches().touches(prospectId).stream().filter(t -> t.doneAt() != null).toList();
  }
}
