package dev.warmreach.domain;

/**
 * How senior a prospect is, read from their job title. Senior decision-makers (C-suite, VP) accept
 * few connection requests, which is why the channel policy reaches them differently.
 */
public enum Seniority {
  C_SUITE,
  VP,
  DIRECTOR,
  MANAGER,
  INDIVIDUAL,
  UNKNOWN;

  /** Reads the seniority a job title states; {@link #UNKNOWN} when the title says too little. */
  public static Seniority fromTitle(String title) {
    return TitleSeniority.classify(title);
  }

  /** True for the decision-makers SPEC §2 reaches by InMail rather than a cold request. */
  public boolean isSeniorDecisionMaker() {
    return this == C_SUITE || this == VP;
  }
}
