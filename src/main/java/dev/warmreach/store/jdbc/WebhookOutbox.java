package dev.warmreach.store.jdbc;

import dev.warmreach.store.FinishedCampaign;
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

/**
 * The webhook's outbox in SQL: outcomes and campaign ends read past a cursor, queued once each by
 * key, then attempted, retried and replayed. Kept apart from {@link JdbcDeliveries}, whose rows are
 * deliveries of touches, because these rows are events about prospects and campaigns. Thread-safe.
 */
final class WebhookOutbox {

  private final Transactions db;

  WebhookOutbox(Transactions db) {
    this.db = db;
  }

  private static final String CURSOR = "prospect_event";

  List<OutcomeEvent> unqueuedOutcomes(Set<String> kinds, int limit) {
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

  List<FinishedCampaign> unqueuedFinishedCampaigns(int limit) {
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

  void queueWebhookEvents(List<WebhookEvent.New> events, long lastSourceId, Instant now) {
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

  List<WebhookEvent> dueWebhookEvents(Instant now, int limit) {
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

  List<WebhookEvent> deadWebhookEvents(int limit) {
    return db.read(
        h ->
            h.createQuery(
                    "SELECT * FROM webhook_event WHERE status = 'DEAD'"
                        + " ORDER BY updated_at, id LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> webhookEvent(rs))
                .list());
  }

  boolean replayWebhookEvent(long id, Instant now) {
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

  boolean claimWebhookEvent(long id, int attempts, Instant now, Instant claimUntil) {
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

  void settleWebhookEvent(
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
}
