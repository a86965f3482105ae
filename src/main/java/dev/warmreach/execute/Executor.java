package dev.warmreach.execute;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Touch;
import java.util.Set;

/**
 * Carries out planned touches: an SMTP server, a webhook, or the simulated network. A touch on a
 * channel no executor carries out waits in the task inbox for a person (assisted mode). A touch
 * carries its idempotency key; an executor given the same touch twice (after a crash, say) must not
 * send twice.
 */
public interface Executor {

  /** The channels this executor carries out by itself; empty when a person does everything. */
  Set<Channel> channels();

  /**
   * Whether this executor is the one for {@code touch} among those carrying its channel: by default
   * every touch on its channels. One that serves only some sender accounts (the LinkedIn provider
   * serves the accounts linked to it) lets the next executor take the others.
   */
  default boolean carries(Touch touch) {
    return channels().contains(touch.channel());
  }

  /** Carries out the touch; the executor marks it done, skipped or failed in the store. */
  void execute(Touch touch);

  /**
   * Work of its own that has fallen due, such as a replayed dead letter; returns how much it did.
   */
  default int runDue() {
    return 0;
  }

  /**
   * Whether carrying out a touch only writes to the store (the simulated network of a dry run):
   * then the engine may carry out touches inside its own transactions. An executor that reaches
   * another system (SMTP, a webhook) must not be held inside one.
   */
  default boolean storeOnly() {
    return false;
  }
}
