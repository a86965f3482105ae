package dev.warmreach.store.jdbc;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Event;
import dev.warmreach.store.SimulatedReaction;
import dev.warmreach.store.SimulatedReactions;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The simulated network's pending reactions in SQL, for dry runs: each due one becomes a recorded
 * event and leaves the table in the same transaction, so none is lost or doubled. Thread-safe.
 */
final class JdbcSimulatedReactions implements SimulatedReactions {

  private final Transactions db;
  private final AddressHash hash;

  JdbcSimulatedReactions(Transactions db, AddressHash hash) {
    this.db = db;
    this.hash = hash;
  }

  @Override
  public void scheduleReactions(List<SimulatedReaction> reactions) {
    if (reactions.isEmpty()) {
      return;
    }
    // Keyed inserts that skip a repeat: nothing to undo half way, so no savepoint in a run.
    db.writeAtOnce(
        h -> {
          PreparedBatch batch =
              h.prepareBatch(
                  "INSERT INTO simulated_reaction (prospect_id, kind, channel, due_at,"
                      + " idempotency_key) VALUES (:p, :kind, :channel, :due, :key)"
                      + " ON CONFLICT (idempotency_key) DO NOTHING");
          for (SimulatedReaction r : reactions) {
            batch
                .bind("p", r.prospectId())
                .bind("kind", r.kind())
                .bind("channel", r.channel().name())
                .bind("due", r.dueAt())
                .bind("key", r.idempotencyKey())
                .add();
          }
          batch.execute();
          return null;
        });
  }

  @Override
  public PastContact pastContact(long prospectId) {
    // The touches are looked up by person only, their status tested per row: a condition on status
    // let PostgreSQL, without fresh statistics, also scan the index of every touch done (2 ms a
    // touch by the middle of a 10,000-prospect run, growing with every touch).
    return db.read(
        h ->
            h.createQuery(
                    "SELECT (SELECT state FROM prospect_history WHERE prospect_id = :p) AS history,"
                        + " (SELECT max(CASE WHEN status = 'DONE' AND channel NOT IN ('EMAIL',"
                        + " 'ENGAGE') THEN 1 ELSE 0 END) FROM touch WHERE prospect_id = :p)"
                        + " AS linkedin")
                .bind("p", prospectId)
                .map(
                    (rs, ctx) -> {
                      String history = rs.getString("history");
                      return new PastContact(
                          history != null && StateJson.history(history).engaged(),
                          rs.getInt("linkedin") == 1);
                    })
                .one());
  }

  @Override
  public int applyDueReactions(Instant now, int limit) {
    // Read first: a pass with nothing due stays a read (no write, no savepoint). Applying one is
    // idempotent (the event is keyed), so a reaction another node applied since is harmless.
    List<SimulatedReaction> due = db.read(h -> due(h, now, limit));
    if (due.isEmpty()) {
      return 0;
    }
    return db.write(
        h -> {
          for (SimulatedReaction r : due) {
            EventRecords.record(h, event(r), hash);
          }
          h.createUpdate("DELETE FROM simulated_reaction WHERE idempotency_key IN (<keys>)")
              .bindList("keys", due.stream().map(SimulatedReaction::idempotencyKey).toList())
              .execute();
          return due.size();
        });
  }

  private static List<SimulatedReaction> due(Handle h, Instant now, int limit) {
    return h.createQuery(
            "SELECT * FROM simulated_reaction WHERE due_at <= :now ORDER BY due_at, id LIMIT :limit")
        .bind("now", now)
        .bind("limit", limit)
        .map(
            (rs, ctx) ->
                new SimulatedReaction(
                    rs.getLong("prospect_id"),
                    rs.getString("kind"),
                    Channel.valueOf(rs.getString("channel")),
                    Instants.read(rs, "due_at"),
                    rs.getString("idempotency_key")))
        .list();
  }

  private static Event event(SimulatedReaction r) {
    return switch (r.kind()) {
      case Event.Accepted.CODE -> new Event.Accepted(r.prospectId(), r.dueAt(), r.idempotencyKey());
      case Event.Declined.CODE -> new Event.Declined(r.prospectId(), r.dueAt(), r.idempotencyKey());
      case Event.Replied.CODE ->
          new Event.Replied(r.prospectId(), r.dueAt(), r.idempotencyKey(), r.channel());
      case Event.Withdrawn.CODE ->
          new Event.Withdrawn(r.prospectId(), r.dueAt(), r.idempotencyKey());
      default -> throw new IllegalStateException("unknown simulated reaction " + r.kind());
    };
  }
}
