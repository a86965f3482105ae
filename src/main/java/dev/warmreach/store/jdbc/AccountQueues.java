package dev.warmreach.store.jdbc;

import dev.warmreach.domain.Channel;
import dev.warmreach.quota.AccountState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The queues of enrollments held back by an account's limits, one per account and channel. A held
 * enrollment is not looked at again until its queue wakes: at the instant the account can act on
 * that channel again ({@link AccountState#freeAt}), recomputed whenever the account's state
 * changes. Then the queue's oldest member is woken, one per pass, so a pass costs what is due,
 * whatever the number waiting; a member with a fresh buying signal is woken before the others. Each
 * method runs on the handle of the caller's transaction.
 */
final class AccountQueues {

  private AccountQueues() {}

  /** A queue due to wake: its account, channel and wake time. */
  record Wake(String account, String channel, long at) {}

  /**
   * An enrollment was held back on {@code channel} by {@code account}: makes sure the queue exists
   * and wakes when the account can act on the channel again.
   */
  static void held(Handle h, AccountState account, Channel channel, Instant now) {
    // The queue exists but for the first member ever held in it: its wake time is set with the
    // others', and only a queue not found is added (one statement instead of two, per step).
    if (!wakeTimes(h, account, now, channel).contains(channel.name())) {
      h.createUpdate(
              "INSERT INTO account_queue (account, channel, wake_at) VALUES (:account, :channel,"
                  + " :at) ON CONFLICT (account, channel) DO UPDATE SET wake_at = excluded.wake_at")
          .bind("account", account.name())
          .bind("channel", channel.name())
          .bind("at", account.freeAt(channel, now).orElse(now))
          .execute();
    }
  }

  /** The channels' wake times of one account, in one statement whatever its number of queues. */
  private static final String WAKE_ALL =
      "UPDATE account_queue SET wake_at = CASE channel"
          + Arrays.stream(Channel.values())
              .map(c -> " WHEN '" + c.name() + "' THEN :" + c.name())
              .collect(Collectors.joining())
          + " ELSE wake_at END WHERE account = :account"
          + " AND (wake_at IS NOT NULL OR channel = :held)";

  /**
   * The account's state changed at {@code now}: each of its queues with members wakes when it can
   * act again. A queue found empty sleeps (no wake time) until a member is held in it again, so the
   * account's changes do not wake it for nothing.
   */
  static void changed(Handle h, AccountState account, Instant now) {
    wakeTimes(h, account, now, null);
  }

  /** Sets the wake times; returns the channels of the queues it found to set. */
  private static List<String> wakeTimes(Handle h, AccountState account, Instant now, Channel held) {
    Query update =
        h.createQuery(WAKE_ALL + " RETURNING channel")
            .bind("account", account.name())
            .bind("held", held == null ? null : held.name());
    for (Channel channel : Channel.values()) {
      // A channel the account may never use again wakes at once: the engine then skips the step.
      update.bind(channel.name(), account.freeAt(channel, now).orElse(now));
    }
    return update.mapTo(String.class).list();
  }

  /** The queues due to wake at {@code now}, earliest first. */
  static List<Wake> due(Handle h, Instant now, int limit) {
    return h.createQuery(
            "SELECT account, channel, wake_at FROM account_queue WHERE wake_at <= :now"
                + " ORDER BY wake_at LIMIT :limit")
        .bind("now", now)
        .bind("limit", limit)
        .map((rs, ctx) -> new Wake(rs.getString(1), rs.getString(2), rs.getLong(3)))
        .list();
  }

  /**
   * Wakes the oldest member of each of the queues {@code due} at {@code now}: it becomes due at
   * {@code now} and leaves the queue. A queue whose members all belong to paused campaigns sleeps
   * until one of them is resumed. Returns the enrollments woken.
   */
  static List<Long> wake(Handle h, List<Wake> due, Instant now) {
    List<Long> woken = new ArrayList<>();
    for (Wake wake : due) {
      // The queue keeps its wake time: the woken member's step recomputes it when it acts or is
      // held back again; if it does neither, the next member is woken on the next pass. The
      // member is picked and woken in one statement (a round trip each on PostgreSQL).
      List<Long> head =
          h.createQuery(
                  "UPDATE enrollment SET waiting_channel = NULL, next_due_at = :now,"
                      + " version = version + 1 WHERE waiting_channel IS NOT NULL AND id = ("
                      + HEAD
                      + ") RETURNING id")
              .bind("now", now)
              .bind("account", wake.account())
              .bind("channel", wake.channel())
              .mapTo(Long.class)
              .list();
      if (!head.isEmpty()) {
        woken.addAll(head);
        continue;
      }
      h.createUpdate(
              "UPDATE account_queue SET wake_at = NULL WHERE account = :account"
                  + " AND channel = :channel AND wake_at = :at AND NOT EXISTS ("
                  + OLDEST
                  + ")")
          .bind("account", wake.account())
          .bind("channel", wake.channel())
          .bind("at", wake.at())
          .execute();
    }
    return woken;
  }

  /**
   * As {@link #due} and {@link #wake} together, in one statement: the queues due at {@code now},
   * each with its head, the heads woken and the queues found empty put to sleep. For a database
   * whose {@code WITH} holds writes ({@link Dialect#writesInWith}). Returns the enrollments woken.
   */
  static List<Long> wakeAtOnce(Handle h, Instant now, int limit) {
    return h.createQuery(WAKE_AT_ONCE)
        .bind("now", now)
        .bind("limit", limit)
        .mapTo(Long.class)
        .list();
  }

  /** The oldest member of a queue in a running campaign. */
  private static final String OLDEST =
      "SELECT e.id FROM enrollment e JOIN campaign c ON c.id = e.campaign_id"
          + " WHERE e.sender_account = :account AND e.waiting_channel = :channel"
          + " AND e.status = 'ACTIVE' AND c.status = 'ACTIVE'"
          + " ORDER BY e.entered_step_at, e.id LIMIT 1";

  /** The member of a queue in a running campaign whose buying signal came first, if any. */
  private static final String FIRST_SIGNALLED =
      "SELECT e.id FROM enrollment e JOIN campaign c ON c.id = e.campaign_id"
          + " WHERE e.sender_account = :account AND e.waiting_channel = :channel"
          + " AND e.signalled_at IS NOT NULL AND e.status = 'ACTIVE' AND c.status = 'ACTIVE'"
          + " ORDER BY e.signalled_at, e.id LIMIT 1";

  /**
   * The one a wake moves on: a member with a buying signal jumps the queue (the first signalled
   * first), else the oldest member.
   */
  private static final String HEAD = "SELECT COALESCE((" + FIRST_SIGNALLED + "), (" + OLDEST + "))";

  private static final String WAKE_AT_ONCE =
      "WITH due AS (SELECT q.account, q.channel, q.wake_at, ("
          + HEAD.replace(":account", "q.account").replace(":channel", "q.channel")
          + ") AS head FROM account_queue q WHERE q.wake_at <= :now ORDER BY q.wake_at"
          + " LIMIT :limit), woken AS (UPDATE enrollment SET waiting_channel = NULL,"
          + " next_due_at = :now, version = version + 1 WHERE waiting_channel IS NOT NULL"
          + " AND id IN (SELECT head FROM due) RETURNING id), slept AS (UPDATE account_queue s"
          + " SET wake_at = NULL FROM due WHERE due.head IS NULL AND s.account = due.account"
          + " AND s.channel = due.channel AND s.wake_at = due.wake_at)"
          + " SELECT id FROM woken";

  /** A campaign runs again: the queues of its accounts wake at once to look for its members. */
  static void campaignResumed(Handle h, long campaignId) {
    h.createUpdate(
            "UPDATE account_queue SET wake_at = 0 WHERE wake_at IS NULL AND account IN"
                + " (SELECT account FROM campaign_account WHERE campaign_id = :id)")
        .bind("id", campaignId)
        .execute();
  }

  /**
   * The earliest time a queue with members in a running campaign wakes: SQL for one value. Read in
   * wake order and stopped at the first queue with a member, so it costs a few queues' look, not
   * one per waiting enrollment. The member check ends in {@code LIMIT 1 OFFSET 0} so PostgreSQL
   * keeps it a probe per queue: turned into a join it hashed every waiting enrollment.
   */
  static final String NEXT_WAKE =
      "SELECT q.wake_at FROM account_queue q WHERE q.wake_at IS NOT NULL AND EXISTS (SELECT 1"
          + " FROM enrollment e JOIN campaign c ON c.id = e.campaign_id WHERE"
          + " e.sender_account = q.account AND e.waiting_channel = q.channel"
          + " AND e.status = 'ACTIVE' AND c.status = 'ACTIVE' LIMIT 1 OFFSET 0)"
          + " ORDER BY q.wake_at LIMIT 1";
}
