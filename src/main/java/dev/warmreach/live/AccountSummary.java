package dev.warmreach.live;

import dev.warmreach.quota.AccountState;
import java.util.Locale;

/**
 * An account's standing: invitations in the last 7 days against its cap, pending invitations,
 * InMail credits, and its health, in one line and as JSON.
 */
public record AccountSummary(
    int invitationsThisWeek,
    int weeklyCap,
    int pending,
    int creditsLeft,
    long creditsSpent,
    long creditsRefunded,
    String health) {
  public static AccountSummary of(AccountState s, java.time.Instant now) {
    var totals = s.credits().at(now).totals();
    return new AccountSummary(
        s.invitations().sentInLastWeek(now),
        s.account().weeklyInvitationCap(),
        s.pending().count(),
        s.creditsLeft(now),
        totals.spent(),
        totals.refunded(),
        s.health(now).isEmpty() ? "healthy" : s.health(now));
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%d of %d invitations in the last 7 days, %d pending; InMail credits %d left, %d spent,"
            + " %d refunded; %s",
        invitationsThisWeek,
        weeklyCap,
        pending,
        creditsLeft,
        creditsSpent,
        creditsRefunded,
        health);
  }
}
