package dev.warmreach.execute.assisted;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Touch;
import dev.warmreach.execute.Executor;
import java.util.Set;

/**
 * Assisted mode, the default for LinkedIn steps: a due touch stays planned, with its text, in the
 * task inbox until the user marks it done (sent), skipped or failed ({@code warmreach tasks}).
 * Nothing is sent on the user's behalf.
 */
public final class AssistedExecutor implements Executor {

  @Override
  public Set<Channel> channels() {
    return Set.of();
  }

  @Override
  public void execute(Touch touch) {
    throw new IllegalStateException(
        "assisted touches wait for a person; " + touch.idempotencyKey() + " was handed over");
  }
}
