package dev.warmreach.store.jdbc;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.EmailAddress;
import dev.warmreach.domain.Event;
import dev.warmreach.domain.PostLink;
import dev.warmreach.domain.ProspectHistory;
import dev.warmreach.domain.UserError;
import dev.warmreach.quota.AccountState;
import dev.warmreach.sequence.EventEffects;
import dev.warmreach.store.jdbc.VersionedStates.Versioned;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * What happened to prospects, in SQL: an event is stored once under its idempotency key, in the
 * caller's transaction, and read back by that key as it was stored.
 */
final class EventRecords {

  private EventRecords() {}

  /** The event recorded under {@code idempotencyKey}, as it was recorded. */
  static Optional<Event> byKey(Handle h, String idempotencyKey) {
    return h.createQuery(
            "SELECT prospect_id, kind, channel, detail, happened_at, post_id, post_url FROM"
                + " prospect_event WHERE idempotency_key = :key")
        .bind("key", idempotencyKey)
        .map(
            (rs, ctx) ->
                event(
                    rs.getLong("prospect_id"),
                    rs.getString("kind"),
                    rs.getString("channel"),
                    rs.getString("detail"),
                    Instants.read(rs, "happened_at"),
                    idempotencyKey,
                    new PostLink(rs.getString("post_id"), rs.getString("post_url"))))
        .findOne();
  }

  /** An event as {@link #record} stored it. */
  private static Event event(
      long prospect,
      String kind,
      String channel,
      String detail,
      Instant at,
      String key,
      PostLink post) {
    return switch (kind) {
      case Event.Accepted.CODE -> new Event.Accepted(prospect, at, key);
      case Event.Declined.CODE -> new Event.Declined(prospect, at, key);
      case Event.Replied.CODE -> new Event.Replied(prospect, at, key, Channel.valueOf(channel));
      case Event.Bounced.CODE -> new Event.Bounced(prospect, at, key);
      case Event.Unsubscribed.CODE -> new Event.Unsubscribed(prospect, at, key);
      case Event.Withdrawn.CODE -> new Event.Withdrawn(prospect, at, key);
      case Event.PostPublished.CODE -> new Event.PostPublished(prospect, at, key, detail, post);
      case Event.Signal.CODE -> {
        int colon = detail.indexOf(": ");
        String signal = colon < 0 ? detail : detail.substring(0, colon);
        yield new Event.Signal(
            prospect,
            at,
            key,
            Event.Signal.Kind.valueOf(signal),
            colon < 0 ? "" : detail.substring(colon + 2));
      }
      default -> throw new IllegalStateException("an event stored as an unknown kind: " + kind);
    };
  }

  /**
   * Records an event once in the caller's transaction (false for a repeated idempotency key),
   * applies it to the prospect's history and the accounts that contacted them, and wakes their
   * enrollments; {@code hash} lists an unsubscribed person's address on the do-not-contact list.
   */
  static boolean record(Handle h, Event event, AddressHash hash) {
    if (h.createQuery("SELECT count(*) FROM prospect WHERE id = :id")
            .bind("id", event.prospectId())
            .mapTo(Long.class)
            .one()
        == 0) {
      throw new UserError(
          "no prospect " + event.prospectId() + "; events must name a stored prospect");
    }
    int inserted =
        h.createUpdate(
                "INSERT INTO prospect_event (prospect_id, kind, channel, detail, happened_at,"
                    + " idempotency_key, post_id, post_url) VALUES (:p, :kind, :channel, :detail,"
                    + " :at, :key, :postId, :postUrl) ON CONFLICT (idempotency_key) DO NOTHING")
            .bind("p", event.prospectId())
            .bind("kind", event.code())
            .bind("channel", event instanceof Event.Replied r ? r.channel().name() : null)
            .bind("detail", detail(event))
            .bind("at", event.at())
            .bind("key", event.idempotencyKey())
            .bind("postId", postId(event))
            .bind("postUrl", postUrl(event))
            .execute();
    if (inserted == 0) {
      return false;
    }
    if (event instanceof Event.Unsubscribed) {
      unsubscribe(h, event, hash);
    }
    VersionedStates.findHistory(h, event.prospectId())
        .ifPresent(
            v -> {
              ProspectHistory after = EventEffects.onHistory(v.value(), event);
              VersionedStates.saveHistory(h, event.prospectId(), after, v.version());
              CampaignTallies.recorded(h, event, v.value(), after);
            });
    List<String> accounts =
        h.createQuery("SELECT DISTINCT sender_account FROM enrollment WHERE prospect_id = :p")
            .bind("p", event.prospectId())
            .mapTo(String.class)
            .list();
    for (String name : accounts) {
      // An account of draft campaigns only has no state yet: nothing of it to change.
      Optional<Versioned<AccountState>> found = VersionedStates.findAccount(h, name);
      if (found.isEmpty()) {
        continue;
      }
      Versioned<AccountState> account = found.get();
      AccountState after = EventEffects.onAccount(account.value(), event);
      if (!after.equals(account.value())) {
        VersionedStates.saveAccount(h, after, account.version());
        AccountQueues.changed(h, after, event.at());
      }
    }
    if (event instanceof Event.Signal) {
      // Woken now; held back again by the account's limits, it goes to the head of the queue.
      h.createUpdate(
              "UPDATE enrollment SET next_due_at = CASE WHEN next_due_at IS NOT NULL AND"
                  + " next_due_at <= :now AND waiting_channel IS NULL THEN next_due_at ELSE :now"
                  + " END, waiting_channel = NULL, signalled_at = :now, version = version + 1"
                  + " WHERE prospect_id = :p AND status = 'ACTIVE'")
          .bind("p", event.prospectId())
          .bind("now", event.at())
          .execute();
      return true;
    }
    h.createUpdate(
            "UPDATE enrollment SET next_due_at = :now, waiting_channel = NULL, version = version + 1"
                + " WHERE prospect_id = :p AND status = 'ACTIVE' AND (next_due_at IS NULL"
                + " OR next_due_at > :now OR waiting_channel IS NOT NULL)")
        .bind("p", event.prospectId())
        .bind("now", event.at())
        .execute();
    return true;
  }

  /**
   * An unsubscribed person is marked do-not-contact, and their email listed, so their sequences
   * stop at their next step (woken below) and no import brings them back.
   */
  private static void unsubscribe(Handle h, Event event, AddressHash hash) {
    Optional<String> email =
        h.createQuery("SELECT email FROM prospect WHERE id = :id")
            .bind("id", event.prospectId())
            .mapTo(String.class)
            .findOne()
            .flatMap(EmailAddress::parse)
            .map(EmailAddress::value);
    h.createUpdate("UPDATE prospect SET do_not_contact = TRUE, updated_at = :at WHERE id = :id")
        .bind("id", event.prospectId())
        .bind("at", event.at())
        .execute();
    if (email.isPresent()) {
      JdbcDoNotContactList.insert(
          h,
          hash.of(new EmailAddress(email.get())),
          "email",
          email.get(),
          "unsubscribed",
          event.at());
    }
  }

  /** The id of the post an event names; null when it names none. */
  private static String postId(Event event) {
    return event instanceof Event.PostPublished p && !p.post().socialId().isEmpty()
        ? p.post().socialId()
        : null;
  }

  /** The address of the post an event names; null when it gives none. */
  private static String postUrl(Event event) {
    return event instanceof Event.PostPublished p && !p.post().url().isEmpty()
        ? p.post().url()
        : null;
  }

  private static String detail(Event event) {
    if (event instanceof Event.Signal s) {
      return s.kind().name() + (s.detail().isEmpty() ? "" : ": " + s.detail());
    }
    if (event instanceof Event.PostPublished p) {
      return p.topic();
    }
    return "";
  }
}
