package dev.warmreach.simulation;

/**
 * How a segment of the simulated network really behaves (SPEC §6). The policy under test never sees
 * it. Defaults reproduce SPEC §1's typical outcomes: about 25% of personalised requests accepted
 * (12% blank), warm prospects about twice as likely, 40% of messages to new connections answered,
 * 18% of personalised InMails (3.5% generic), 5% of emails.
 *
 * @param acceptBlank chance a request without a note is accepted
 * @param acceptNote chance a request with a personalised note is accepted
 * @param warmMultiplier how much a warm-up that landed (they posted, the sender engaged) raises it
 * @param dmReply chance a new connection answers a contextual message
 * @param inmailReply chance a personalised InMail is answered
 * @param inmailReplyGeneric chance a generic InMail is answered
 * @param emailReply chance an email is answered
 * @param declineShare of the requests not accepted, the share declined (the rest are ignored)
 * @param medianAcceptDays median days until a request is answered
 * @param postsPerWeek how often they post, which a warm-up needs to land
 * @param noteReply chance someone who accepts also replies to the note itself
 * @param medianReplyDays median days until a message is answered
 * @param signalsPerMonth how often a prospect shows a buying signal (SPEC §6); 0: never
 * @param signalLift how much acceptance and reply chances rise for a touch within the window
 * @param signalWindowDays how long after a signal a touch gets the lift
 */
public record Truth(
    double acceptBlank,
    double acceptNote,
    double warmMultiplier,
    double dmReply,
    double inmailReply,
    double inmailReplyGeneric,
    double emailReply,
    double declineShare,
    double medianAcceptDays,
    double postsPerWeek,
    double noteReply,
    double medianReplyDays,
    double signalsPerMonth,
    double signalLift,
    double signalWindowDays) {

  public static final Truth DEFAULT =
      new Truth(0.12, 0.25, 1.8, 0.40, 0.18, 0.035, 0.05, 0.25, 2.0, 0.3, 0.08, 1.5);

  /** A segment where nobody signals. */
  public Truth(
      double acceptBlank,
      double acceptNote,
      double warmMultiplier,
      double dmReply,
      double inmailReply,
      double inmailReplyGeneric,
      double emailReply,
      double declineShare,
      double medianAcceptDays,
      double postsPerWeek,
      double noteReply,
      double medianReplyDays) {
    this(
        acceptBlank,
        acceptNote,
        warmMultiplier,
        dmReply,
        inmailReply,
        inmailReplyGeneric,
        emailReply,
        declineShare,
        medianAcceptDays,
        postsPerWeek,
        noteReply,
        medianReplyDays,
        0,
        2.0,
        7);
  }

  /** This truth with buying signals as SPEC §6 describes them. */
  public Truth withSignals(double perMonth, double lift, double windowDays) {
    return new Truth(
        acceptBlank,
        acceptNote,
        warmMultiplier,
        dmReply,
        inmailReply,
        inmailReplyGeneric,
        emailReply,
        declineShare,
        medianAcceptDays,
        postsPerWeek,
        noteReply,
        medianReplyDays,
        perMonth,
        lift,
        windowDays);
  }

  public Truth {
    probability("acceptBlank", acceptBlank);
    probability("acceptNote", acceptNote);
    probability("dmReply", dmReply);
    probability("inmailReply", inmailReply);
    probability("inmailReplyGeneric", inmailReplyGeneric);
    probability("emailReply", emailReply);
    probability("declineShare", declineShare);
    probability("noteReply", noteReply);
    positive("warmMultiplier", warmMultiplier);
    positive("medianAcceptDays", medianAcceptDays);
    positive("medianReplyDays", medianReplyDays);
    if (!(signalsPerMonth >= 0) || Double.isInfinite(signalsPerMonth)) {
      throw new IllegalArgumentException(
          "signalsPerMonth must be 0 or more, not " + signalsPerMonth);
    }
    positive("signalLift", signalLift);
    positive("signalWindowDays", signalWindowDays);
    if (postsPerWeek < 0 || Double.isNaN(postsPerWeek)) {
      throw new IllegalArgumentException("postsPerWeek must be 0 or more, not " + postsPerWeek);
    }
  }

  private static void probability(String field, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(
          field + " must be a probability from 0 to 1, not " + value);
    }
  }

  private static void positive(String field, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(field + " must be more than 0, not " + value);
    }
  }
}
