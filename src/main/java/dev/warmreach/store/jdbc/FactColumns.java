package dev.warmreach.store.jdbc;

import dev.warmreach.domain.Event;
import dev.warmreach.domain.PostLink;
import dev.warmreach.domain.ProspectFacts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * A prospect's facts ({@link ProspectFactsQuery#facts}) as columns of a larger query, so that an
 * engine step reads them with its other inputs instead of in a query of its own (a round trip each
 * on PostgreSQL): their latest post with a topic and latest signal, and when we first engaged with
 * them and first sent them a request (touches skipped or failed did not happen).
 */
final class FactColumns {

  private FactColumns() {}

  /** The columns for the prospect whose id is {@code prospectId}, an SQL expression. */
  static String of(String prospectId) {
    String event =
        " FROM prospect_event WHERE prospect_id = "
            + prospectId
            + " AND kind = '%s'%s"
            + " ORDER BY happened_at DESC, id LIMIT 1)";
    String post =
        event.formatted(
            "POSTPUBLISHED",
            " AND (trim(detail) <> '' OR post_id IS NOT NULL OR post_url IS NOT NULL)");
    String signal = event.formatted("SIGNAL", "");
    // Only the prospect's index narrows: a condition on status let PostgreSQL, without fresh
    // statistics, also scan the index of every planned and done touch (3,000 rows at 1,000).
    String first =
        "(SELECT min(CASE WHEN channel = '%s' AND status %s THEN COALESCE(done_at, due_at) END)"
            + " FROM touch WHERE prospect_id = "
            + prospectId
            + ") AS %s";
    // The post's id and address (neither holds a space) ahead of its topic, in one column.
    return "(SELECT COALESCE(post_id, '') || ' ' || COALESCE(post_url, '') || ' ' || detail"
        + post
        + " AS fact_post, (SELECT happened_at"
        + post
        + " AS fact_post_at, (SELECT detail"
        + signal
        + " AS fact_signal, (SELECT happened_at"
        + signal
        + " AS fact_signal_at, "
        + first.formatted("ENGAGE", "= 'DONE'", "fact_engaged_at")
        + ", "
        + first.formatted("CONNECT", "IN ('PLANNED', 'DONE')", "fact_request_at");
  }

  /** The facts in the current row of {@code rs}. */
  static ProspectFacts read(ResultSet rs) throws SQLException {
    Instant postAt = Instants.read(rs, "fact_post_at");
    Instant signalAt = Instants.read(rs, "fact_signal_at");
    return new ProspectFacts(
        postAt == null ? null : post(rs.getString("fact_post"), postAt),
        signalAt == null ? null : signal(rs.getString("fact_signal"), signalAt),
        "",
        Instants.read(rs, "fact_engaged_at"),
        Instants.read(rs, "fact_request_at"));
  }

  /** A post as {@link #of} reads it: its id, a space, its address, a space, its topic. */
  private static ProspectFacts.Post post(String column, Instant at) {
    String[] parts = column.split(" ", 3);
    return new ProspectFacts.Post(parts[2], at, new PostLink(parts[0], parts[1]));
  }

  /** A signal as stored: its kind, then ": " and its detail when it has one. */
  static ProspectFacts.SignalSeen signal(String stored, Instant at) {
    int colon = stored.indexOf(": ");
    String kind = colon < 0 ? stored : stored.substring(0, colon);
    return new ProspectFacts.SignalSeen(
        Event.Signal.Kind.valueOf(kind.strip()), colon < 0 ? "" : stored.substring(colon + 2), at);
  }
}
