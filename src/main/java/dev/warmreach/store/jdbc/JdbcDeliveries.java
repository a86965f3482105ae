package dev.warmreach.store.jdbc;

import dev.warmreach.domain.PostLink;
import dev.warmreach.domain.Touch;
import dev.warmreach.store.Deliveries;
import dev.warmreach.store.Delivery;
import dev.warmreach.store.FinishedCampaign;
import dev.warmreach.store.OutboundTouch;
import dev.warmreach.store.OutcomeEvent;
import dev.warmreach.store.WebhookEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * Email and webhook deliveries in SQL. Attempts are claimed with a check on the attempt count, so
 * of two senders only one starts each attempt. Thread-safe.
 */
final class JdbcDeliveries implements Deliveries {

  private final Transactions db;

  JdbcDeliveries(Transactions db) {
    this.db = db;
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
              .map((rs, ctx) -> delivery(rs))
              .one();
        });
  }

  @Override
  public Optional<Delivery> delivery(long id) {
    return db.read(h -> find(h, id));
  }

  private static Optional<Delivery> find(Handle h, long id) {
    return h.createQuery("SELECT * FROM delivery WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> delivery(rs))
        .findOne();
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
    return db.write(h -> settle(h, id, outcome, reason, touchOutcome, now));
  }

  private static boolean settle(
      Handle h,
      long id,
      Delivery.Status outcome,
      String reason,
      Touch.Status touchOutcome,
      Instant now) {
    Delivery delivery =
        find(h, id).orElseThrow(() -> new IllegalArgumentException("no delivery " + id));
    h.createUpdate(
            "UPDATE delivery SET status = :status, next_attempt_at = NULL, last_error = :reason,"
                + " updated_at = :now WHERE id = :id")
        .bind("status", outcome.name())
        .bind("reason", reason == null ? "" : reason)
        .bind("now", now)
        .bind("id", id)
        .execute();
    if (touchOutcome == null) {
      return false;
    }
    if (touchOutcome == Touch.Status.DONE) {
      // A dead letter replayed after its touch was marked failed: it went out after all.
      JdbcTouches.reopenFailed(h, delivery.touchKey());
    }
    return JdbcTouches.finish(
        h,
        delivery.touchKey(),
        touchOutcome,
        attemptedAt(delivery, touchOutcome, now),
        touchOutcome == Touch.Status.DONE ? null : reason);
  }

  /**
   * When a touch carried out (or perhaps carried out) was acted on: when its attempt began (the
   * sender's claim, or the email's hand-over), which the sender checked against the account's
   * working hours, not when the receiver's answer was recorded. On a sped-up clock a call of a few
   * milliseconds spans minutes, and a touch begun at 23:58 would read as done after a 23:59 close.
   */
  private static Instant attemptedAt(Delivery delivery, Touch.Status touchOutcome, Instant now) {
    // The claim is the last change of an attempt in flight (a webhook's claim keeps it pending).
    boolean inFlight =
        delivery.status() == Delivery.Status.PENDING
            || delivery.status() == Delivery.Status.SENDING
            || delivery.status() == Delivery.Status.HANDING_OVER;
    boolean acted = touchOutcome == Touch.Status.DONE || touchOutcome == Touch.Status.UNCERTAIN;
    return inFlight && acted && delivery.updatedAt().isBefore(now) ? delivery.updatedAt() : now;
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
                .map((rs, ctx) -> delivery(rs))
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
                .map((rs, ctx) -> delivery(rs))
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

  private static final String CURSOR = "prospect_event";

  @Override
  public List<OutcomeEvent> unqueuedOutcomes(Set<String> kinds, int limit) {
    return db.write(
        h -> {
          Optional<Long> cursor =
              h.createQuery("SELECT last_id FROM webhook_cursor WHERE name = :name")
                  .bind("name", CURSOR)
                  .mapTo(Long.class)
                  .findOne();
          if (cursor.isEmpty()) {
            h.createUpdate(
                    "INSERT INTO webhook_cursor (name, last_id)"
                        // WHERE: SQLite reads ON CONFLICT after a SELECT only behind one
                        + " SELECT :name, COALESCE(MAX(id), 0) FROM prospect_event WHERE 1 = 1"
                        + " ON CONFLICT (name) DO NOTHING")
                .bind("name", CURSOR)
                .execute();
            return List.of();
          }
          return h.createQuery(
                  "SELECT e.id AS e_id, e.kind AS e_kind, e.channel AS e_channel,"
                      + " e.happened_at AS e_at, e.idempotency_key AS e_key, "
                      + ProspectRows.columns("p", "p_")
                      + " FROM prospect_event e JOIN prospect p ON p.id = e.prospect_id"
                      + " WHERE e.id > :after AND e.kind IN (<kinds>) ORDER BY e.id LIMIT :limit")
              .bind("after", cursor.get())
              .bindList("kinds", List.copyOf(kinds))
              .bind("limit", limit)
              .map(
                  (rs, ctx) ->
                      new OutcomeEvent(
                          rs.getLong("e_id"),
                          rs.getString("e_kind"),
                          rs.getString("e_channel"),
                          Instants.read(rs, "e_at"),
                          rs.getString("e_key"),
                          ProspectRows.map(rs, "p_")))
              .list();
        });
  }

  @Override
  public List<FinishedCampaign> unqueuedFinishedCampaigns(int limit) {
    return db.read(
        h -> {
          List<FinishedCampaign> found =
              h.createQuery(
                      "SELECT c.id, c.name, c.finished_at FROM campaign c"
                          + " WHERE c.status = 'COMPLETED' AND c.finished_at IS NOT NULL"
                          + " AND NOT EXISTS (SELECT 1 FROM webhook_event w"
                          + " WHERE w.event_key = 'campaign.finished:' || c.id || ':' ||"
                          + " c.finished_at)"
                          + " ORDER BY c.finished_at, c.id LIMIT :limit")
                  .bind("limit", limit)
                  .map(
                      (rs, ctx) ->
                          new FinishedCampaign(
                              rs.getLong("id"),
                              rs.getString("name"),
                              Instants.read(rs, "finished_at"),
                              Map.of()))
                  .list();
          List<FinishedCampaign> withCounts = new ArrayList<>();
          for (FinishedCampaign c : found) {
            Map<String, Long> counts = new TreeMap<>();
            h.createQuery(
                    "SELECT status, COUNT(*) AS n FROM enrollment WHERE campaign_id = :id"
                        + " GROUP BY status")
                .bind("id", c.id())
                .map((rs, ctx) -> Map.entry(rs.getString("status"), rs.getLong("n")))
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
            withCounts.add(new FinishedCampaign(c.id(), c.name(), c.finishedAt(), counts));
          }
          return withCounts;
        });
  }

  @Override
  public void queueWebhookEvents(List<WebhookEvent.New> events, long lastSourceId, Instant now) {
    db.write(
        h -> {
          for (WebhookEvent.New e : events) {
            h.createUpdate(
                    "INSERT INTO webhook_event (event_key, prospect_id, type, payload, status,"
                        + " attempts, next_attempt_at, last_error, created_at, updated_at)"
                        + " VALUES (:key, :prospect, :type, :payload, 'PENDING', 0, :now, '',"
                        + " :now, :now) ON CONFLICT (event_key) DO NOTHING")
                .bind("key", e.eventKey())
                .bind("prospect", e.prospectId())
                .bind("type", e.type())
                .bind("payload", e.payload())
                .bind("now", now)
                .execute();
          }
          h.createUpdate(
                  "UPDATE webhook_cursor SET last_id = :last WHERE name = :name AND last_id < :last")
              .bind("last", lastSourceId)
              .bind("name", CURSOR)
              .execute();
          return null;
        });
  }

  @Override
  public List<WebhookEvent> dueWebhookEvents(Instant now, int limit) {
    return db.read(
        h ->
            h.createQuery(
                    "SELECT * FROM webhook_event WHERE status IN ('PENDING', 'SENDING')"
                        + " AND next_attempt_at <= :now ORDER BY next_attempt_at, id LIMIT :limit")
                .bind("now", now)
                .bind("limit", limit)
                .map((rs, ctx) -> webhookEvent(rs))
                .list());
  }

  @Override
  public List<WebhookEvent> deadWebhookEvents(int limit) {
    return db.read(
        h ->
            h.createQuery(
                    "SELECT * FROM webhook_event WHERE status = 'DEAD'"
                        + " ORDER BY updated_at, id LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> webhookEvent(rs))
                .list());
  }

  @Override
  public boolean replayWebhookEvent(long id, Instant now) {
    return db.write(
        h ->
            h.createUpdate(
                        "UPDATE webhook_event SET status = 'PENDING', attempts = 0,"
                            + " next_attempt_at = :now, updated_at = :now"
                            + " WHERE id = :id AND status = 'DEAD'")
                    .bind("now", now)
                    .bind("id", id)
                    .execute()
                > 0);
  }

  private static WebhookEvent webhookEvent(ResultSet rs) throws SQLException {
    return new WebhookEvent(
        rs.getLong("id"),
        rs.getString("event_key"),
        rs.getString("type"),
        rs.getString("payload"),
        rs.getInt("attempts"),
        Instants.read(rs, "created_at"),
        rs.getString("last_error"),
        Instants.read(rs, "updated_at"));
  }

  @Override
  public boolean claimWebhookEvent(long id, int attempts, Instant now, Instant claimUntil) {
    return db.write(
        h ->
            h.createUpdate(
                        "UPDATE webhook_event SET status = 'SENDING', attempts = attempts + 1,"
                            + " next_attempt_at = :until, updated_at = :now"
                            + " WHERE id = :id AND attempts = :attempts"
                            + " AND status IN ('PENDING', 'SENDING') AND next_attempt_at <= :now")
                    .bind("until", claimUntil)
                    .bind("now", now)
                    .bind("id", id)
                    .bind("attempts", attempts)
                    .execute()
                == 1);
  }

  @Override
  public void settleWebhookEvent(
      long id, WebhookEvent.Status status, Instant nextAttemptAt, String error, Instant now) {
    db.write(
        h ->
            h.createUpdate(
                    "UPDATE webhook_event SET status = :status, next_attempt_at = :next,"
                        + " last_error = :error, updated_at = :now WHERE id = :id")
                .bind("status", status.name())
                .bind("next", nextAttemptAt)
                .bind("error", error == null ? "" : error)
                .bind("now", now)
                .bind("id", id)
                .execute());
  }

  private static Delivery delivery(ResultSet rs) throws SQLException {
    return new Delivery(
        rs.getLong("id"),
        rs.getString("touch_key"),
        Delivery.Kind.valueOf(rs.getString("kind")),
        rs.getString("target"),
        Delivery.Status.valueOf(rs.getString("status")),
        rs.getInt("attempts"),
        Instants.read(rs, "next_attempt_at"),
        rs.getString("last_error"),
        Instants.read(rs, "created_at"),
        Instants.read(rs, "updated_at"));
  }
}
