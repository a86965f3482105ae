package dev.warmreach.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One prospect's place in one campaign's sequence. It moves forward only with a version check, so
 * two workers can never both advance it.
 *
 * @param step the sequence step the prospect is at
 * @param nextDueAt when the engine should look at it again; {@code null} when it waits on an event
 * @param version incremented on every change
 */
public record Enrollment(
    long id,
    long campaignId,
    long prospectId,
    String step,
    Status status,
    Instant nextDueAt,
    long version) {

  /** Whether the sequence still runs for this prospect, and if not, why. */
  public enum Status {
    ACTIVE,
    REPLIED,
    COMPLETED,
    STOPPED
  }

  public Enrollment {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(status, "status");
    if (version < 0) {
      throw new IllegalArgumentException("version must not be negative");
    }
  }
}
