package dev.warmreach.store.jdbc;

import dev.warmreach.domain.Campaign;
import dev.warmreach.domain.Channel;
import dev.warmreach.domain.ConnectionDegree;
import dev.warmreach.domain.Enrollment;
import dev.warmreach.domain.Event;
import dev.warmreach.domain.Message;
import dev.warmreach.domain.ProspectHistory;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.domain.Touch;
import dev.warmreach.domain.UserError;
import dev.warmreach.quota.AccountState;
import dev.warmreach.sequence.Advance;
import dev.warmreach.sequence.Command;
import dev.warmreach.sequence.EventEffects;
import dev.warmreach.sequence.ProspectState;
import dev.warmreach.store.CampaignStats;
import dev.warmreach.store.DecisionRecord;
import dev.warmreach.store.Operations;
import dev.warmreach.store.SimulatedReaction;
import dev.warmreach.store.StepWork;
import dev.warmreach.store.StoredCampaign;
import dev.warmreach.store.StoredEvent;
import dev.warmreach.store.WeeklyActivity;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/**
 * Campaigns, enrollments, touches, events and decisions in SQL. Each method runs on the handle of
 * the caller's transaction; state moves forward with version checks, so a worker that lost a race
 * finds zero rows updated and gives up its step.
 */
final class CampaignRepository {

  private final AccountQueues queues = new AccountQueues();
  private final CampaignTallies tallies = new CampaignTallies();

  /** Another worker moved the same state first; the transaction is rolled back. */
  static final class LostRace extends RuntimeException {
    LostRace(String what) {
      super(what, null, false, false);
    }
  }

  private static final String ENROLLMENT_COLUMNS =
      "id, campaign_id, prospect_id, sender_account, step, status, entered_step_at, next_due_at,"
          + " version";

  Optional<StoredCampaign> create(Handle h, Campaign c, String definition, long now) {
    Optional<Long> id =
        h.createQuery(
                "INSERT INTO campaign (name, policy, definition, status, created_at) VALUES (:name,"
                    + " :policy, :definition, :status, :now) ON CONFLICT (name) DO NOTHING"
                    + " RETURNING id")
            .bind("name", c.name())
            .bind("policy", c.policy())
            .bind("definition", definition)
            .bind("status", c.status().name())
            .bind("now", now)
            .mapTo(Long.class)
            .findOne();
    if (id.isEmpty()) {
      return Optional.empty();
    }
    for (String account : c.senderAccounts()) {
      h.createUpdate("INSERT INTO campaign_account (campaign_id, account) VALUES (:id, :account)")
          .bind("id", id.get())
          .bind("account", account)
          .execute();
    }
    return campaign(h, c.name());
  }

  List<StoredCampaign> campaigns(Handle h) {
    List<String> names =
        h.createQuery("SELECT name FROM campaign ORDER BY id").mapTo(String.class).list();
    List<StoredCampaign> all = new ArrayList<>();
    for (String name : names) {
      campaign(h, name).ifPresent(all::add);
    }
    return all;
  }

  Optional<StoredCampaign> campaign(Handle h, String name) {
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
                      Instant.ofEpochMilli(rs.getLong("created_at")));
              return new StoredCampaign(campaign, rs.getString("definition"));
            })
        .findOne();
  }

  void setStatus(Handle h, long campaignId, Campaign.Status status) {
    h.createUpdate("UPDATE campaign SET status = :status WHERE id = :id")
        .bind("status", status.name())
        .bind("id", campaignId)
        .execute();
    if (status == Campaign.Status.ACTIVE) {
      queues.campaignResumed(h, campaignId);
    }
  }

  int enroll(Handle h, List<Enrollment> enrollments) {
    int added = 0;
    for (Enrollment e : enrollments) {
      added +=
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
              .bind("entered", e.enteredStepAt().toEpochMilli())
              .bind("due", e.nextDueAt() == null ? null : e.nextDueAt().toEpochMilli())
              .execute();
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
    return added;
  }

  AccountState ensureAccountState(Handle h, AccountState initial) {
    h.createUpdate(
            "INSERT INTO account_state (account, state, version) VALUES (:account, :state, 0)"
                + " ON CONFLICT (account) DO NOTHING")
        .bind("account", initial.name())
        .bind("state", StateJson.write(initial))
        .execute();
    return accountState(h, initial.name()).orElseThrow();
  }

  Optional<AccountState> accountState(Handle h, String account) {
    return h.createQuery("SELECT state FROM account_state WHERE account = :account")
        .bind("account", account)
        .mapTo(String.class)
        .findOne()
        .map(StateJson::account);
  }

  List<Long> due(Handle h, Instant now, int limit) {
    return h.createQuery(
            "SELECT e.id FROM enrollment e JOIN campaign c ON c.id = e.campaign_id"
                + " WHERE e.status = 'ACTIVE' AND e.waiting_channel IS NULL AND c.status = 'ACTIVE'"
                + " AND e.next_due_at <= :now ORDER BY e.next_due_at, e.id LIMIT :limit")
        .bind("now", now.toEpochMilli())
        .bind("limit", limit)
        .mapTo(Long.class)
        .list();
  }

  /** Wakes the oldest member of each account queue that can act again at {@code now}. */
  int wakeQueued(Handle h, Instant now, int limit) {
    return queues.wakeDue(h, now, limit);
  }

  Optional<Advance> advance(
      Handle h, long enrollmentId, Instant now, StepWork work, SenderAccountLookup accounts) {
    Optional<Enrollment> found = enrollment(h, enrollmentId);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Enrollment e = found.get();
    if (!e.isActive() || e.nextDueAt() == null || e.nextDueAt().isAfter(now)) {
      return Optional.empty();
    }
    Versioned<ProspectHistory> history = history(h, e.prospectId());
    ProspectState prospect = prospectState(h, e.prospectId(), history.value()).orElseThrow();
    Versioned<AccountState> account = account(h, e.senderAccount());
    AccountState current = account.value().withAccount(accounts.find(e.senderAccount()));
    Advance advance = work.step(e, prospect, current);
    Enrollment next = advance.enrollment();
    boolean historyChanged = !advance.history().equals(history.value());
    boolean accountChanged = !advance.account().equals(current);
    if (next.equals(e)
        && advance.commands().isEmpty()
        && advance.waitingFor() == null
        && !historyChanged
        && !accountChanged) {
      // Nothing moved: writing would only bump versions, and a pass that writes nothing is idle.
      return Optional.empty();
    }
    Channel waiting = next.isActive() ? advance.waitingFor() : null;
    int moved =
        h.createUpdate(
                "UPDATE enrollment SET step = :step, status = :status, entered_step_at = :entered,"
                    + " next_due_at = :due, waiting_channel = :waiting, version = version + 1"
                    + " WHERE id = :id AND version = :version")
            .bind("step", next.step())
            .bind("status", next.status().name())
            .bind("entered", next.enteredStepAt().toEpochMilli())
            .bind("due", next.nextDueAt() == null ? null : next.nextDueAt().toEpochMilli())
            .bind("waiting", waiting == null ? null : waiting.name())
            .bind("id", e.id())
            .bind("version", e.version())
            .execute();
    if (moved == 0) {
      throw new LostRace("enrollment " + e.id());
    }
    if (historyChanged) {
      saveHistory(h, e.prospectId(), advance.history(), history.version());
    }
    if (accountChanged) {
      saveAccount(h, advance.account(), account.version());
    }
    if (waiting != null) {
      queues.held(h, advance.account(), waiting, now);
    } else if (accountChanged) {
      queues.changed(h, advance.account(), now);
    }
    for (Command command : advance.commands()) {
      if (command instanceof Command.Send send) {
        insertTouch(h, send, now);
        insertDecision(
            h, e.id(), e.prospectId(), send.step(), "SEND", send.decision().summary(), now);
      } else if (command instanceof Command.Decided decided) {
        insertDecision(
            h,
            e.id(),
            e.prospectId(),
            decided.step(),
            decided.decision().getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT),
            decided.decision().summary(),
            now);
      } else if (command instanceof Command.Finished finished) {
        insertDecision(h, e.id(), e.prospectId(), next.step(), "FINISHED", finished.reason(), now);
      }
    }
    return Optional.of(advance);
  }

  /** Finds an account's settings by name. */
  @FunctionalInterface
  interface SenderAccountLookup {
    SenderAccount find(String name);
  }

  private record Versioned<T>(T value, long version) {}

  private Versioned<ProspectHistory> history(Handle h, long prospectId) {
    return h.createQuery("SELECT state, version FROM prospect_history WHERE prospect_id = :id")
        .bind("id", prospectId)
        .map(
            (rs, ctx) ->
                new Versioned<>(StateJson.history(rs.getString("state")), rs.getLong("version")))
        .findOne()
        .orElseThrow(() -> new IllegalStateException("prospect " + prospectId + " has no history"));
  }

  private Versioned<AccountState> account(Handle h, String name) {
    return h.createQuery("SELECT state, version FROM account_state WHERE account = :name")
        .bind("name", name)
        .map(
            (rs, ctx) ->
                new Versioned<>(StateJson.account(rs.getString("state")), rs.getLong("version")))
        .findOne()
        .orElseThrow(() -> new IllegalStateException("account " + name + " has no state"));
  }

  private void saveHistory(Handle h, long prospectId, ProspectHistory history, long version) {
    int saved =
        h.createUpdate(
                "UPDATE prospect_history SET state = :state, version = version + 1"
                    + " WHERE prospect_id = :id AND version = :version")
            .bind("state", StateJson.write(history))
            .bind("id", prospectId)
            .bind("version", version)
            .execute();
    if (saved == 0) {
      throw new LostRace("history of prospect " + prospectId);
    }
  }

  private void saveAccount(Handle h, AccountState account, long version) {
    int saved =
        h.createUpdate(
                "UPDATE account_state SET state = :state, version = version + 1"
                    + " WHERE account = :account AND version = :version")
            .bind("state", StateJson.write(account))
            .bind("account", account.name())
            .bind("version", version)
            .execute();
    if (saved == 0) {
      throw new LostRace("state of account " + account.name());
    }
  }

  private void insertTouch(Handle h, Command.Send send, Instant now) {
    Message message = send.message();
    int inserted =
        h.createUpdate(
                "INSERT INTO touch (enrollment_id, prospect_id, sender_account, step, channel,"
                    + " with_note, template, status, due_at, idempotency_key, reason, variant, subject,"
                    + " body, personalised) VALUES (:enrollment, :prospect, :account, :step,"
                    + " :channel, :note, :template, 'PLANNED', :now, :key, :reason, :variant,"
                    + " :subject, :body, :personalised) ON CONFLICT (idempotency_key) DO NOTHING")
            .bind("enrollment", send.enrollmentId())
            .bind("prospect", send.prospectId())
            .bind("account", send.senderAccount())
            .bind("step", send.step())
            .bind("channel", send.channel().name())
            .bind("note", send.withNote())
            .bind("template", send.template())
            .bind("now", now.toEpochMilli())
            .bind("key", send.idempotencyKey())
            .bind("reason", send.decision().summary())
            .bind("variant", message == null ? null : message.variant())
            .bind("subject", message == null ? null : message.subject())
            .bind("body", message == null ? null : message.body())
            .bind("personalised", message == null ? null : message.personalised())
            .execute();
    if (inserted == 1) {
      tallies.planned(h, send.enrollmentId(), send.channel());
    }
  }

  private void insertDecision(
      Handle h,
      long enrollment,
      long prospect,
      String step,
      String kind,
      String summary,
      Instant now) {
    h.createUpdate(
            "INSERT INTO decision (enrollment_id, prospect_id, step, kind, summary, decided_at)"
                + " VALUES (:e, :p, :step, :kind, :summary, :now)")
        .bind("e", enrollment)
        .bind("p", prospect)
        .bind("step", step)
        .bind("kind", kind)
        .bind("summary", summary)
        .bind("now", now.toEpochMilli())
        .execute();
  }

  Optional<Enrollment> enrollment(Handle h, long id) {
    return h.createQuery("SELECT " + ENROLLMENT_COLUMNS + " FROM enrollment WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> enrollment(rs))
        .findOne();
  }

  List<Enrollment> enrollments(Handle h, long campaignId, int limit) {
    return h.createQuery(
            "SELECT "
                + ENROLLMENT_COLUMNS
                + " FROM enrollment WHERE campaign_id = :c ORDER BY id LIMIT :limit")
        .bind("c", campaignId)
        .bind("limit", limit)
        .map((rs, ctx) -> enrollment(rs))
        .list();
  }

  List<Enrollment> enrollmentsOf(Handle h, long prospectId) {
    return h.createQuery(
            "SELECT " + ENROLLMENT_COLUMNS + " FROM enrollment WHERE prospect_id = :p ORDER BY id")
        .bind("p", prospectId)
        .map((rs, ctx) -> enrollment(rs))
        .list();
  }

  List<Enrollment> enrollments(Handle h, long campaignId, int limit, int offset) {
    return h.createQuery(
            "SELECT "
                + ENROLLMENT_COLUMNS
                + " FROM enrollment WHERE id IN (SELECT id FROM enrollment WHERE campaign_id = :c"
                + " ORDER BY prospect_id LIMIT :limit OFFSET :offset) ORDER BY prospect_id")
        .bind("c", campaignId)
        .bind("limit", limit)
        .bind("offset", offset)
        .map((rs, ctx) -> enrollment(rs))
        .list();
  }

  long countEnrollments(Handle h, long campaignId) {
    return h.createQuery("SELECT count(*) FROM enrollment WHERE campaign_id = :c")
        .bind("c", campaignId)
        .mapTo(Long.class)
        .one();
  }

  private static Enrollment enrollment(ResultSet rs) throws SQLException {
    long due = rs.getLong("next_due_at");
    boolean noDue = rs.wasNull();
    return new Enrollment(
        rs.getLong("id"),
        rs.getLong("campaign_id"),
        rs.getLong("prospect_id"),
        rs.getString("sender_account"),
        rs.getString("step"),
        Enrollment.Status.valueOf(rs.getString("status")),
        Instant.ofEpochMilli(rs.getLong("entered_step_at")),
        noDue ? null : Instant.ofEpochMilli(due),
        rs.getLong("version"));
  }

  Optional<ProspectState> prospectState(Handle h, long prospectId, ProspectHistory known) {
    return h.createQuery("SELECT " + ProspectRows.COLUMNS + " FROM prospect WHERE id = :id")
        .bind("id", prospectId)
        .map(ProspectRows::map)
        .findOne()
        .map(
            p -> {
              ProspectHistory history =
                  known != null
                      ? known
                      : h.createQuery("SELECT state FROM prospect_history WHERE prospect_id = :id")
                          .bind("id", prospectId)
                          .mapTo(String.class)
                          .findOne()
                          .map(StateJson::history)
                          .orElse(ProspectHistory.start(p.profile().degree()));
              return new ProspectState(p.id(), p.profile(), p.doNotContact(), history);
            });
  }

  boolean recordEvent(Handle h, Event event) {
    if (h.createQuery("SELECT count(*) FROM prospect WHERE id = :id")
            .bind("id", event.prospectId())
            .mapTo(Long.class)
            .one()
        == 0) {
      throw new UserError(
          "no prospect " + event.prospectId() + "; events must name a stored prospect");
    }
    int inserted =
        h.createUpdate(
                "INSERT INTO prospect_event (prospect_id, kind, channel, detail, happened_at,"
                    + " idempotency_key) VALUES (:p, :kind, :channel, :detail, :at, :key)"
                    + " ON CONFLICT (idempotency_key) DO NOTHING")
            .bind("p", event.prospectId())
            .bind("kind", kind(event))
            .bind("channel", event instanceof Event.Replied r ? r.channel().name() : null)
            .bind("detail", detail(event))
            .bind("at", event.at().toEpochMilli())
            .bind("key", event.idempotencyKey())
            .execute();
    if (inserted == 0) {
      return false;
    }
    h.createQuery("SELECT state, version FROM prospect_history WHERE prospect_id = :id")
        .bind("id", event.prospectId())
        .map(
            (rs, ctx) ->
                new Versioned<>(StateJson.history(rs.getString("state")), rs.getLong("version")))
        .findOne()
        .ifPresent(
            v -> {
              ProspectHistory after = EventEffects.onHistory(v.value(), event);
              saveHistory(h, event.prospectId(), after, v.version());
              tallies.recorded(h, event, v.value(), after);
            });
    List<String> accounts =
        h.createQuery("SELECT DISTINCT sender_account FROM enrollment WHERE prospect_id = :p")
            .bind("p", event.prospectId())
            .mapTo(String.class)
            .list();
    for (String name : accounts) {
      Versioned<AccountState> account = account(h, name);
      AccountState after = EventEffects.onAccount(account.value(), event);
      if (!after.equals(account.value())) {
        saveAccount(h, after, account.version());
        queues.changed(h, after, event.at());
      }
    }
    h.createUpdate(
            "UPDATE enrollment SET next_due_at = :now, waiting_channel = NULL, version = version + 1"
                + " WHERE prospect_id = :p AND status = 'ACTIVE' AND (next_due_at IS NULL"
                + " OR next_due_at > :now OR waiting_channel IS NOT NULL)")
        .bind("p", event.prospectId())
        .bind("now", event.at().toEpochMilli())
        .execute();
    return true;
  }

  static String kind(Event event) {
    return event.getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT);
  }

  private static String detail(Event event) {
    if (event instanceof Event.Signal s) {
      return s.kind().name() + (s.detail().isEmpty() ? "" : ": " + s.detail());
    }
    if (event instanceof Event.PostPublished p) {
      return p.topic();
    }
    return "";
  }

  List<Touch> planned(Handle h, int limit) {
    return h.createQuery(
            "SELECT * FROM touch WHERE status = 'PLANNED' ORDER BY due_at, id LIMIT :limit")
        .bind("limit", limit)
        .map((rs, ctx) -> touch(rs))
        .list();
  }

  List<Touch> claim(
      Handle h, String node, Set<Channel> channels, Instant now, Instant until, int limit) {
    List<Touch> candidates =
        h.createQuery(
                "SELECT * FROM touch t WHERE t.status = 'PLANNED' AND t.channel IN (<channels>)"
                    + " AND (t.claimed_until IS NULL OR t.claimed_until <= :now OR t.claimed_by ="
                    + " :node) AND NOT EXISTS (SELECT 1 FROM delivery d WHERE d.touch_key ="
                    + " t.idempotency_key AND d.next_attempt_at > :now) ORDER BY t.due_at, t.id"
                    + " LIMIT :limit")
            .bindList("channels", channels.stream().map(Channel::name).toList())
            .bind("now", now.toEpochMilli())
            .bind("node", node)
            .bind("limit", limit)
            .map((rs, ctx) -> touch(rs))
            .list();
    List<Touch> claimed = new ArrayList<>();
    for (Touch touch : candidates) {
      // Re-checked in the update: another node may have claimed it since the select.
      int won =
          h.createUpdate(
                  "UPDATE touch SET claimed_by = :node, claimed_until = :until WHERE id = :id AND"
                      + " status = 'PLANNED' AND (claimed_until IS NULL OR claimed_until <= :now"
                      + " OR claimed_by = :node)")
              .bind("node", node)
              .bind("until", until.toEpochMilli())
              .bind("id", touch.id())
              .bind("now", now.toEpochMilli())
              .execute();
      if (won == 1) {
        claimed.add(touch);
      }
    }
    return claimed;
  }

  List<Touch> touches(Handle h, long prospectId) {
    return h.createQuery("SELECT * FROM touch WHERE prospect_id = :p ORDER BY id")
        .bind("p", prospectId)
        .map((rs, ctx) -> touch(rs))
        .list();
  }

  List<StoredEvent> events(Handle h, long prospectId) {
    return h.createQuery(
            "SELECT id, kind, channel, detail, happened_at FROM prospect_event"
                + " WHERE prospect_id = :p ORDER BY happened_at, id")
        .bind("p", prospectId)
        .map(
            (rs, ctx) -> {
              String channel = rs.getString("channel");
              return new StoredEvent(
                  rs.getLong("id"),
                  rs.getString("kind"),
                  channel == null ? null : Channel.valueOf(channel),
                  rs.getString("detail"),
                  Instant.ofEpochMilli(rs.getLong("happened_at")));
            })
        .list();
  }

  static Touch touch(ResultSet rs) throws SQLException {
    long done = rs.getLong("done_at");
    boolean notDone = rs.wasNull();
    return new Touch(
        rs.getLong("id"),
        rs.getLong("enrollment_id"),
        rs.getLong("prospect_id"),
        rs.getString("sender_account"),
        rs.getString("step"),
        Channel.valueOf(rs.getString("channel")),
        rs.getBoolean("with_note"),
        rs.getString("template"),
        Touch.Status.valueOf(rs.getString("status")),
        Instant.ofEpochMilli(rs.getLong("due_at")),
        notDone ? null : Instant.ofEpochMilli(done),
        rs.getString("idempotency_key"),
        rs.getString("reason"),
        message(rs));
  }

  private static Message message(ResultSet rs) throws SQLException {
    String body = rs.getString("body");
    if (body == null) {
      return null;
    }
    return new Message(
        rs.getString("variant"), rs.getString("subject"), body, rs.getBoolean("personalised"));
  }

  Operations operations(Handle h, Instant now) {
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
            .bind("now", now.toEpochMilli())
            .mapTo(Long.class)
            .one();
    long dueTouches =
        h.createQuery("SELECT count(*) FROM touch WHERE status = 'PLANNED' AND due_at <= :now")
            .bind("now", now.toEpochMilli())
            .mapTo(Long.class)
            .one();
    return new Operations(touches, dueEnrollments, dueTouches);
  }

  Optional<Touch> touch(Handle h, long id) {
    return h.createQuery("SELECT * FROM touch WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> touch(rs))
        .findOne();
  }

  List<Touch> dueTouches(Handle h, Instant dueBy, String account, int limit) {
    return h.createQuery(
            "SELECT * FROM touch WHERE status = 'PLANNED' AND due_at <= :by"
                + (account == null ? "" : " AND sender_account = :account")
                + " ORDER BY due_at, id LIMIT :limit")
        .bind("by", dueBy.toEpochMilli())
        .bind("account", account)
        .bind("limit", limit)
        .map((rs, ctx) -> touch(rs))
        .list();
  }

  Map<String, Long> countDueTouches(Handle h, Map<String, Instant> dueBy) {
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
    long latest = dueBy.values().stream().mapToLong(Instant::toEpochMilli).max().orElseThrow();
    var query =
        h.createQuery(
                "SELECT sender_account, count(*) AS n FROM touch WHERE status = 'PLANNED'"
                    + " AND due_at <= :latest AND sender_account IN (<names>) AND due_at <= "
                    + cases
                    + " GROUP BY sender_account")
            .bind("latest", latest)
            .bindList("names", names);
    for (int i = 0; i < names.size(); i++) {
      query.bind("a" + i, names.get(i)).bind("by" + i, dueBy.get(names.get(i)).toEpochMilli());
    }
    query
        .map((rs, ctx) -> Map.entry(rs.getString("sender_account"), rs.getLong("n")))
        .forEach(e -> counts.put(e.getKey(), e.getValue()));
    return counts;
  }

  /** Puts a failed touch back to planned (its dead letter went out after all). */
  void reopenFailedTouch(Handle h, String key) {
    Optional<Touch> failed =
        h.createQuery("SELECT * FROM touch WHERE idempotency_key = :key AND status = 'FAILED'")
            .bind("key", key)
            .map((rs, ctx) -> touch(rs))
            .findOne();
    if (failed.isEmpty()) {
      return;
    }
    h.createUpdate(
            "UPDATE touch SET status = 'PLANNED', done_at = NULL, outcome = NULL"
                + " WHERE idempotency_key = :key AND status = 'FAILED'")
        .bind("key", key)
        .execute();
    tallies.moved(h, failed.get(), Touch.Status.PLANNED);
  }

  boolean finishTouch(Handle h, String key, Touch.Status status, Instant at, String outcome) {
    Optional<Touch> touch =
        h.createQuery("SELECT * FROM touch WHERE idempotency_key = :key AND status = 'PLANNED'")
            .bind("key", key)
            .map((rs, ctx) -> touch(rs))
            .findOne();
    if (touch.isEmpty()) {
      return false;
    }
    h.createUpdate(
            "UPDATE touch SET status = :status, done_at = :at, outcome = :outcome"
                + " WHERE idempotency_key = :key")
        .bind("status", status.name())
        .bind("at", at.toEpochMilli())
        .bind("outcome", outcome)
        .bind("key", key)
        .execute();
    tallies.moved(h, touch.get(), status);
    if (status == Touch.Status.DONE && touch.get().channel() == Channel.ENGAGE) {
      Versioned<ProspectHistory> history = history(h, touch.get().prospectId());
      saveHistory(h, touch.get().prospectId(), history.value().withEngagement(), history.version());
    }
    return true;
  }

  Map<Long, Map<String, Long>> enrollmentCounts(Handle h) {
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

  CampaignStats stats(Handle h, long campaignId) {
    Map<String, Long> enrollments =
        counts(
            h,
            "SELECT status, count(*) FROM enrollment WHERE campaign_id = :c GROUP BY status",
            campaignId);
    Map<String, Map<String, Long>> totals = tallies.read(h, campaignId);
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

  List<WeeklyActivity> weekly(Handle h, Long campaignId, Instant since) {
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
      Query query = h.createQuery(i == 0 ? touches : replies).bind("since", since.toEpochMilli());
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

  List<DecisionRecord> decisions(Handle h, long campaignId, Long prospectId, int limit) {
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
                    Instant.ofEpochMilli(rs.getLong("decided_at"))))
        .list();
  }

  Optional<Instant> nextDue(Handle h) {
    Long enrollment =
        h.createQuery(
                "SELECT min(e.next_due_at) FROM enrollment e JOIN campaign c ON c.id = e.campaign_id"
                    + " WHERE e.status = 'ACTIVE' AND e.waiting_channel IS NULL"
                    + " AND c.status = 'ACTIVE'")
            .mapTo(Long.class)
            .one();
    Long reaction =
        h.createQuery("SELECT min(due_at) FROM simulated_reaction").mapTo(Long.class).one();
    Long queue = queues.nextWake(h).orElse(null);
    return Arrays.asList(enrollment, reaction, queue).stream()
        .filter(java.util.Objects::nonNull)
        .min(Long::compare)
        .map(Instant::ofEpochMilli);
  }

  void scheduleReactions(Handle h, List<SimulatedReaction> reactions) {
    PreparedBatch batch =
        h.prepareBatch(
            "INSERT INTO simulated_reaction (prospect_id, kind, channel, due_at, idempotency_key)"
                + " VALUES (:p, :kind, :channel, :due, :key) ON CONFLICT (idempotency_key) DO NOTHING");
    for (SimulatedReaction r : reactions) {
      batch
          .bind("p", r.prospectId())
          .bind("kind", r.kind())
          .bind("channel", r.channel().name())
          .bind("due", r.dueAt().toEpochMilli())
          .bind("key", r.idempotencyKey())
          .add();
    }
    if (batch.size() > 0) {
      batch.execute();
    }
  }

  /** Turns due reactions into events, in the caller's transaction: none is lost or doubled. */
  int applyDueReactions(Handle h, Instant now, int limit) {
    List<SimulatedReaction> due =
        h.createQuery(
                "SELECT * FROM simulated_reaction WHERE due_at <= :now ORDER BY due_at, id LIMIT :limit")
            .bind("now", now.toEpochMilli())
            .bind("limit", limit)
            .map(
                (rs, ctx) ->
                    new SimulatedReaction(
                        rs.getLong("prospect_id"),
                        rs.getString("kind"),
                        Channel.valueOf(rs.getString("channel")),
                        Instant.ofEpochMilli(rs.getLong("due_at")),
                        rs.getString("idempotency_key")))
            .list();
    for (SimulatedReaction r : due) {
      recordEvent(h, event(r));
      h.createUpdate("DELETE FROM simulated_reaction WHERE idempotency_key = :key")
          .bind("key", r.idempotencyKey())
          .execute();
    }
    return due.size();
  }

  private static Event event(SimulatedReaction r) {
    return switch (r.kind()) {
      case "ACCEPTED" -> new Event.Accepted(r.prospectId(), r.dueAt(), r.idempotencyKey());
      case "DECLINED" -> new Event.Declined(r.prospectId(), r.dueAt(), r.idempotencyKey());
      case "REPLIED" ->
          new Event.Replied(r.prospectId(), r.dueAt(), r.idempotencyKey(), r.channel());
      case "WITHDRAWN" -> new Event.Withdrawn(r.prospectId(), r.dueAt(), r.idempotencyKey());
      default -> throw new IllegalStateException("unknown simulated reaction " + r.kind());
    };
  }
}
