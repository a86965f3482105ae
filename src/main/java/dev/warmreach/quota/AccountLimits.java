package dev.warmreach.quota;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.SenderAccount;
import java.time.Duration;
import java.time.Instant;

/**
 * The limits an account keeps beyond its plan's caps: daily pacing per action, pending invitations,
 * withdrawal age, the acceptance-rate guard, and ramp-up for new accounts.
 *
 * @param dailyInvitations at most this many requests a working day (before ramp-up)
 * @param dailyMessages direct messages a day; 50 by default (LinkedIn publishes no number)
 * @param rampUpFrom when a new account started; {@code null} for an established one
 */
public record AccountLimits(
    int dailyInvitations,
    int dailyMessages,
    int dailyInmails,
    int dailyEngagements,
    int dailyEmails,
    int maxPending,
    Duration withdrawAfter,
    AcceptanceGuard.Settings guard,
    Instant rampUpFrom) {

  /** A new account starts at this many actions of a kind a day ... */
  public static final int RAMP_START = 5;

  /** ... and may take this many more each week until its full limit. */
  public static final int RAMP_STEP = 5;

  /** Defaults for an account: the weekly cap spread over five days, 50 messages a day. */
  public static AccountLimits defaultsFor(SenderAccount account) {
    return new AccountLimits(
        Math.max(1, (account.weeklyInvitationCap() + 4) / 5),
        50,
        25,
        60,
        100,
        400,
        Duration.ofDays(21),
        AcceptanceGuard.Settings.DEFAULT,
        null);
  }

  public AccountLimits withRampUpFrom(Instant start) {
    return new AccountLimits(
        dailyInvitations,
        dailyMessages,
        dailyInmails,
        dailyEngagements,
        dailyEmails,
        maxPending,
        withdrawAfter,
        guard,
        start);
  }

  public AccountLimits withWithdrawAfter(Duration age) {
    return new AccountLimits(
        dailyInvitations,
        dailyMessages,
        dailyInmails,
        dailyEngagements,
        dailyEmails,
        maxPending,
        age,
        guard,
        rampUpFrom);
  }

  /** The daily limit for a channel at {@code now}, lowered while a new account ramps up. */
  public int dailyCap(Channel channel, Instant now) {
    int full =
        switch (channel) {
          case CONNECT -> dailyInvitations;
          case DM -> dailyMessages;
          case INMAIL -> dailyInmails;
          case ENGAGE -> dailyEngagements;
          case EMAIL -> dailyEmails;
        };
    if (rampUpFrom == null || channel == Channel.EMAIL) {
      return full;
    }
    long weeks = Math.max(0, Duration.between(rampUpFrom, now).toDays() / 7);
    return (int) Math.min(full, RAMP_START + RAMP_STEP * weeks);
  }
}
