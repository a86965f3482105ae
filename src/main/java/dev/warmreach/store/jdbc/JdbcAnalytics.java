package dev.warmreach.store.jdbc;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Touch;
import dev.warmreach.store.Analytics;
import dev.warmreach.store.CampaignStats;
import dev.warmreach.store.DecisionRecord;
import dev.warmreach.store.Operations;
import dev.warmreach.store.WeeklyActivity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/** Counts over campaigns, touches, events and decisions, computed in SQL. Thread-safe. */
final class JdbcAnalytics implements Analytics {

  private final Transactions db;

  JdbcAnalytics(Transactions db) {
    this.db = db;
  }

  @Override
  public CampaignStats campaignStats(long campaignId) {
    return db.read(h -> stats(h, campaignId));
  }

  @Override
  public Map<Long, Map<String, Long>> enrollmentCounts() {
    return db.read(JdbcAnalytics::enrollmentCounts);
  }

  @Override
  public List<WeeklyActivity> weeklyActivity(Long campaignId, Instant since) {
    return db.read(h -> weekly(h, campaignId, since));
  }

  @Override
  public Operations operations(Instant now) {
    return db.read(h -> operations(h, now));
  }

  @Override
  public List<DecisionRecord> decisions(long campaignId, Long prospectId, int limit) {
    return db.read(h -> decisions(h, campaignId, prospectId, limit));
  }

  private static Operations operations(Handle h, Instant now) {
    List<Operations.TouchCount> touches =
        h.createQuery("SELECT channel, status, count(*) FROM touch GROUP BY channel, status")
            .map(
                (rs, ctx) ->
                    new Operations.TouchCount(
                        Channel.valueOf(rs.getString(1)),
                        Touch.Status.valueOf(rs.getString(2)),
                        rs.getLong(3)))
            .list();
    long dueEnrollments =
        h.createQuery(
                "SELECT count(*) FROM enrollment e JOIN campaign c ON c.id = e.campaign_id"
                    + " WHERE e.status = 'ACTIVE' AND e.waiting_channel IS NULL"
                    + " AND c.status = 'ACTIVE' AND e.next_due_at <= :now")
            .bind("now", now)
            .mapTo(Long.class)
            .one();
    long dueTouches =
        h.createQuery("SELECT count(*) FROM touch WHERE status = 'PLANNED' AND due_at <= :now")
            .bind("now", now)
            .mapTo(Long.class)
            .one();
    return new Operations(touches, dueEnrollments, dueTouches);
  }

  private static Map<Long, Map<String, Long>> enrollmentCounts(Handle h) {
    Map<Long, Map<String, Long>> counts = new LinkedHashMap<>();
    h.createQuery(
            "SELECT campaign_id, status, count(*) FROM enrollment GROUP BY campaign_id, status")
        .map((rs, ctx) -> Map.entry(rs.getLong(1), Map.entry(rs.getString(2), rs.getLong(3))))
        .forEach(
            e ->
                counts
                    .computeIfAbsent(e.getKey(), id -> new LinkedHashMap<>())
                    .put(e.getValue().getKey(), e.getValue().getValue()));
    return counts;
  }

  private static CampaignStats stats(Handle h, long campaignId) {
    Map<String, Long> enrollments =
        counts(
            h,
            "SELECT status, count(*) FROM enrollment WHERE campaign_id = :c GROUP BY status",
            campaignId);
    Map<String, Map<String, Long>> totals = CampaignTallies.read(h, campaignId);
    return new CampaignStats(
        enrollments,
        totals.getOrDefault(CampaignTallies.touches(Touch.Status.DONE), Map.of()),
        totals.getOrDefault(CampaignTallies.touches(Touch.Status.PLANNED), Map.of()),
        totals.getOrDefault(CampaignTallies.EVENT, Map.of()),
        totals.getOrDefault(CampaignTallies.REPLY, Map.of()),
        CampaignTallies.variants(totals));
  }

  /** Monday 1970-01-05 00:00 UTC: weeks are counted from it. */
  private static final long FIRST_MONDAY = 4L * 24 * 60 * 60 * 1000;

  private static final long WEEK = 7L * 24 * 60 * 60 * 1000;

  private static List<WeeklyActivity> weekly(Handle h, Long campaignId, Instant since) {
    // Integer division of BIGINTs truncates on SQLite and PostgreSQL alike; the constants are
    // written into the SQL so that the grouped expression is the selected one on PostgreSQL.
    String week = "(%s - " + FIRST_MONDAY + ") / " + WEEK;
    Map<Long, long[]> weeks = new TreeMap<>();
    String touches =
        "SELECT "
            + week.formatted("t.done_at")
            + ", count(*) FROM touch t"
            + (campaignId == null ? "" : " JOIN enrollment e ON e.id = t.enrollment_id")
            + " WHERE t.status = 'DONE' AND t.done_at >= :since"
            + (campaignId == null ? "" : " AND e.campaign_id = :c")
            + " GROUP BY "
            + week.formatted("t.done_at");
    String replies =
        "SELECT "
            + week.formatted("v.happened_at")
            + ", count(*) FROM prospect_event v WHERE v.kind = 'REPLIED' AND v.happened_at >="
            + " :since"
            + (campaignId == null
                ? ""
                : " AND v.prospect_id IN (SELECT prospect_id FROM enrollment WHERE campaign_id ="
                    + " :c)")
            + " GROUP BY "
            + week.formatted("v.happened_at");
    for (int i = 0; i < 2; i++) {
      int column = i;
      Query query = h.createQuery(i == 0 ? touches : replies).bind("since", since);
      if (campaignId != null) {
        query.bind("c", campaignId.longValue());
      }
      query
          .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getLong(2)))
          .forEach(e -> weeks.computeIfAbsent(e.getKey(), k -> new long[2])[column] = e.getValue());
    }
    List<WeeklyActivity> out = new ArrayList<>(weeks.size());
    weeks.forEach(
        (n, counts) ->
            out.add(
                new WeeklyActivity(
                    Instant.ofEpochMilli(FIRST_MONDAY + n * WEEK), counts[0], counts[1])));
    return out;
  }

  private static Map<String, Long> counts(Handle h, String sql, long campaignId) {
    Map<String, Long> counts = new LinkedHashMap<>();
    h.createQuery(sql)
        .bind("c", campaignId)
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
        .forEach(e -> counts.put(e.getKey(), e.getValue()));
    return counts;
  }

  private static List<DecisionRecord> decisions(
      Handle h, long campaignId, Long prospectId, int limit) {
    return h.createQuery(
            "SELECT d.* FROM decision d JOIN enrollment e ON e.id = d.enrollment_id"
                + " WHERE e.campaign_id = :c"
                + (prospectId == null ? "" : " AND d.prospect_id = :p")
                + " ORDER BY d.decided_at DESC, d.id DESC LIMIT :limit")
        .bind("c", campaignId)
        .bind("p", prospectId)
        .bind("limit", limit)
        .map(
            (rs, ctx) ->
                new DecisionRecord(
                    rs.getLong("enrollment_id"),
                    rs.getLong("prospect_id"),
                    rs.getString("step"),
                    rs.getString("kind"),
                    rs.getString("summary"),
                    Instants.read(rs, "decided_at")))
        .list();
  }
}
