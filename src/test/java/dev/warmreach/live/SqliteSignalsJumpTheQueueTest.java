package dev.warmreach.live;

import dev.warmreach.Warmreach;
import dev.warmreach.testing.SettableClock;
import java.nio.file.Path;

/** Signals jump the account's queue on the embedded SQLite store. */
class SqliteSignalsJumpTheQueueTest extends SignalsJumpTheQueueContract {

  @Override
  protected Warmreach app(Path home, SettableClock clock) {
    return Warmreach.builder().home(home).clock(clock).build();
  }
}
