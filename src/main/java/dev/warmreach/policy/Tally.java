package dev.warmreach.policy;

/**
 * Touches of one kind sent to a segment, and how many are known to have succeeded (accepted,
 * answered) or failed (declined, withdrawn, or no answer within {@link Evidence#OUTCOME_WINDOW}).
 * Only resolved touches move a belief: a touch sent a moment ago has not failed, it has not been
 * answered yet, and counting it as a failure made early rates read far too low.
 *
 * @param sent how many went out
 * @param succeeded how many of them were accepted or answered
 * @param failed how many of them are known not to have been
 */
public record Tally(long sent, long succeeded, long failed) {

  public static final Tally NONE = new Tally(0, 0, 0);

  public Tally {
    if (sent < 0 || succeeded < 0 || failed < 0) {
      throw new IllegalArgumentException(
          succeeded + " succeeded and " + failed + " failed of " + sent + " is not a tally");
    }
  }

  /** {@code succeeded} of {@code sent}, all of them resolved (the rest failed). */
  public Tally(long sent, long succeeded) {
    this(sent, succeeded, Math.max(0, sent - succeeded));
  }

  public Tally plus(Tally other) {
    return new Tally(sent + other.sent, succeeded + other.succeeded, failed + other.failed);
  }

  /** Touches whose outcome is known. */
  long resolved() {
    return succeeded + failed;
  }

  /** One touch counted as failed succeeded after all (a late acceptance or answer). */
  Tally failureTurnedSuccess() {
    return failed == 0
        ? new Tally(sent, succeeded + 1, 0)
        : new Tally(sent, succeeded + 1, failed - 1);
  }
}
