package dev.warmreach.store;

import dev.warmreach.domain.Enrollment;
import dev.warmreach.quota.AccountState;
import dev.warmreach.sequence.Advance;
import dev.warmreach.sequence.ProspectState;

/** The engine step the store runs inside its transaction, between loading and saving. */
@FunctionalInterface
public interface StepWork {
  Advance step(Enrollment enrollment, ProspectState prospect, AccountState account);
}
