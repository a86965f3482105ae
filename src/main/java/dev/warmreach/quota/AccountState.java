package dev.warmreach.quota;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Plan;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.domain.WorkingHours;
import java.time.Instant;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything that limits one sender account, as of some moment: the rolling invitation window, the
 * InMail credit ledger, daily pacing per action, pending invitations, the acceptance-rate guard and
 * (on free accounts) the monthly allowance of notes. Immutable: every change returns a new state,
 * so the engine stays a pure function.
 */
public record AccountState(
    SenderAccount account,
    AccountLimits limits,
    InvitationWindow invitations,
    CreditLedger credits,
    Map<Channel, DailyPacing> pacing,
    PendingInvitations pending,
    AcceptanceGuard guard,
    YearMonth notesMonth,
    int notesUsed) {

  /** Notes a free account may add to invitations each month (SPEC §1). */
  public static final int FREE_NOTES_PER_MONTH = 5;

  public AccountState {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(limits, "limits");
    pacing = Map.copyOf(pacing);
  }

  /** A fresh account as of {@code now}, with its plan's credits arriving now. */
  public static AccountState open(SenderAccount account, AccountLimits limits, Instant now) {
    Plan plan = account.plan();
    int cap = Math.max(plan.inmailCreditCap(), account.monthlyInmailCredits());
    return new AccountState(
        account,
        limits,
        InvitationWindow.empty(),
        CreditLedger.open(account.monthlyInmailCredits(), cap, account.timeZone(), now),
        Map.of(),
        PendingInvitations.none(),
        AcceptanceGuard.fresh(limits.guard()),
        YearMonth.from(now.atZone(account.timeZone())),
        0);
  }

  public String name() {
    return account.name();
  }

  /** This state under the account's current settings, e.g. after its caps were changed. */
  public AccountState withAccount(SenderAccount current) {
    return new AccountState(
        current, limits, invitations, credits, pacing, pending, guard, notesMonth, notesUsed);
  }

  /** Whether {@code channel} may be used now, later, or not at all. */
  public QuotaCheck check(Channel channel, Instant now) {
    return check(channel, now, account.workingHours());
  }

  /**
   * Whether a follow-up whose window falls on days off ({@link FollowUpWindow#onDaysOff}) may go
   * now: as {@link #check}, but inside the account's usual hours on every day of the week.
   */
  public QuotaCheck checkOnDaysOff(Channel channel, Instant now) {
    return check(channel, now, account.workingHours().everyDay());
  }

  private QuotaCheck check(Channel channel, Instant now, WorkingHours hours) {
    QuotaCheck result = QuotaCheck.ALLOWED;
    int daily = dailyCap(channel, now);
    switch (channel) {
      case CONNECT -> {
        if (guard.health(now) == AcceptanceGuard.Health.PAUSED) {
          return new QuotaCheck.Deferred(guard.pausedUntil(), guard.explain(now));
        }
        result = invitations.check(now, account.weeklyInvitationCap());
        result =
            QuotaCheck.stricter(
                result, pending.check(now, limits.maxPending(), limits.withdrawAfter()));
      }
      case INMAIL -> {
        if (!account.plan().canSendInmail() && account.monthlyInmailCredits() == 0) {
          return new QuotaCheck.Refused("a " + account.plan() + " account cannot send InMail");
        }
        result = credits.check(now);
      }
      case ENGAGE, DM, EMAIL -> {}
    }
    if (result instanceof QuotaCheck.Refused) {
      return result;
    }
    return QuotaCheck.stricter(
        result, pacing(channel).check(now, daily, hours, account.timeZone(), noun(channel)));
  }

  /**
   * The earliest instant, at or after {@code now}, at which {@code channel} may be used: {@code
   * now} when it may be used at once, empty when it may never be (the plan has no InMail).
   * Enrollments held back by this account wait for this instant instead of being looked at again
   * and again.
   */
  public Optional<Instant> freeAt(Channel channel, Instant now) {
    QuotaCheck check = check(channel, now);
    if (check instanceof QuotaCheck.Deferred deferred) {
      return Optional.of(deferred.until().isAfter(now) ? deferred.until() : now);
    }
    return check instanceof QuotaCheck.Refused ? Optional.empty() : Optional.of(now);
  }

  /** The daily limit for {@code channel}: ramp-up for new accounts, halved while slowed. */
  public int dailyCap(Channel channel, Instant now) {
    int cap = limits.dailyCap(channel, now);
    if (channel == Channel.CONNECT && guard.health(now) == AcceptanceGuard.Health.SLOWED) {
      cap = Math.max(1, cap / 2);
    }
    return cap;
  }

  /** InMail credits held at {@code now}. */
  public int creditsLeft(Instant now) {
    return credits.balance(now);
  }

  /** Whether an invitation sent now may carry a note (free accounts: 5 a month). */
  public boolean noteAvailable(Instant now) {
    if (account.plan() != Plan.FREE) {
      return true;
    }
    YearMonth month = YearMonth.from(now.atZone(account.timeZone()));
    return !month.equals(notesMonth) || notesUsed < FREE_NOTES_PER_MONTH;
  }

  /**
   * The account after sending on {@code channel} to {@code prospectId}. An InMail to an Open
   * Profile costs no credit.
   */
  public AccountState sent(
      Channel channel,
      long prospectId,
      String key,
      boolean withNote,
      boolean openProfile,
      Instant now) {
    Map<Channel, DailyPacing> paced = new EnumMap<>(Channel.class);
    paced.putAll(pacing);
    paced.put(
        channel,
        pacing(channel)
            .record(
                now,
                dailyCap(channel, now),
                account.workingHours(),
                account.timeZone(),
                Jitter.key(account.name() + "/" + channel)));
    InvitationWindow window = invitations;
    PendingInvitations waiting = pending;
    CreditLedger ledger = credits;
    YearMonth month = notesMonth;
    int notes = notesUsed;
    switch (channel) {
      case CONNECT -> {
        window = invitations.record(now);
        waiting = pending.sent(prospectId, now);
        if (withNote) {
          YearMonth current = YearMonth.from(now.atZone(account.timeZone()));
          notes = current.equals(notesMonth) ? notesUsed + 1 : 1;
          month = current;
        }
      }
      case INMAIL -> ledger = openProfile ? credits.at(now) : credits.spend(key, prospectId, now);
      case ENGAGE, DM, EMAIL -> {}
    }
    return new AccountState(account, limits, window, ledger, paced, waiting, guard, month, notes);
  }

  /** The prospect answered the invitation (accepted or declined). */
  public AccountState answered(long prospectId, boolean accepted, Instant now) {
    if (!pending.isPending(prospectId)) {
      return this;
    }
    return new AccountState(
        account,
        limits,
        invitations,
        credits,
        pacing,
        pending.resolved(prospectId),
        guard.answered(accepted, now),
        notesMonth,
        notesUsed);
  }

  /** The invitation to {@code prospectId} was withdrawn unanswered; it counts as not accepted. */
  public AccountState withdrawn(long prospectId, Instant now) {
    return answered(prospectId, false, now);
  }

  /** The prospect responded; an InMail credit spent on them comes back (once). */
  public AccountState responded(long prospectId, Instant now) {
    return new AccountState(
        account,
        limits,
        invitations,
        credits.refund(prospectId, now),
        pacing,
        pending,
        guard,
        notesMonth,
        notesUsed);
  }

  /** Pending invitations old enough to withdraw. */
  public List<Long> invitationsToWithdraw(Instant now) {
    return pending.olderThan(limits.withdrawAfter(), now);
  }

  /** Why invitations are slowed or paused, or empty when the account is healthy. */
  public String health(Instant now) {
    return guard.explain(now);
  }

  private DailyPacing pacing(Channel channel) {
    return pacing.getOrDefault(channel, DailyPacing.idle());
  }

  private static String noun(Channel channel) {
    return switch (channel) {
      case CONNECT -> "connection requests";
      case DM -> "messages";
      case INMAIL -> "InMails";
      case ENGAGE -> "warm-up actions";
      case EMAIL -> "emails";
    };
  }
}
