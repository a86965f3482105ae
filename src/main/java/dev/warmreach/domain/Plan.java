package dev.warmreach.domain;

/**
 * A sender account's LinkedIn subscription, with the limits LinkedIn documents or is widely
 * reported to enforce (SPEC §1). These are defaults: every account may override its caps.
 */
public enum Plan {
  FREE(100, 5, 200, 0, 0),
  PREMIUM(150, Integer.MAX_VALUE, 300, 5, 15),
  PREMIUM_BUSINESS(150, Integer.MAX_VALUE, 300, 15, 45),
  SALES_NAVIGATOR(200, Integer.MAX_VALUE, 300, 50, 150),
  RECRUITER(200, Integer.MAX_VALUE, 300, 30, 120);

  private final int weeklyInvitations;
  private final int notesPerMonth;
  private final int noteCharacters;
  private final int monthlyInmailCredits;
  private final int inmailCreditCap;

  Plan(
      int weeklyInvitations,
      int notesPerMonth,
      int noteCharacters,
      int monthlyInmailCredits,
      int inmailCreditCap) {
    this.weeklyInvitations = weeklyInvitations;
    this.notesPerMonth = notesPerMonth;
    this.noteCharacters = noteCharacters;
    this.monthlyInmailCredits = monthlyInmailCredits;
    this.inmailCreditCap = inmailCreditCap;
  }

  /** Invitations a week that keep the account in good standing. */
  public int weeklyInvitations() {
    return weeklyInvitations;
  }

  /** Invitations a month that may carry a note; {@link Integer#MAX_VALUE} when unlimited. */
  public int notesPerMonth() {
    return notesPerMonth;
  }

  /** Hard limit on an invitation note's length. */
  public int noteCharacters() {
    return noteCharacters;
  }

  /** InMail credits that arrive each month. */
  public int monthlyInmailCredits() {
    return monthlyInmailCredits;
  }

  /** Credits that can be held at most; monthly credits roll over up to this cap. */
  public int inmailCreditCap() {
    return inmailCreditCap;
  }

  /** InMail is for paid plans only. */
  public boolean canSendInmail() {
    return monthlyInmailCredits > 0;
  }
}
