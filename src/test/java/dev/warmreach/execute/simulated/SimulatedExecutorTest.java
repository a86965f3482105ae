package dev.warmreach.execute.simulated;

import static dev.warmreach.testing.AProspect.aProspect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Touch;
import dev.warmreach.simulation.Truth;
import dev.warmreach.store.Store;
import dev.warmreach.store.jdbc.JdbcStore;
import dev.warmreach.testing.PlannedTouches;
import dev.warmreach.testing.SettableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulated network as a receiver that can be asked whether a touch reached it. */
class SimulatedExecutorTest {

  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  @TempDir Path home;
  private Store store;
  private Path log;

  @BeforeEach
  void open() {
    store = JdbcStore.openEmbedded(home, new SettableClock(T0));
    log = home.resolve("simulated-deliveries.log");
  }

  @AfterEach
  void close() {
    store.close();
  }

  private SimulatedExecutor executor(DeliveryLog deliveries) {
    return new SimulatedExecutor(
        store.touches(), store.simulatedReactions(), 7, Truth.DEFAULT, deliveries);
  }

  private Touch aWarmUp() {
    return PlannedTouches.plant(
        store,
        aProspect().at("https://www.linkedin.com/in/ana-silva").build(),
        Channel.ENGAGE,
        null,
        T0);
  }

  @Test
  void aTouchDeliveredBeforeACrashIsNotDeliveredAgainWhenCarriedOutAfterTheRestart()
      throws IOException {
    Touch warmUp = aWarmUp();
    // The first life delivered it and was killed before its transaction committed.
    new DeliveryLog(log).deliver(warmUp.idempotencyKey());

    executor(new DeliveryLog(log)).execute(warmUp);

    assertThat(Files.readAllLines(log)).containsExactly("SENT " + warmUp.idempotencyKey());
    assertThat(store.touches().touches(warmUp.prospectId()).get(0).status())
        .isIn(Touch.Status.DONE, Touch.Status.SKIPPED);
  }

  @Test
  void aNodeSeesWhatAnotherNodeDeliveredThroughTheSharedLog() throws IOException {
    Touch warmUp = aWarmUp();
    DeliveryLog thisNode = new DeliveryLog(log);
    DeliveryLog otherNode = new DeliveryLog(log);

    boolean before = thisNode.received(warmUp.idempotencyKey());
    otherNode.deliver(warmUp.idempotencyKey());
    executor(thisNode).execute(warmUp);

    assertThat(before).isFalse();
    assertThat(thisNode.received(warmUp.idempotencyKey())).isTrue();
    assertThat(Files.readAllLines(log)).containsExactly("SENT " + warmUp.idempotencyKey());
  }

  @Test
  void aTouchNotYetDeliveredIsDeliveredOnce() throws IOException {
    Touch warmUp = aWarmUp();

    executor(new DeliveryLog(log)).execute(warmUp);

    assertThat(Files.readAllLines(log)).containsExactly("SENT " + warmUp.idempotencyKey());
  }
}
