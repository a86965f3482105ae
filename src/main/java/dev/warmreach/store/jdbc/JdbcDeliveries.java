package dev.warmreach.store.jdbc;

import dev.warmreach.domain.PostLink;
import dev.warmreach.domain.Touch;
import dev.warmreach.store.Deliveries;
import dev.warmreach.store.Delivery;
import dev.warmreach.store.FinishedCampaign;
import dev.warmreach.store.OutboundTouch;
import dev.warmreach.store.OutcomeEvent;
import dev.warmreach.store.WebhookEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Email and webhook deliveries in SQL. Attempts are claimed with a check on the attempt count, so
 * of two senders only one starts each attempt. The webhook's own events are kept by {@link
 * WebhookOutbox}. Thread-safe.
 */
final class JdbcDeliveries implements Deliveries {

  private final Transactions db;
  private final WebhookOutbox outbox;

  JdbcDeliveries(Transactions db) {
    this.db = db;
    this.outbox = new WebhookOutbox(db);
  }

  @Override
  public Optional<OutboundTouch> outboundTouch(String touchKey) {
    return db.read(h -> outboundTouch(h, touchKey));
  }

  private static Optional<OutboundTouch> outboundTouch(Handle h, String touchKey) {
    Optional<Touch> touch =
        h.createQuery("SELECT * FROM touch WHERE idempotency_key = :key")
            .bind("key", touchKey)
            .map((rs, ctx) -> TouchRows.map(rs))
            .findOne();
    if (touch.isEmpty()) {
      return Optional.empty();
    }
    var prospect =
        h.createQuery("SELECT " + ProspectRows.COLUMNS + " FROM prospect WHERE id = :id")
            .bind("id", touch.get().prospectId())
            .map(ProspectRows::map)
            .one();
    String campaign =
        h.createQuery(
                "SELECT c.name FROM enrollment e JOIN campaign c ON c.id = e.campaign_id"
                    + " WHERE e.id = :id")
            .bind("id", touch.get().enrollmentId())
            .mapTo(String.class)
            .one();
    return Optional.of(new OutboundTouch(touch.get(), prospect, campaign));
  }

  @Override
  public Delivery openDelivery(String touchKey, Delivery.Kind kind, String target, Instant now) {
    return db.write(
        h -> {
          h.createUpdate(
                  "INSERT INTO delivery (touch_key, kind, target, status, attempts,"
                      + " next_attempt_at, last_error, created_at, updated_at) VALUES (:key,"
                      + " :kind, :target, 'PENDING', 0, :now, '', :now, :now)"
                      + " ON CONFLICT (touch_key, kind) DO NOTHING")
              .bind("key", touchKey)
              .bind("kind", kind.name())
              .bind("target", target)
              .bind("now", now)
              .execute();
          return h.createQuery("SELECT * FROM delivery WHERE touch_key = :key AND kind = :kind")
              .bind("key", touchKey)
              .bind("kind", kind.name())
              .map((rs, ctx) -> DeliveryRows.map(rs))
              .one();
        });
  }

  @Override
  public Optional<Delivery> delivery(long id) {
    return db.read(h -> DeliveryRows.find(h, id));
  }

  @Override
  public boolean claimDelivery(
      long id, int attempts, Delivery.Status claimedAs, Instant now, Instant until) {
    return db.write(
        h ->
            h.createUpdate(
                        "UPDATE delivery SET status = :status, attempts = attempts + 1,"
                            + " next_attempt_at = :until, updated_at = :now WHERE id = :id AND"
                            + " attempts = :attempts AND status = 'PENDING' AND next_attempt_at"
                            + " <= :now")
                    .bind("status", claimedAs.name())
                    .bind("until", until)
                    .bind("now", now)
                    .bind("id", id)
                    .bind("attempts", attempts)
                    .execute()
                == 1);
  }

  @Override
  public boolean markHandingOver(long id, int attempts, Instant now) {
    return db.write(
        h ->
            h.createUpdate(
                        "UPDATE delivery SET status = 'HANDING_OVER', updated_at = :now"
                            + " WHERE id = :id AND attempts = :attempts AND status = 'SENDING'")
                    .bind("now", now)
                    .bind("id", id)
                    .bind("attempts", attempts)
                    .execute()
                == 1);
  }

  @Override
  public boolean reopenLapsedClaim(long id, int attempts, Instant now) {
    return db.write(
        h ->
            h.createUpdate(
                        "UPDATE delivery SET status = 'PENDING', next_attempt_at = :now,"
                            + " updated_at = :now WHERE id = :id AND attempts = :attempts"
                            + " AND status = 'SENDING' AND next_attempt_at <= :now")
                    .bind("now", now)
                    .bind("id", id)
                    .bind("attempts", attempts)
                    .execute()
                == 1);
  }

  @Override
  public void retryDelivery(long id, Instant next, String error, Instant now) {
    db.run(
        h ->
            h.createUpdate(
                    "UPDATE delivery SET status = 'PENDING', next_attempt_at = :next, last_error ="
                        + " :error, updated_at = :now WHERE id = :id")
                .bind("next", next)
                .bind("error", error == null ? "" : error)
                .bind("now", now)
                .bind("id", id)
                .execute());
  }

  @Override
  public boolean holdDelivery(long id, int attempts, Instant until, String reason, Instant now) {
    return db.write(
        h ->
            h.createUpdate(
                        "UPDATE delivery SET next_attempt_at = :until, last_error = :reason,"
                            + " updated_at = :now WHERE id = :id AND attempts = :attempts AND"
                            + " status = 'PENDING' AND next_attempt_at <= :now")
                    .bind("until", until)
                    .bind("reason", reason)
                    .bind("now", now)
                    .bind("id", id)
                    .bind("attempts", attempts)
                    .execute()
                == 1);
  }

  @Override
  public void notePost(String touchKey, PostLink post) {
    db.write(
        h ->
            h.createUpdate(
                    "UPDATE touch SET post_id = :id, post_url = :url WHERE idempotency_key = :key"
                        + " AND post_id IS NULL AND post_url IS NULL")
                .bind("id", post.socialId().isEmpty() ? null : post.socialId())
                .bind("url", post.url().isEmpty() ? null : post.url())
                .bind("key", touchKey)
                .execute());
  }

  @Override
  public boolean settleDelivery(
      long id, Delivery.Status outcome, String reason, Touch.Status touchOutcome, Instant now) {
    return db.write(h -> DeliverySettlement.settle(h, id, outcome, reason, touchOutcome, now));
  }

  @Override
  public List<Delivery> dueDeliveries(Delivery.Kind kind, Instant now, int limit) {
    return db.read(
        h ->
            h.createQuery(
                    "SELECT * FROM delivery WHERE kind = :kind AND status = 'PENDING'"
                        + " AND next_attempt_at <= :now ORDER BY next_attempt_at, id LIMIT :limit")
                .bind("kind", kind.name())
                .bind("now", now)
                .bind("limit", limit)
                .map((rs, ctx) -> DeliveryRows.map(rs))
                .list());
  }

  @Override
  public List<Delivery> deliveries(Delivery.Kind kind, Delivery.Status status, int limit) {
    return db.read(
        h ->
            h.createQuery(
                    "SELECT * FROM delivery WHERE kind = :kind AND status = :status"
                        + " ORDER BY updated_at, id LIMIT :limit")
                .bind("kind", kind.name())
                .bind("status", status.name())
                .bind("limit", limit)
                .map((rs, ctx) -> DeliveryRows.map(rs))
                .list());
  }

  @Override
  public boolean replayDelivery(long id, Instant now) {
    return db.write(
        h ->
            h.createUpdate(
                        "UPDATE delivery SET status = 'PENDING', attempts = 0, next_attempt_at ="
                            + " :now, updated_at = :now WHERE id = :id AND status = 'DEAD'")
                    .bind("now", now)
                    .bind("id", id)
                    .execute()
                == 1);
  }

  @Override
  public List<OutcomeEvent> unqueuedOutcomes(Set<String> kinds, int limit) {
    return outbox.unqueuedOutcomes(kinds, limit);
  }

  @Override
  public List<FinishedCampaign> unqueuedFinishedCampaigns(int limit) {
    return outbox.unqueuedFinishedCampaigns(limit);
  }

  @Override
  public void queueWebhookEvents(List<WebhookEvent.New> events, long lastSourceId, Instant now) {
    outbox.queueWebhookEvents(events, lastSourceId, now);
  }

  @Override
  public List<WebhookEvent> dueWebhookEvents(Instant now, int limit) {
    return outbox.dueWebhookEvents(now, limit);
  }

  @Override
  public List<WebhookEvent> deadWebhookEvents(int limit) {
    return outbox.deadWebhookEvents(limit);
  }

  @Override
  public boolean replayWebhookEvent(long id, Instant now) {
    return outbox.replayWebhookEvent(id, now);
  }

  @Override
  public boolean claimWebhookEvent(long id, int attempts, Instant now, Instant claimUntil) {
    return outbox.claimWebhookEvent(id, attempts, now, claimUntil);
  }

  @Override
  public void settleWebhookEvent(
      long id, WebhookEvent.Status status, Instant nextAttemptAt, String error, Instant now) {
    outbox.settleWebhookEvent(id, status, nextAttemptAt, error, now);
  }
}
