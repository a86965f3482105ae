package dev.warmreach.message;

import java.util.Objects;

/**
 * How one variant of a step has done: messages sent, connection requests accepted, replies. A value
 * the store can persist as it is; counts only grow.
 *
 * @param accepted accepted connection requests (for a note step); 0 for other channels
 */
public record VariantTally(String step, String label, long sent, long accepted, long replied) {

  /** What happened after a variant was used. */
  public enum Outcome {
    SENT,
    ACCEPTED,
    REPLIED
  }

  public VariantTally {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(label, "label");
    if (sent < 0 || accepted < 0 || replied < 0) {
      throw new IllegalArgumentException("a tally cannot be negative");
    }
    if (accepted > sent || replied > sent) {
      throw new IllegalArgumentException(
          "variant "
              + step
              + "/"
              + label
              + " has more accepted ("
              + accepted
              + ") or replied ("
              + replied
              + ") than sent ("
              + sent
              + ")");
    }
  }

  /** Nothing sent yet. */
  public static VariantTally empty(String step, String label) {
    return new VariantTally(step, label, 0, 0, 0);
  }

  /** This tally with one more {@code outcome}. */
  public VariantTally with(Outcome outcome) {
    return switch (outcome) {
      case SENT -> new VariantTally(step, label, sent + 1, accepted, replied);
      case ACCEPTED -> new VariantTally(step, label, sent, accepted + 1, replied);
      case REPLIED -> new VariantTally(step, label, sent, accepted, replied + 1);
    };
  }

  /** Both tallies of the same variant added, e.g. from two nodes. */
  public VariantTally plus(VariantTally other) {
    if (!step.equals(other.step) || !label.equals(other.label)) {
      throw new IllegalArgumentException(
          "cannot add the tally of "
              + other.step
              + "/"
              + other.label
              + " to "
              + step
              + "/"
              + label);
    }
    return new VariantTally(
        step, label, sent + other.sent, accepted + other.accepted, replied + other.replied);
  }

  /** Replies per message sent; 0 before any was sent. */
  public double replyRate() {
    return sent == 0 ? 0 : (double) replied / sent;
  }

  /** Accepted requests per request sent; 0 before any was sent. */
  public double acceptanceRate() {
    return sent == 0 ? 0 : (double) accepted / sent;
  }
}
