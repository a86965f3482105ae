package dev.warmreach.policy;

/** The rates a choice is made on, for one prospect's segment, and how to quote them to a user. */
interface Figures {

  /** The figure the choice uses: a belief's mean, a draw from it while exploring, or the truth. */
  double value(LearnedRate rate);

  /** The most it could plausibly be (the upper end of its 95% interval). */
  double high(LearnedRate rate);

  /** E.g. "31% (95% CI 24–38%, 140 sent)". */
  String quote(LearnedRate rate);

  /** Whether some figure is a draw because the belief is still wide (Thompson sampling). */
  boolean exploring();

  static String percent(double rate) {
    return Math.round(rate * 100) + "%";
  }
}
