package dev.warmreach.store.jdbc;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.ProspectHistory;
import dev.warmreach.domain.Touch;
import dev.warmreach.store.Touches;
import dev.warmreach.store.jdbc.VersionedStates.Versioned;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/** Planned touches in SQL, for the task inbox and the executors. Thread-safe. */
final class JdbcTouches implements Touches {

  private final Transactions db;

  JdbcTouches(Transactions db) {
    this.db = db;
  }

  @Override
  public Optional<Touch> touch(long id) {
    return db.read(
        h ->
            h.createQuery("SELECT * FROM touch WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> TouchRows.map(rs))
                .findOne());
  }

  @Override
  public List<Touch> touches(long prospectId) {
    return db.read(
        h ->
            h.createQuery("SELECT * FROM touch WHERE prospect_id = :p ORDER BY id")
                .bind("p", prospectId)
                .map((rs, ctx) -> TouchRows.map(rs))
                .list());
  }

  @Override
  public List<Touch> plannedTouches(int limit) {
    return db.read(
        h ->
            h.createQuery(
                    "SELECT * FROM touch WHERE status = 'PLANNED' ORDER BY due_at, id LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> TouchRows.map(rs))
                .list());
  }

  @Override
  public List<Touch> uncertainTouches(int limit) {
    return db.read(
        h ->
            h.createQuery(
                    "SELECT * FROM touch WHERE status = 'UNCERTAIN' ORDER BY done_at, id"
                        + " LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> TouchRows.map(rs))
                .list());
  }

  @Override
  public List<Touch> dueTouches(Instant dueBy, String account, int limit) {
    return db.read(
        h ->
            h.createQuery(
                    "SELECT * FROM touch WHERE status = 'PLANNED' AND due_at <= :by"
                        + (account == null ? "" : " AND sender_account = :account")
                        + " ORDER BY due_at, id LIMIT :limit")
                .bind("by", dueBy)
                .bind("account", account)
                .bind("limit", limit)
                .map((rs, ctx) -> TouchRows.map(rs))
                .list());
  }

  @Override
  public Map<String, Long> countDueTouches(Map<String, Instant> dueBy) {
    Map<String, Long> counts = new TreeMap<>();
    if (dueBy.isEmpty()) {
      return counts;
    }
    // One pass over the planned touches due by the latest time; each account's own time in a CASE.
    StringBuilder cases = new StringBuilder("CASE sender_account");
    List<String> names = new ArrayList<>(dueBy.keySet());
    for (int i = 0; i < names.size(); i++) {
      cases.append(" WHEN :a").append(i).append(" THEN :by").append(i);
      counts.put(names.get(i), 0L);
    }
    cases.append(" ELSE -1 END");
    Instant latest = Collections.max(dueBy.values());
    return db.read(
        h -> {
          var query =
              h.createQuery(
                      "SELECT sender_account, count(*) AS n FROM touch WHERE status = 'PLANNED'"
                          + " AND due_at <= :latest AND sender_account IN (<names>) AND due_at <= "
                          + cases
                          + " GROUP BY sender_account")
                  .bind("latest", latest)
                  .bindList("names", names);
          for (int i = 0; i < names.size(); i++) {
            query.bind("a" + i, names.get(i)).bind("by" + i, dueBy.get(names.get(i)));
          }
          query
              .map((rs, ctx) -> Map.entry(rs.getString("sender_account"), rs.getLong("n")))
              .forEach(e -> counts.put(e.getKey(), e.getValue()));
          return counts;
        });
  }

  @Override
  public Map<Channel, Long> countPlannedTouches() {
    return db.read(
        h -> {
          Map<Channel, Long> counts = new java.util.EnumMap<>(Channel.class);
          h.createQuery(
                  "SELECT channel, count(*) AS n FROM touch WHERE status = 'PLANNED' GROUP BY"
                      + " channel")
              .map(
                  (rs, ctx) -> Map.entry(Channel.valueOf(rs.getString("channel")), rs.getLong("n")))
              .forEach(e -> counts.put(e.getKey(), e.getValue()));
          return counts;
        });
  }

  @Override
  public boolean finishTouch(String idempotencyKey, Touch.Status status, Instant at) {
    return db.write(h -> finish(h, idempotencyKey, status, at, null));
  }

  @Override
  public boolean finishTouch(Touch read, Touch.Status status, Instant at) {
    return db.write(h -> finish(h, read, status, at, null));
  }

  @Override
  public boolean finishDryRunTouch(Touch read, Touch.Status status, Instant at) {
    if (status == Touch.Status.DONE && read.channel() == Channel.ENGAGE) {
      // Also saves the prospect's history over its version, which may have moved meanwhile.
      return db.write(h -> finish(h, read, status, at, null, true));
    }
    // The touch's own update is the only check; its totals follow in the same statement's wake.
    return db.writeAtOnce(h -> finish(h, read, status, at, null, true));
  }

  @Override
  public boolean finishTouch(
      String idempotencyKey, Touch.Status status, Instant at, String outcome) {
    return db.write(h -> finish(h, idempotencyKey, status, at, outcome));
  }

  /** Puts a failed touch back to planned, in the caller's transaction. */
  static void reopenFailed(Handle h, String key) {
    Optional<Touch> failed =
        h.createQuery("SELECT * FROM touch WHERE idempotency_key = :key AND status = 'FAILED'")
            .bind("key", key)
            .map((rs, ctx) -> TouchRows.map(rs))
            .findOne();
    if (failed.isEmpty()) {
      return;
    }
    h.createUpdate(
            "UPDATE touch SET status = 'PLANNED', done_at = NULL, outcome = NULL"
                + " WHERE idempotency_key = :key AND status = 'FAILED'")
        .bind("key", key)
        .execute();
    CampaignTallies.moved(h, failed.get(), Touch.Status.PLANNED, null);
  }

  @Override
  public boolean confirmUncertain(String idempotencyKey, boolean sent, String note) {
    return db.write(
        h -> {
          Optional<Touch> touch = inStatus(h, idempotencyKey, Touch.Status.UNCERTAIN);
          if (touch.isEmpty()) {
            return false;
          }
          h.createUpdate(
                  "UPDATE delivery SET status = :status, last_error = :note"
                      + " WHERE touch_key = :key AND status = 'UNCERTAIN'")
              .bind("status", sent ? "SENT" : "FAILED")
              .bind("note", sent ? "confirmed sent by the user" : note == null ? "" : note)
              .bind("key", idempotencyKey)
              .execute();
          // Confirmed sent, it counts from when it was attempted, as any touch done.
          return finish(
              h,
              touch.get(),
              sent ? Touch.Status.DONE : Touch.Status.FAILED,
              touch.get().doneAt(),
              sent ? null : note);
        });
  }

  private static Optional<Touch> inStatus(Handle h, String key, Touch.Status status) {
    return h.createQuery("SELECT * FROM touch WHERE idempotency_key = :key AND status = :status")
        .bind("key", key)
        .bind("status", status.name())
        .map((rs, ctx) -> TouchRows.map(rs))
        .findOne();
  }

  /** Finishes a planned touch in the caller's transaction, as {@link #finishTouch} does. */
  static boolean finish(Handle h, String key, Touch.Status status, Instant at, String outcome) {
    Optional<Touch> touch = inStatus(h, key, Touch.Status.PLANNED);
    return touch.isPresent() && finish(h, touch.get(), status, at, outcome);
  }

  private static boolean finish(
      Handle h, Touch touch, Touch.Status status, Instant at, String outcome) {
    return finish(h, touch, status, at, outcome, false);
  }

  private static boolean finish(
      Handle h, Touch touch, Touch.Status status, Instant at, String outcome, boolean dryRun) {
    String key = touch.idempotencyKey();
    // Only from the status it was read in: a touch finished meanwhile is not finished twice.
    int changed =
        h.createUpdate(
                "UPDATE touch SET status = :status, done_at = :at, outcome = :outcome"
                    + (dryRun ? ", dry_run = 1" : "")
                    + " WHERE idempotency_key = :key AND status = :was")
            .bind("status", status.name())
            .bind("at", at)
            .bind("outcome", outcome)
            .bind("key", key)
            .bind("was", touch.status().name())
            .execute();
    if (changed == 0) {
      return false;
    }
    CampaignTallies.moved(h, touch, status, at);
    if (status == Touch.Status.DONE && touch.channel() == Channel.ENGAGE) {
      long prospect = touch.prospectId();
      Versioned<ProspectHistory> history = VersionedStates.history(h, prospect);
      VersionedStates.saveHistory(h, prospect, history.value().withEngagement(), history.version());
    }
    return true;
  }
}
