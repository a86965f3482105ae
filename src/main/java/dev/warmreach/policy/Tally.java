package dev.warmreach.policy;

/**
 * Touches of one kind sent to a segment and how many succeeded (accepted, answered).
 *
 * @param sent how many went out
 * @param succeeded how many of them were accepted or answered
 */
public record Tally(long sent, long succeeded) {

  public static final Tally NONE = new Tally(0, 0);

  public Tally {
    if (sent < 0 || succeeded < 0) {
      throw new IllegalArgumentException(succeeded + " of " + sent + " is not a tally");
    }
  }

  public Tally plus(Tally other) {
    return new Tally(sent + other.sent, succeeded + other.succeeded);
  }

  Tally withSent() {
    return new Tally(sent + 1, succeeded);
  }

  Tally withSuccess() {
    return new Tally(sent, succeeded + 1);
  }

  /**
   * Failures: sent but not (yet) answered. Answers can arrive after a later send was counted, so
   * the count never goes below zero.
   */
  long failed() {
    return Math.max(0, sent - succeeded);
  }
}
