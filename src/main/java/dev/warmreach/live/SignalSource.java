package dev.warmreach.live;

import java.time.Instant;
import java.util.Optional;

/**
 * Buying signals that arrive on a timeline of their own, such as the simulated network's in a dry
 * run: the live engine takes each at its time, in order with the rest of its work, and hands it to
 * the {@link SignalIntake}. Implementations are thread-safe.
 */
public interface SignalSource {

  /** No signals: the live service hears them from the events API, a CSV list or a provider. */
  SignalSource NONE =
      new SignalSource() {
        @Override
        public Optional<Instant> nextAt() {
          return Optional.empty();
        }

        @Override
        public int takeDue(Instant now) {
          return 0;
        }
      };

  /** When the next signal arrives; empty when none will. */
  Optional<Instant> nextAt();

  /** Takes every signal due by {@code now}; returns how many were new (not taken before). */
  int takeDue(Instant now);
}
