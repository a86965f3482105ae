package dev.warmreach.store.jdbc;

import dev.warmreach.domain.Event;
import dev.warmreach.domain.PostLink;
import dev.warmreach.store.SignalFeed;
import java.util.List;

/** The signals feed in SQL. Thread-safe. */
final class JdbcSignalFeed implements SignalFeed {

  private final Transactions db;

  JdbcSignalFeed(Transactions db) {
    this.db = db;
  }

  @Override
  public void recordSignal(Entry entry) {
    db.write(
        h ->
            h.createUpdate(
                    "INSERT INTO signal_feed (idempotency_key, prospect_id, kind, detail,"
                        + " happened_at, outcome, action, post_id, post_url) VALUES (:key, :p,"
                        + " :kind, :detail, :at, :outcome, :action, :postId, :postUrl)"
                        + " ON CONFLICT (idempotency_key) DO NOTHING")
                .bind("key", entry.idempotencyKey())
                .bind("p", entry.prospectId())
                .bind("kind", entry.kind().name())
                .bind("detail", entry.detail())
                .bind("at", entry.at())
                .bind("outcome", entry.outcome().name())
                .bind("action", entry.action())
                .bind("postId", blankAsNull(entry.post().socialId()))
                .bind("postUrl", blankAsNull(entry.post().url()))
                .execute());
  }

  @Override
  public List<Entry> latestSignals(int limit) {
    return db.read(
        h ->
            h.createQuery(
                    "SELECT s.*, p.first_name, p.last_name FROM signal_feed s JOIN prospect p ON"
                        + " p.id = s.prospect_id ORDER BY s.happened_at DESC, s.idempotency_key"
                        + " LIMIT :limit")
                .bind("limit", limit)
                .map(
                    (rs, ctx) ->
                        new Entry(
                            rs.getString("idempotency_key"),
                            rs.getLong("prospect_id"),
                            (rs.getString("first_name") + " " + rs.getString("last_name")).strip(),
                            Event.Signal.Kind.valueOf(rs.getString("kind")),
                            rs.getString("detail"),
                            Instants.read(rs, "happened_at"),
                            Outcome.valueOf(rs.getString("outcome")),
                            rs.getString("action"),
                            new PostLink(rs.getString("post_id"), rs.getString("post_url"))))
                .list());
  }

  private static String blankAsNull(String value) {
    return value.isEmpty() ? null : value;
  }
}
