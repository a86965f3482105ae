package dev.warmreach.store.jdbc;

import dev.warmreach.domain.Campaign;
import dev.warmreach.domain.ConnectionDegree;
import dev.warmreach.domain.Enrollment;
import dev.warmreach.domain.ProspectHistory;
import dev.warmreach.store.Campaigns;
import dev.warmreach.store.StoredCampaign;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Campaigns and their enrollments in SQL. Thread-safe. */
final class JdbcCampaigns implements Campaigns {

  private final Transactions db;
  private final Clock clock;

  JdbcCampaigns(Transactions db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public Optional<StoredCampaign> createCampaign(Campaign c, String definition) {
    return db.write(
        h -> {
          Optional<Long> id =
              h.createQuery(
                      "INSERT INTO campaign (name, policy, definition, status, created_at) VALUES"
                          + " (:name, :policy, :definition, :status, :now) ON CONFLICT (name) DO"
                          + " NOTHING RETURNING id")
                  .bind("name", c.name())
                  .bind("policy", c.policy())
                  .bind("definition", definition)
                  .bind("status", c.status().name())
                  .bind("now", clock.instant())
                  .mapTo(Long.class)
                  .findOne();
          if (id.isEmpty()) {
            return Optional.empty();
          }
          for (String account : c.senderAccounts()) {
            h.createUpdate(
                    "INSERT INTO campaign_account (campaign_id, account) VALUES (:id, :account)")
                .bind("id", id.get())
                .bind("account", account)
                .execute();
          }
          return find(h, c.name());
        });
  }

  @Override
  public List<StoredCampaign> campaigns() {
    return db.read(
        h -> {
          List<String> names =
              h.createQuery("SELECT name FROM campaign ORDER BY id").mapTo(String.class).list();
          List<StoredCampaign> all = new ArrayList<>();
          for (String name : names) {
            find(h, name).ifPresent(all::add);
          }
          return all;
        });
  }

  @Override
  public Optional<StoredCampaign> campaign(String name) {
    return db.read(h -> find(h, name));
  }

  private static Optional<StoredCampaign> find(Handle h, String name) {
    return h.createQuery("SELECT * FROM campaign WHERE name = :name")
        .bind("name", name)
        .map(
            (rs, ctx) -> {
              long id = rs.getLong("id");
              List<String> accounts =
                  h.createQuery(
                          "SELECT account FROM campaign_account WHERE campaign_id = :id ORDER BY account")
                      .bind("id", id)
                      .mapTo(String.class)
                      .list();
              Campaign campaign =
                  new Campaign(
                      id,
                      rs.getString("name"),
                      accounts,
                      rs.getString("policy"),
                      "definition",
                      Campaign.Status.valueOf(rs.getString("status")),
                      Instants.read(rs, "created_at"));
              return new StoredCampaign(campaign, rs.getString("definition"));
            })
        .findOne();
  }

  @Override
  public void setCampaignStatus(long campaignId, Campaign.Status status) {
    db.run(
        h -> {
          h.createUpdate("UPDATE campaign SET status = :status WHERE id = :id")
              .bind("status", status.name())
              .bind("id", campaignId)
              .execute();
          if (status == Campaign.Status.ACTIVE) {
            AccountQueues.campaignResumed(h, campaignId);
          }
        });
  }

  @Override
  public int completeFinishedCampaigns(Instant now) {
    return db.write(
        h ->
            h.createUpdate(
                    "UPDATE campaign SET status = 'COMPLETED', finished_at = :now"
                        + " WHERE status = 'ACTIVE'"
                        + " AND EXISTS (SELECT 1 FROM enrollment e WHERE e.campaign_id = campaign.id)"
                        + " AND NOT EXISTS (SELECT 1 FROM enrollment e"
                        + " WHERE e.campaign_id = campaign.id AND e.status = 'ACTIVE')"
                        // the campaign that takes signals keeps running: more people may come
                        + " AND NOT EXISTS (SELECT 1 FROM setting s WHERE s.name = 'signals.campaign'"
                        + " AND s.value = '\"' || campaign.name || '\"')")
                .bind("now", now)
                .execute());
  }

  @Override
  public int enroll(List<Enrollment> enrollments) {
    return db.write(h -> enroll(h, enrollments));
  }

  private static int enroll(Handle h, List<Enrollment> enrollments) {
    int added = 0;
    java.util.Set<Long> joined = new java.util.TreeSet<>();
    for (Enrollment e : enrollments) {
      int inserted =
          h.createUpdate(
                  "INSERT INTO enrollment (campaign_id, prospect_id, sender_account, step, status,"
                      + " entered_step_at, next_due_at, version) VALUES (:campaign, :prospect,"
                      + " :account, :step, :status, :entered, :due, 0)"
                      + " ON CONFLICT (campaign_id, prospect_id) DO NOTHING")
              .bind("campaign", e.campaignId())
              .bind("prospect", e.prospectId())
              .bind("account", e.senderAccount())
              .bind("step", e.step())
              .bind("status", e.status().name())
              .bind("entered", e.enteredStepAt())
              .bindByType("due", e.nextDueAt(), Instant.class)
              .execute();
      added += inserted;
      if (inserted > 0) {
        joined.add(e.campaignId());
      }
      String degree =
          h.createQuery("SELECT degree FROM prospect WHERE id = :id")
              .bind("id", e.prospectId())
              .mapTo(String.class)
              .one();
      h.createUpdate(
              "INSERT INTO prospect_history (prospect_id, state, version) VALUES (:id, :state, 0)"
                  + " ON CONFLICT (prospect_id) DO NOTHING")
          .bind("id", e.prospectId())
          .bind("state", StateJson.write(ProspectHistory.start(ConnectionDegree.valueOf(degree))))
          .execute();
    }
    for (long campaignId : joined) {
      reopenIfCompleted(h, campaignId);
    }
    return added;
  }

  /**
   * A completed campaign someone new joins runs again: ACTIVE, its finishing time cleared, so it
   * completes (and tells the webhook) anew when they finish too.
   */
  private static void reopenIfCompleted(Handle h, long campaignId) {
    int reopened =
        h.createUpdate(
                "UPDATE campaign SET status = 'ACTIVE', finished_at = NULL"
                    + " WHERE id = :id AND status = 'COMPLETED'")
            .bind("id", campaignId)
            .execute();
    if (reopened > 0) {
      AccountQueues.campaignResumed(h, campaignId);
    }
  }

  @Override
  public List<Enrollment> enrollments(long campaignId, int limit) {
    return db.read(
        h ->
            h.createQuery(
                    "SELECT "
                        + EnrollmentRows.COLUMNS
                        + " FROM enrollment WHERE campaign_id = :c ORDER BY id LIMIT :limit")
                .bind("c", campaignId)
                .bind("limit", limit)
                .map((rs, ctx) -> EnrollmentRows.map(rs))
                .list());
  }

  @Override
  public List<Enrollment> enrollmentsOf(long prospectId) {
    return db.read(
        h ->
            h.createQuery(
                    "SELECT "
                        + EnrollmentRows.COLUMNS
                        + " FROM enrollment WHERE prospect_id = :p ORDER BY id")
                .bind("p", prospectId)
                .map((rs, ctx) -> EnrollmentRows.map(rs))
                .list());
  }

  @Override
  public List<Enrollment> enrollments(long campaignId, int limit, int offset) {
    return db.read(
        h ->
            h.createQuery(
                    "SELECT "
                        + EnrollmentRows.COLUMNS
                        + " FROM enrollment WHERE id IN (SELECT id FROM enrollment WHERE"
                        + " campaign_id = :c ORDER BY prospect_id LIMIT :limit OFFSET :offset)"
                        + " ORDER BY prospect_id")
                .bind("c", campaignId)
                .bind("limit", limit)
                .bind("offset", offset)
                .map((rs, ctx) -> EnrollmentRows.map(rs))
                .list());
  }

  @Override
  public long countEnrollments(long campaignId) {
    return db.read(
        h ->
            h.createQuery("SELECT count(*) FROM enrollment WHERE campaign_id = :c")
                .bind("c", campaignId)
                .mapTo(Long.class)
                .one());
  }
}
