package dev.warmreach.execute;

import dev.warmreach.domain.Touch;

/**
 * Carries out planned touches: a person from a task list (assisted), an SMTP server, a webhook, or
 * the simulated network. A touch carries its idempotency key; an executor given the same touch
 * twice (after a crash, say) must not send twice.
 */
public interface Executor {

  /** False for executors whose touches wait for a person (the task inbox). */
  boolean automatic();

  /** Carries out the touch; the executor marks it done or skipped in the store. */
  void execute(Touch touch);
}
