package dev.warmreach.live;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.quota.AcceptanceGuard;
import dev.warmreach.quota.AccountLimits;
import dev.warmreach.quota.AccountState;
import dev.warmreach.store.SenderAccounts;
import java.time.Instant;

/**
 * One sender account against LinkedIn's limits, as the dashboard shows it: its usage ({@link
 * AccountSummary}) plus the limits it is measured against — the pending-invitation cap, the InMail
 * credits it may hold, today's invitation pace and the acceptance-rate guard's thresholds.
 *
 * @param acceptanceRate accepted share of the answered requests counted; -1 with too few answers
 * @param answersCounted answered requests the rate is over
 */
public record AccountStanding(
    SenderAccount account,
    AccountSummary usage,
    int pendingCap,
    int creditCap,
    int dailyInvitations,
    AcceptanceGuard.Health health,
    Instant pausedUntil,
    double acceptanceRate,
    int answersCounted,
    AcceptanceGuard.Settings guard) {

  /**
   * The account's stored state, or the state of a fresh account when the engine has not used it
   * yet.
   */
  public static AccountState stateOf(SenderAccounts accounts, SenderAccount account, Instant now) {
    return accounts
        .accountState(account.name())
        .orElseGet(() -> AccountState.open(account, AccountLimits.defaultsFor(account), now));
  }

  public static AccountStanding of(SenderAccounts accounts, SenderAccount account, Instant now) {
    AccountState state = stateOf(accounts, account, now);
    AcceptanceGuard guard = state.guard();
    return new AccountStanding(
        account,
        AccountSummary.of(state, now),
        state.limits().maxPending(),
        state.credits().cap(),
        state.dailyCap(Channel.CONNECT, now),
        guard.health(now),
        guard.pausedUntil(),
        guard.rate(),
        guard.outcomes().size(),
        guard.settings());
  }

  /** Invitations that may still go out in the rolling week. */
  public int invitationsLeft() {
    return Math.max(0, usage.weeklyCap() - usage.invitationsThisWeek());
  }

  /** Whether the acceptance rate is judged yet (enough answered requests). */
  public boolean rateJudged() {
    return acceptanceRate >= 0;
  }
}
