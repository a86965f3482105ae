package dev.warmreach.live;

import static dev.warmreach.testing.AProspect.aProspect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Touch;
import dev.warmreach.execute.Executor;
import dev.warmreach.store.jdbc.JdbcStore;
import dev.warmreach.testing.Engines;
import dev.warmreach.testing.PlannedTouches;
import dev.warmreach.testing.SettableClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a clock running 1,000 times faster ('serve --speed', 'run --simulate --speed'), a node's claim
 * on a touch spans its two minutes of real time, so another node does not take the touch while the
 * first is still carrying it out; a crashed node's claim still lapses.
 */
class ClaimsOnASpedUpClockTest {

  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  @TempDir Path home;

  /** Takes touches and never finishes them, as a node that is still calling the receiver. */
  private static final class Busy implements Executor {
    final List<Touch> taken = new ArrayList<>();

    @Override
    public Set<Channel> channels() {
      return Set.of(Channel.CONNECT);
    }

    @Override
    public void execute(Touch touch) {
      taken.add(touch);
    }
  }

  @Test
  void aTouchClaimedOnASpedUpClockIsNotTakenByAnotherNodeMinutesLater() {
    SettableClock clock = new SettableClock(T0);
    try (JdbcStore store = JdbcStore.openEmbedded(home, clock)) {
      PlannedTouches.request(
          store,
          aProspect().named("Ada", "Lovelace").at("https://www.linkedin.com/in/ada").build(),
          "Hello",
          T0);
      Busy first = new Busy();
      Busy second = new Busy();
      LiveEngine nodeA = Engines.live(store, first, "node-a");
      LiveEngine nodeB = Engines.live(store, second, "node-b");
      nodeA.claimOn(new ScaledClock(Clock.systemUTC(), Instant.now(), T0, 1000));
      nodeB.claimOn(Clock.systemUTC());

      nodeA.runDue(T0);
      // Ten simulated minutes are 0.6 s of real time: node a may still be in its call.
      nodeB.runDue(T0.plus(Duration.ofMinutes(10)));
      assertThat(first.taken).hasSize(1);
      assertThat(second.taken).as("taken by a second node while the first holds it").isEmpty();

      // Two real minutes are 33 simulated hours: a node that died by then has let it go.
      nodeB.runDue(T0.plus(Duration.ofHours(34)));
      assertThat(second.taken).hasSize(1);
    }
  }

  @Test
  void aClaimSpansItsRealTimeOnTheClockItIsCountedIn() {
    Duration call = Duration.ofSeconds(30);
    assertThat(ScaledClock.span(Clock.systemUTC(), call)).isEqualTo(call);
    assertThat(ScaledClock.span(new ScaledClock(Clock.systemUTC(), T0, T0, 200_000), call))
        .isEqualTo(Duration.ofDays(69).plusHours(10).plusMinutes(40));
  }
}
