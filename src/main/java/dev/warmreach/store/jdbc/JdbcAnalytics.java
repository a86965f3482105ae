package dev.warmreach.store.jdbc;

import dev.warmreach.domain.ActivityLevel;
import dev.warmreach.domain.Channel;
import dev.warmreach.domain.ConnectionDegree;
import dev.warmreach.domain.Seniority;
import dev.warmreach.domain.Touch;
import dev.warmreach.store.Analytics;
import dev.warmreach.store.CampaignStats;
import dev.warmreach.store.DecisionRecord;
import dev.warmreach.store.Delivery;
import dev.warmreach.store.Operations;
import dev.warmreach.store.OutcomeCount;
import dev.warmreach.store.TagCarriers;
import dev.warmreach.store.WeeklyActivity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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

  /**
   * One row per touch, then counted: a request succeeded when the person accepted after it; a
   * message, InMail or email when they answered after it on its channel (or on no channel named; a
   * DM also by an answer to the request's note). Warm: a warm-up was carried out before it.
   */
  private static final String OUTCOMES =
      "SELECT campaign_id, seniority, activity, has_email, degree, tags, channel, warm, count(*),"
          + " sum(CASE WHEN closed = 1 AND success = 1 THEN 1 ELSE 0 END),"
          + " sum(CASE WHEN closed = 1 AND success = 0 THEN 1 ELSE 0 END)"
          + " FROM (SELECT e.campaign_id, p.seniority, p.activity,"
          + " CASE WHEN p.email IS NULL THEN 0 ELSE 1 END AS has_email, p.degree, p.tags,"
          + " t.channel,"
          + " CASE WHEN EXISTS (SELECT 1 FROM touch w WHERE w.prospect_id = t.prospect_id"
          + " AND w.channel = 'ENGAGE' AND w.status = 'DONE' AND w.done_at < t.done_at)"
          + " THEN 1 ELSE 0 END AS warm,"
          + " CASE WHEN t.done_at <= :closed THEN 1 ELSE 0 END AS closed,"
          + " CASE WHEN EXISTS (SELECT 1 FROM prospect_event v WHERE v.prospect_id = t.prospect_id"
          + " AND v.happened_at >= t.done_at AND ((t.channel = 'CONNECT' AND v.kind = 'ACCEPTED')"
          + " OR (t.channel <> 'CONNECT' AND v.kind = 'REPLIED' AND (v.channel IS NULL"
          + " OR v.channel = t.channel OR (t.channel = 'DM' AND v.channel = 'CONNECT')))))"
          + " THEN 1 ELSE 0 END AS success"
          + " FROM touch t JOIN enrollment e ON e.id = t.enrollment_id"
          + " JOIN prospect p ON p.id = t.prospect_id"
          + " WHERE t.status = 'DONE' AND t.channel IN ('CONNECT', 'DM', 'INMAIL', 'EMAIL')) x"
          + " GROUP BY campaign_id, seniority, activity, has_email, degree, tags, channel, warm";

  @Override
  public List<OutcomeCount> outcomeCounts(Instant closedBefore) {
    return db.read(
        h ->
            h.createQuery(OUTCOMES)
                .bind("closed", closedBefore)
                .map(
                    (rs, ctx) ->
                        new OutcomeCount(
                            rs.getLong(1),
                            Seniority.valueOf(rs.getString(2)),
                            ActivityLevel.valueOf(rs.getString(3)),
                            rs.getInt(4) == 1,
                            ConnectionDegree.valueOf(rs.getString(5)),
                            ProspectRows.decodeTags(rs.getString(6)),
                            Channel.valueOf(rs.getString(7)),
                            rs.getInt(8) == 1,
                            rs.getLong(9),
                            rs.getLong(10),
                            rs.getLong(11)))
                .list());
  }

  @Override
  public Map<Long, TagCarriers> tagCarriers() {
    Map<Long, Map<String, Long>> carriers = new HashMap<>();
    Map<Long, Long> prospects = new HashMap<>();
    db.read(
            h ->
                h.createQuery(
                        "SELECT e.campaign_id, p.tags, count(*) FROM enrollment e"
                            + " JOIN prospect p ON p.id = e.prospect_id"
                            + " GROUP BY e.campaign_id, p.tags")
                    .map(
                        (rs, ctx) ->
                            new Object[] {
                              rs.getLong(1), ProspectRows.decodeTags(rs.getString(2)), rs.getLong(3)
                            })
                    .list())
        .forEach(
            row -> {
              long campaign = (Long) row[0];
              long n = (Long) row[2];
              prospects.merge(campaign, n, Long::sum);
              Map<String, Long> tags = carriers.computeIfAbsent(campaign, id -> new HashMap<>());
              for (Object tag : (java.util.Set<?>) row[1]) {
                tags.merge((String) tag, n, Long::sum);
              }
            });
    Map<Long, TagCarriers> out = new HashMap<>();
    prospects.forEach(
        (campaign, n) -> out.put(campaign, new TagCarriers(n, carriers.get(campaign))));
    return out;
  }

  private static Operations operations(Handle h, Instant now) {
    List<Operations.TouchCount> touches =
        h.createQuery(
                "SELECT channel, status, dry_run, count(*) FROM touch"
                    + " GROUP BY channel, status, dry_run")
            .map(
                (rs, ctx) ->
                    new Operations.TouchCount(
                        Channel.valueOf(rs.getString(1)),
                        Touch.Status.valueOf(rs.getString(2)),
                        rs.getInt(3) != 0,
                        rs.getLong(4)))
            .list();
    Map<Delivery.Status, Long> providerCalls = new java.util.EnumMap<>(Delivery.Status.class);
    h.createQuery("SELECT status, count(*) FROM delivery WHERE kind = 'PROVIDER' GROUP BY status")
        .map((rs, ctx) -> Map.entry(Delivery.Status.valueOf(rs.getString(1)), rs.getLong(2)))
        .forEach(e -> providerCalls.put(e.getKey(), e.getValue()));
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
    return new Operations(touches, dueEnrollments, dueTouches, providerCalls);
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

  /**
   * Touches and replies per week from the running totals: a few rows per campaign and week, however
   * many touches. All campaigns' figures are the sum of each one's, as the overall funnel is: a
   * reply counts once for each campaign that had reached the person.
   */
  private static List<WeeklyActivity> weekly(Handle h, Long campaignId, Instant since) {
    long first = Long.parseLong(CampaignTallies.week(since));
    if (since.isAfter(CampaignTallies.weekStart(Long.toString(first)))) {
      first++; // a week that began before since is not wholly after it
    }
    long from = first;
    Map<Long, long[]> weeks = new TreeMap<>();
    Query query =
        h.createQuery(
                "SELECT measure, item, sum(n) FROM campaign_tally WHERE measure IN (:sent, :replied)"
                    + (campaignId == null ? "" : " AND campaign_id = :c")
                    + " GROUP BY measure, item")
            .bind("sent", CampaignTallies.WEEK_SENT)
            .bind("replied", CampaignTallies.WEEK_REPLIED);
    if (campaignId != null) {
      query.bind("c", campaignId.longValue());
    }
    query
        .map(
            (rs, ctx) ->
                new Object[] {rs.getString(1), Long.parseLong(rs.getString(2)), rs.getLong(3)})
        .forEach(
            row -> {
              long week = (Long) row[1];
              long n = (Long) row[2];
              if (week >= from && n != 0) {
                int column = CampaignTallies.WEEK_SENT.equals(row[0]) ? 0 : 1;
                weeks.computeIfAbsent(week, k -> new long[2])[column] = n;
              }
            });
    List<WeeklyActivity> out = new ArrayList<>(weeks.size());
    weeks.forEach(
        (n, counts) ->
            out.add(
                new WeeklyActivity(
                    CampaignTallies.weekStart(Long.toString(n)), counts[0], counts[1])));
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
    // One person's are found through their enrollment, not among all of the campaign's; the
    // campaign's latest walk the decisions newest first (decision_latest) until enough are found.
    // CROSS JOIN makes SQLite keep the decisions as the outer loop (PostgreSQL plans it as JOIN),
    // instead of sorting every decision of every enrollment of the campaign.
    return h.createQuery(
            prospectId == null
                ? "SELECT d.* FROM decision d CROSS JOIN enrollment e WHERE e.id = d.enrollment_id"
                    + " AND e.campaign_id = :c ORDER BY d.decided_at DESC, d.id DESC LIMIT :limit"
                : "SELECT d.* FROM decision d WHERE d.enrollment_id = (SELECT id FROM enrollment"
                    + " WHERE campaign_id = :c AND prospect_id = :p)"
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
