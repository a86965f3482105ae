package dev.warmreach.store.jdbc;

import dev.warmreach.domain.PostLink;
import dev.warmreach.domain.ProspectFacts;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * A prospect's facts read on their own, for {@link JdbcProspects}' states and facts; an engine step
 * reads the same facts as columns of its own query ({@link FactColumns}). Apart from {@link
 * JdbcProspects} because it reads the prospect's events and touches, not their row.
 */
final class ProspectFactsQuery {

  private ProspectFactsQuery() {}

  /**
   * What a message may refer to, in one query: their latest post with a topic and latest signal,
   * and when we first engaged with them and first sent them a request (touches skipped or failed
   * did not happen).
   */
  static ProspectFacts facts(Handle h, long prospectId) {
    Map<String, Object[]> latest = new HashMap<>();
    h.createQuery(
            "SELECT 'E' AS source, kind, detail, happened_at AS at, post_id, post_url FROM"
                + " prospect_event WHERE prospect_id = :p AND kind IN ('POSTPUBLISHED', 'SIGNAL')"
                + " UNION ALL SELECT 'T', channel, '', COALESCE(done_at, due_at), NULL, NULL"
                + " FROM touch"
                + " WHERE prospect_id = :p AND ((channel = 'CONNECT' AND status IN ('PLANNED',"
                + " 'DONE')) OR (channel = 'ENGAGE' AND status = 'DONE'))")
        .bind("p", prospectId)
        .map(
            (rs, ctx) ->
                new Object[] {
                  rs.getString("source"),
                  rs.getString("kind"),
                  rs.getString("detail"),
                  Instants.read(rs, "at"),
                  new PostLink(rs.getString("post_id"), rs.getString("post_url"))
                })
        .forEach(
            row -> {
              String kind = (String) row[1];
              Instant at = (Instant) row[3];
              boolean event = "E".equals(row[0]);
              if (event
                  && kind.equals("POSTPUBLISHED")
                  && ((String) row[2]).isBlank()
                  && ((PostLink) row[4]).none()) {
                return; // a post without a topic or a link gives a touch nothing to name
              }
              Object[] known = latest.get(kind);
              Instant seen = known == null ? null : (Instant) known[3];
              // Posts and signals: the latest counts; our touches: the first.
              if (seen == null || (event ? at.isAfter(seen) : at.isBefore(seen))) {
                latest.put(kind, row);
              }
            });
    Object[] post = latest.get("POSTPUBLISHED");
    Object[] signal = latest.get("SIGNAL");
    Object[] engaged = latest.get("ENGAGE");
    Object[] request = latest.get("CONNECT");
    return new ProspectFacts(
        post == null
            ? null
            : new ProspectFacts.Post((String) post[2], (Instant) post[3], (PostLink) post[4]),
        signal == null ? null : FactColumns.signal((String) signal[2], (Instant) signal[3]),
        "",
        engaged == null ? null : (Instant) engaged[3],
        request == null ? null : (Instant) request[3]);
  }
}
