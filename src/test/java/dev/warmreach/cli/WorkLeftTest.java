package dev.warmreach.cli;

import static dev.warmreach.testing.AProspect.aProspect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.warmreach.Warmreach;
import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Message;
import dev.warmreach.domain.Touch;
import dev.warmreach.testing.PlannedTouches;
import dev.warmreach.testing.SettableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What '--until-done' waits for, and what it says is left for the user when it stops. */
class WorkLeftTest {

  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  @TempDir Path home;

  @Test
  void aTouchOnACarriedChannelKeepsTheNodeRunningAndInboxTouchesAreNamedWhenItStops() {
    SettableClock clock = new SettableClock(T0);
    try (Warmreach app = Warmreach.builder().home(home).clock(clock).build()) {
      // Given an email and a connection request planned, and only LinkedIn carried out
      PlannedTouches.email(
          app.store(),
          aProspect()
              .named("Ana", "Silva")
              .at("https://www.linkedin.com/in/ana-silva")
              .withEmail("ana@northwind.example")
              .build(),
          "Your talk",
          "Hi Ana, …",
          T0);
      Touch request =
          PlannedTouches.plant(
              app.store(),
              aProspect()
                  .named("Ben", "Okafor")
                  .at("https://www.linkedin.com/in/ben-okafor")
                  .build(),
              Channel.CONNECT,
              new Message("A", "", "Hi Ben", true),
              T0);
      Set<Channel> linkedIn = Set.of(Channel.ENGAGE, Channel.CONNECT, Channel.DM, Channel.INMAIL);

      // When the request is still planned, the node is not done
      WorkLeft before = WorkLeft.of(app, linkedIn);
      assertThat(before.forExecutors()).isEqualTo(1);
      assertThat(before.inInbox()).containsExactly(entry(Channel.EMAIL, 1L));
      assertThat(before.done()).isFalse();

      // Then once it is carried out, it is, and it says the email waits for the user
      app.touches().finishTouch(request.idempotencyKey(), Touch.Status.DONE, T0);
      WorkLeft after = WorkLeft.of(app, linkedIn);
      assertThat(after.done()).isTrue();
      assertThat(after.stoppedAt(T0))
          .isEqualTo(
              "Nothing left to do at 2026-03-02T09:00:00Z; 1 touch waits in the task inbox, on"
                  + " channels no executor carries (EMAIL=1): see 'warmreach tasks today', or set"
                  + " one up with 'warmreach settings'.");
      assertThat(WorkLeft.of(app, Set.of(Channel.values())).done()).isFalse();
    }
  }

  @Test
  void withNothingPlannedItSaysOnlyThatNothingIsLeft() {
    try (Warmreach app = Warmreach.builder().home(home).clock(new SettableClock(T0)).build()) {
      WorkLeft left = WorkLeft.of(app, Set.of(Channel.values()));

      assertThat(left.done()).isTrue();
      assertThat(left.stoppedAt(T0.plusNanos(16_654_418)))
          .as("to the second: a sped-up clock's nanoseconds say nothing")
          .isEqualTo("Nothing left to do at 2026-03-02T09:00:00Z.");
    }
  }
}
