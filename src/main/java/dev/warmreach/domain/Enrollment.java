package dev.warmreach.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One prospect's place in one campaign's sequence. It moves forward only with a version check, so
 * two workers can never both advance it.
 *
 * @param senderAccount the account that contacts this prospect in this campaign
 * @param step the sequence step the prospect is at
 * @param enteredStepAt when the prospect reached that step (waits and delays count from here)
 * @param nextDueAt when the engine should look at it again; {@code null} when it waits on an event
 * @param version incremented on every change
 */
public record Enrollment(
    long id,
    long campaignId,
    long prospectId,
    String senderAccount,
    String step,
    Status status,
    Instant enteredStepAt,
    Instant nextDueAt,
    long version) {

  /** A prospect entering a campaign at its first step. */
  public static Enrollment start(
      long id,
      long campaignId,
      long prospectId,
      String senderAccount,
      String firstStep,
      Instant now) {
    return new Enrollment(
        id, campaignId, prospectId, senderAccount, firstStep, Status.ACTIVE, now, now, 0);
  }

  /** This enrollment at {@code step}, entered at {@code now}. */
  public Enrollment at(String nextStep, Instant now) {
    return new Enrollment(
        id, campaignId, prospectId, senderAccount, nextStep, status, now, now, version);
  }

  /** This enrollment due again at {@code due}. */
  public Enrollment dueAt(Instant due) {
    return new Enrollment(
        id, campaignId, prospectId, senderAccount, step, status, enteredStepAt, due, version);
  }

  /** This enrollment finished with {@code outcome}; nothing is due any more. */
  public Enrollment finished(Status outcome) {
    return new Enrollment(
        id, campaignId, prospectId, senderAccount, step, outcome, enteredStepAt, null, version);
  }

  public boolean isActive() {
    return status == Status.ACTIVE;
  }

  /** Whether the sequence still runs for this prospect, and if not, why. */
  public enum Status {
    ACTIVE,
    REPLIED,
    COMPLETED,
    STOPPED
  }

  public Enrollment {
    Objects.requireNonNull(senderAccount, "senderAccount");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(enteredStepAt, "enteredStepAt");
    Objects.requireNonNull(status, "status");
    if (version < 0) {
      throw new IllegalArgumentException("version must not be negative");
    }
  }
}
