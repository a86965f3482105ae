package dev.warmreach.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.warmreach.domain.Campaign;
import dev.warmreach.domain.Channel;
import dev.warmreach.domain.EmailAddress;
import dev.warmreach.domain.Enrollment;
import dev.warmreach.domain.Event;
import dev.warmreach.domain.Plan;
import dev.warmreach.domain.ProfileUrl;
import dev.warmreach.domain.Prospect;
import dev.warmreach.domain.ProspectProfile;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.domain.Touch;
import dev.warmreach.domain.UserError;
import dev.warmreach.domain.WorkingHours;
import dev.warmreach.quota.AccountState;
import dev.warmreach.sequence.Advance;
import dev.warmreach.sequence.ProspectState;
import dev.warmreach.store.CampaignStats;
import dev.warmreach.store.DecisionRecord;
import dev.warmreach.store.Delivery;
import dev.warmreach.store.DoNotContactEntry;
import dev.warmreach.store.Operations;
import dev.warmreach.store.OutboundTouch;
import dev.warmreach.store.ProspectQuery;
import dev.warmreach.store.ProspectWrite;
import dev.warmreach.store.SimulatedReaction;
import dev.warmreach.store.StepWork;
import dev.warmreach.store.Store;
import dev.warmreach.store.StoreException;
import dev.warmreach.store.StoredCampaign;
import dev.warmreach.store.StoredEvent;
import dev.warmreach.store.UserStore;
import dev.warmreach.store.WeeklyActivity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.Query;

/**
 * The store on SQLite or PostgreSQL through JDBI: one code path, with the few differences kept in a
 * {@link Dialect}. Thread-safe; every public method runs in one transaction.
 */
public final class JdbcStore implements Store {

  private final Jdbi jdbi;
  private final DataSource dataSource;
  private final Clock clock;
  private final AddressHash hash;
  private final ProspectWriter writer;
  private final CampaignRepository campaigns = new CampaignRepository();
  private final DeliveryRepository deliveries = new DeliveryRepository(campaigns);
  private final UserStore users;
  private final WriteGate writes;

  private JdbcStore(
      Jdbi jdbi, DataSource dataSource, Clock clock, AddressHash hash, WriteGate writes) {
    this.jdbi = jdbi;
    this.writes = writes;
    this.dataSource = dataSource;
    this.clock = clock;
    this.hash = hash;
    this.writer = new ProspectWriter(hash);
    this.users = new JdbcUserStore(jdbi, clock, writes);
  }

  /**
   * Opens the database at {@code url}, creating or upgrading its schema.
   *
   * @throws UserError when the URL is not supported or the database cannot be reached
   */
  public static JdbcStore open(String url, Clock clock) {
    Dialect dialect = Dialect.forUrl(url);
    createParentFolder(url);
    DataSource direct = dialect.dataSource(url);
    checkReachable(url, dialect, direct);
    HikariDataSource dataSource = pooled(direct, dialect);
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .placeholders(dialect.migrationPlaceholders())
          .loggers("slf4j")
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new StoreException(
          "could not prepare the " + dialect.name() + " database at " + url + ": " + e.getMessage(),
          e);
    }
    Jdbi jdbi = Jdbi.create(dataSource);
    return new JdbcStore(
        jdbi,
        dataSource,
        clock,
        new AddressHash(workspaceKey(jdbi, clock)),
        WriteGate.forDialect(dialect));
  }

  /** Opens the embedded SQLite database kept in {@code home}, creating the folder if needed. */
  public static JdbcStore openEmbedded(Path home, Clock clock) {
    return open(Dialect.embeddedUrl(home), clock);
  }

  private static void createParentFolder(String url) {
    if (!url.startsWith("jdbc:sqlite:")) {
      return;
    }
    String file = url.substring("jdbc:sqlite:".length()).replaceFirst("\\?.*$", "");
    if (file.isEmpty() || file.equals(":memory:") || file.startsWith("file:")) {
      return;
    }
    Path parent = Path.of(file).toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new UserError(
          "cannot create the data folder "
              + parent
              + " ("
              + e.getMessage()
              + "); choose a writable folder with --home or WARMREACH_HOME",
          e);
    }
  }

  /**
   * Connections are pooled: opening a SQLite file and applying its settings costs more than most
   * queries, and the live engine runs thousands of small transactions.
   */
  private static HikariDataSource pooled(DataSource direct, Dialect dialect) {
    HikariConfig config = new HikariConfig();
    config.setDataSource(direct);
    config.setPoolName("warmreach-" + dialect.name().toLowerCase(java.util.Locale.ROOT));
    config.setMaximumPoolSize(dialect instanceof SqliteDialect ? 4 : 8);
    config.setMinimumIdle(1);
    return new HikariDataSource(config);
  }

  private static void checkReachable(String url, Dialect dialect, DataSource dataSource) {
    try (Connection ignored = dataSource.getConnection()) {
      // reachable
    } catch (SQLException e) {
      throw new UserError(
          "cannot open the "
              + dialect.name()
              + " database at "
              + url
              + ": "
              + e.getMessage()
              + "; check the --db URL and that the database is running",
          e);
    }
  }

  private static byte[] workspaceKey(Jdbi jdbi, Clock clock) {
    return jdbi.inTransaction(
        h -> {
          Optional<String> existing =
              h.createQuery("SELECT hash_key FROM workspace WHERE id = 1")
                  .mapTo(String.class)
                  .findOne();
          if (existing.isPresent()) {
            return HexFormat.of().parseHex(existing.get());
          }
          byte[] key = new byte[32];
          new SecureRandom().nextBytes(key);
          h.createUpdate(
                  "INSERT INTO workspace (id, hash_key, created_at) VALUES (1, :key, :now)"
                      + " ON CONFLICT (id) DO NOTHING")
              .bind("key", HexFormat.of().formatHex(key))
              .bind("now", clock.millis())
              .execute();
          // Another process may have won the race; its key is the one that counts.
          return HexFormat.of()
              .parseHex(
                  h.createQuery("SELECT hash_key FROM workspace WHERE id = 1")
                      .mapTo(String.class)
                      .one());
        });
  }

  /** The server's users, sessions and API tokens, kept in the same database. */
  public UserStore users() {
    return users;
  }

  /** The connections behind this store, for the scheduler that shares its database. */
  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public ProspectWrite saveProspects(List<ProspectProfile> profiles) {
    return inTransaction(h -> writer.save(h, profiles, clock.millis()));
  }

  @Override
  public ProspectWrite previewProspects(List<ProspectProfile> profiles) {
    return withHandle(h -> writer.preview(h, profiles));
  }

  @Override
  public List<Prospect> prospects(ProspectQuery query) {
    return withHandle(
        h ->
            filtered(
                    h,
                    "SELECT " + ProspectRows.COLUMNS + " FROM prospect",
                    query,
                    " ORDER BY id LIMIT :limit OFFSET :offset")
                .bind("limit", query.limit())
                .bind("offset", query.offset())
                .map(ProspectRows::map)
                .list());
  }

  @Override
  public long countProspects(ProspectQuery query) {
    return withHandle(
        h -> filtered(h, "SELECT count(*) FROM prospect", query, "").mapTo(Long.class).one());
  }

  private static Query filtered(Handle h, String select, ProspectQuery query, String tail) {
    List<String> where = new ArrayList<>();
    if (query.text() != null) {
      where.add("search_text LIKE :text ESCAPE '!'");
    }
    if (query.tag() != null) {
      where.add("tags LIKE :tag ESCAPE '!'");
    }
    if (query.seniority() != null) {
      where.add("seniority = :seniority");
    }
    if (query.status() != null) {
      where.add(statusCondition(query.status()));
    }
    String sql = select + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)) + tail;
    Query statement = h.createQuery(sql);
    if (query.text() != null) {
      statement.bind("text", "%" + escapeLike(ProspectRows.searchText(query.text())) + "%");
    }
    if (query.tag() != null) {
      statement.bind("tag", "%|" + escapeLike(query.tag()) + "|%");
    }
    if (query.seniority() != null) {
      statement.bind("seniority", query.seniority().name());
    }
    return statement;
  }

  // Each status is one indexed look-up per prospect: enrollment and prospect_event by prospect_id.
  private static String statusCondition(ProspectQuery.Status status) {
    return switch (status) {
      case NEW ->
          "do_not_contact = FALSE AND NOT EXISTS (SELECT 1 FROM enrollment e"
              + " WHERE e.prospect_id = prospect.id)";
      case ENROLLED ->
          "EXISTS (SELECT 1 FROM enrollment e WHERE e.prospect_id = prospect.id"
              + " AND e.status = 'ACTIVE')";
      case REPLIED ->
          "EXISTS (SELECT 1 FROM prospect_event v WHERE v.prospect_id = prospect.id"
              + " AND v.kind = 'REPLIED')";
      case COMPLETED ->
          "EXISTS (SELECT 1 FROM enrollment e WHERE e.prospect_id = prospect.id"
              + " AND e.status = 'COMPLETED')";
      case DO_NOT_CONTACT -> "do_not_contact = TRUE";
    };
  }

  // What a user types is matched literally, wildcards included. The escape is '!', not a
  // backslash: JDBI's parser reads '\' as an escaped quote, so two such clauses swallowed the
  // parameters between them.
  private static String escapeLike(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  @Override
  public Optional<Prospect> prospect(long id) {
    return withHandle(
        h ->
            h.createQuery("SELECT " + ProspectRows.COLUMNS + " FROM prospect WHERE id = :id")
                .bind("id", id)
                .map(ProspectRows::map)
                .findOne());
  }

  @Override
  public Map<Long, Prospect> prospectsById(Collection<Long> ids) {
    Map<Long, Prospect> found = new HashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    withHandle(
            h ->
                h.createQuery(
                        "SELECT " + ProspectRows.COLUMNS + " FROM prospect WHERE id IN (<ids>)")
                    .bindList("ids", List.copyOf(new LinkedHashSet<>(ids)))
                    .map(ProspectRows::map)
                    .list())
        .forEach(p -> found.put(p.id(), p));
    return found;
  }

  @Override
  public Optional<Prospect> prospectByUrl(ProfileUrl url) {
    return withHandle(
        h ->
            h.createQuery(
                    "SELECT " + ProspectRows.COLUMNS + " FROM prospect WHERE profile_url = :url")
                .bind("url", url.value())
                .map(ProspectRows::map)
                .findOne());
  }

  @Override
  public Optional<Prospect> forgetProspect(long id) {
    return inTransaction(
        h -> {
          Optional<Prospect> found =
              h.createQuery("SELECT " + ProspectRows.COLUMNS + " FROM prospect WHERE id = :id")
                  .bind("id", id)
                  .map(ProspectRows::map)
                  .findOne();
          found.ifPresent(
              prospect -> {
                ProspectProfile profile = prospect.profile();
                if (profile.profileUrl() != null) {
                  insertDoNotContact(
                      h, hash.of(profile.profileUrl()), "profile", "", "erased on request");
                }
                if (profile.email() != null) {
                  insertDoNotContact(h, hash.of(profile.email()), "email", "", "erased on request");
                }
                h.createUpdate("DELETE FROM prospect WHERE id = :id").bind("id", id).execute();
              });
          return found;
        });
  }

  @Override
  public boolean addAccount(SenderAccount account) {
    return inTransaction(
        h ->
            h.createUpdate(
                        "INSERT INTO sender_account (name, plan, weekly_invitation_cap,"
                            + " monthly_inmail_credits, time_zone, working_hours, created_at)"
                            + " VALUES (:name, :plan, :weekly, :credits, :zone, :hours, :now)"
                            + " ON CONFLICT (name) DO NOTHING")
                    .bind("name", account.name())
                    .bind("plan", account.plan().name())
                    .bind("weekly", account.weeklyInvitationCap())
                    .bind("credits", account.monthlyInmailCredits())
                    .bind("zone", account.timeZone().getId())
                    .bind("hours", account.workingHours().toString())
                    .bind("now", clock.millis())
                    .execute()
                == 1);
  }

  @Override
  public List<SenderAccount> accounts() {
    return withHandle(
        h ->
            h.createQuery("SELECT * FROM sender_account ORDER BY name")
                .map((rs, ctx) -> account(rs))
                .list());
  }

  @Override
  public Optional<SenderAccount> account(String name) {
    return withHandle(
        h ->
            h.createQuery("SELECT * FROM sender_account WHERE name = :name")
                .bind("name", name)
                .map((rs, ctx) -> account(rs))
                .findOne());
  }

  private static SenderAccount account(java.sql.ResultSet rs) throws SQLException {
    return new SenderAccount(
        rs.getString("name"),
        Plan.valueOf(rs.getString("plan")),
        rs.getInt("weekly_invitation_cap"),
        rs.getInt("monthly_inmail_credits"),
        ZoneId.of(rs.getString("time_zone")),
        WorkingHours.parse(rs.getString("working_hours")));
  }

  @Override
  public boolean addDoNotContact(ProfileUrl url, EmailAddress email, String reason) {
    if ((url == null) == (email == null)) {
      throw new IllegalArgumentException("exactly one of url and email");
    }
    return inTransaction(
        h -> {
          boolean added =
              url != null
                  ? insertDoNotContact(h, hash.of(url), "profile", url.value(), reason)
                  : insertDoNotContact(h, hash.of(email), "email", email.value(), reason);
          h.createUpdate(
                  url != null
                      ? "UPDATE prospect SET do_not_contact = TRUE, updated_at = :now"
                          + " WHERE profile_url = :value"
                      : "UPDATE prospect SET do_not_contact = TRUE, updated_at = :now"
                          + " WHERE lower(email) = lower(:value)")
              .bind("value", url != null ? url.value() : email.value())
              .bind("now", clock.millis())
              .execute();
          return added;
        });
  }

  private boolean insertDoNotContact(
      Handle h, String hashValue, String kind, String label, String reason) {
    return h.createUpdate(
                "INSERT INTO do_not_contact (hash, kind, label, reason, added_at)"
                    + " VALUES (:hash, :kind, :label, :reason, :now) ON CONFLICT (hash) DO NOTHING")
            .bind("hash", hashValue)
            .bind("kind", kind)
            .bind("label", label)
            .bind("reason", reason == null ? "" : reason)
            .bind("now", clock.millis())
            .execute()
        == 1;
  }

  @Override
  public List<DoNotContactEntry> doNotContactList() {
    return withHandle(
        h ->
            h.createQuery("SELECT * FROM do_not_contact ORDER BY added_at, hash")
                .map(
                    (rs, ctx) ->
                        new DoNotContactEntry(
                            rs.getString("hash"),
                            rs.getString("kind"),
                            rs.getString("label"),
                            rs.getString("reason"),
                            Instant.ofEpochMilli(rs.getLong("added_at"))))
                .list());
  }

  @Override
  public boolean isDoNotContact(ProfileUrl url, EmailAddress email) {
    List<String> hashes = new ArrayList<>(2);
    if (url != null) {
      hashes.add(hash.of(url));
    }
    if (email != null) {
      hashes.add(hash.of(email));
    }
    if (hashes.isEmpty()) {
      return false;
    }
    return withHandle(
        h ->
            h.createQuery("SELECT count(*) FROM do_not_contact WHERE hash IN (<hashes>)")
                    .bindList("hashes", hashes)
                    .mapTo(Long.class)
                    .one()
                > 0);
  }

  @Override
  public Optional<StoredCampaign> createCampaign(Campaign campaign, String definition) {
    return inTransaction(h -> campaigns.create(h, campaign, definition, clock.millis()));
  }

  @Override
  public List<StoredCampaign> campaigns() {
    return withHandle(campaigns::campaigns);
  }

  @Override
  public Optional<StoredCampaign> campaign(String name) {
    return withHandle(h -> campaigns.campaign(h, name));
  }

  @Override
  public void setCampaignStatus(long campaignId, Campaign.Status status) {
    inTransaction(
        h -> {
          campaigns.setStatus(h, campaignId, status);
          return null;
        });
  }

  @Override
  public int enroll(List<Enrollment> enrollments) {
    return inTransaction(h -> campaigns.enroll(h, enrollments));
  }

  @Override
  public AccountState ensureAccountState(AccountState initial) {
    return inTransaction(h -> campaigns.ensureAccountState(h, initial));
  }

  @Override
  public Optional<AccountState> accountState(String account) {
    return withHandle(h -> campaigns.accountState(h, account));
  }

  @Override
  public List<Long> dueEnrollments(Instant now, int limit) {
    return withHandle(h -> campaigns.due(h, now, limit));
  }

  @Override
  public int wakeQueued(Instant now, int limit) {
    return inTransaction(h -> campaigns.wakeQueued(h, now, limit));
  }

  @Override
  public Optional<Advance> advance(long enrollmentId, Instant now, StepWork work) {
    try {
      return inTransaction(
          h ->
              campaigns.advance(
                  h,
                  enrollmentId,
                  now,
                  work,
                  name ->
                      h.createQuery("SELECT * FROM sender_account WHERE name = :name")
                          .bind("name", name)
                          .map((rs, ctx) -> account(rs))
                          .one()));
    } catch (CampaignRepository.LostRace lost) {
      return Optional.empty();
    }
  }

  @Override
  public boolean recordEvent(Event event) {
    return inTransaction(h -> campaigns.recordEvent(h, event));
  }

  @Override
  public List<Touch> plannedTouches(int limit) {
    return withHandle(h -> campaigns.planned(h, limit));
  }

  @Override
  public List<Touch> claimTouches(
      String node, Set<Channel> channels, Instant now, Instant claimUntil, int limit) {
    if (channels.isEmpty()) {
      return List.of();
    }
    return inTransaction(h -> campaigns.claim(h, node, channels, now, claimUntil, limit));
  }

  @Override
  public boolean finishTouch(String idempotencyKey, Touch.Status status, Instant at) {
    return inTransaction(h -> campaigns.finishTouch(h, idempotencyKey, status, at, null));
  }

  @Override
  public boolean finishTouch(
      String idempotencyKey, Touch.Status status, Instant at, String outcome) {
    return inTransaction(h -> campaigns.finishTouch(h, idempotencyKey, status, at, outcome));
  }

  @Override
  public Optional<String> setting(String name) {
    return withHandle(
        h ->
            h.createQuery("SELECT value FROM setting WHERE name = :name")
                .bind("name", name)
                .mapTo(String.class)
                .findOne());
  }

  @Override
  public void saveSetting(String name, String json) {
    inTransaction(
        h -> {
          h.createUpdate("DELETE FROM setting WHERE name = :name").bind("name", name).execute();
          return h.createUpdate(
                  "INSERT INTO setting (name, value, updated_at) VALUES (:name, :value, :at)")
              .bind("name", name)
              .bind("value", json)
              .bind("at", clock.millis())
              .execute();
        });
  }

  @Override
  public boolean removeSetting(String name) {
    return inTransaction(
        h ->
            h.createUpdate("DELETE FROM setting WHERE name = :name").bind("name", name).execute()
                > 0);
  }

  @Override
  public Operations operations(Instant now) {
    return withHandle(h -> campaigns.operations(h, now));
  }

  @Override
  public Optional<Touch> touch(long id) {
    return withHandle(h -> campaigns.touch(h, id));
  }

  @Override
  public List<Touch> dueTouches(Instant dueBy, String account, int limit) {
    return withHandle(h -> campaigns.dueTouches(h, dueBy, account, limit));
  }

  @Override
  public Map<String, Long> countDueTouches(Map<String, Instant> dueBy) {
    return withHandle(h -> campaigns.countDueTouches(h, dueBy));
  }

  @Override
  public List<Touch> touches(long prospectId) {
    return withHandle(h -> campaigns.touches(h, prospectId));
  }

  @Override
  public List<StoredEvent> events(long prospectId) {
    return withHandle(h -> campaigns.events(h, prospectId));
  }

  @Override
  public Optional<ProspectState> prospectState(long prospectId) {
    return withHandle(h -> campaigns.prospectState(h, prospectId, null));
  }

  @Override
  public List<Enrollment> enrollments(long campaignId, int limit) {
    return withHandle(h -> campaigns.enrollments(h, campaignId, limit));
  }

  @Override
  public List<Enrollment> enrollmentsOf(long prospectId) {
    return withHandle(h -> campaigns.enrollmentsOf(h, prospectId));
  }

  @Override
  public List<Enrollment> enrollments(long campaignId, int limit, int offset) {
    return withHandle(h -> campaigns.enrollments(h, campaignId, limit, offset));
  }

  @Override
  public long countEnrollments(long campaignId) {
    return withHandle(h -> campaigns.countEnrollments(h, campaignId));
  }

  @Override
  public Map<Long, Map<String, Long>> enrollmentCounts() {
    return withHandle(campaigns::enrollmentCounts);
  }

  @Override
  public CampaignStats campaignStats(long campaignId) {
    return withHandle(h -> campaigns.stats(h, campaignId));
  }

  @Override
  public List<WeeklyActivity> weeklyActivity(Long campaignId, Instant since) {
    return withHandle(h -> campaigns.weekly(h, campaignId, since));
  }

  @Override
  public List<DecisionRecord> decisions(long campaignId, Long prospectId, int limit) {
    return withHandle(h -> campaigns.decisions(h, campaignId, prospectId, limit));
  }

  @Override
  public Optional<Instant> nextDue() {
    return withHandle(campaigns::nextDue);
  }

  @Override
  public void scheduleReactions(List<SimulatedReaction> reactions) {
    inTransaction(
        h -> {
          campaigns.scheduleReactions(h, reactions);
          return null;
        });
  }

  @Override
  public int applyDueReactions(Instant now, int limit) {
    return inTransaction(h -> campaigns.applyDueReactions(h, now, limit));
  }

  @Override
  public Optional<OutboundTouch> outboundTouch(String touchKey) {
    return withHandle(h -> deliveries.outboundTouch(h, touchKey));
  }

  @Override
  public Delivery openDelivery(String touchKey, Delivery.Kind kind, String target, Instant now) {
    return inTransaction(h -> deliveries.open(h, touchKey, kind, target, now));
  }

  @Override
  public Optional<Delivery> delivery(long id) {
    return withHandle(h -> deliveries.find(h, id));
  }

  @Override
  public boolean claimDelivery(
      long id, int attempts, Delivery.Status claimedAs, Instant now, Instant claimUntil) {
    return inTransaction(h -> deliveries.claim(h, id, attempts, claimedAs, now, claimUntil));
  }

  @Override
  public void retryDelivery(long id, Instant nextAttemptAt, String error, Instant now) {
    inTransaction(
        h -> {
          deliveries.retry(h, id, nextAttemptAt, error, now);
          return null;
        });
  }

  @Override
  public boolean settleDelivery(
      long id, Delivery.Status outcome, String reason, Touch.Status touchOutcome, Instant now) {
    return inTransaction(h -> deliveries.settle(h, id, outcome, reason, touchOutcome, now));
  }

  @Override
  public List<Delivery> dueDeliveries(Delivery.Kind kind, Instant now, int limit) {
    return withHandle(h -> deliveries.due(h, kind, now, limit));
  }

  @Override
  public List<Delivery> deliveries(Delivery.Kind kind, Delivery.Status status, int limit) {
    return withHandle(h -> deliveries.list(h, kind, status, limit));
  }

  @Override
  public boolean replayDelivery(long id, Instant now) {
    return inTransaction(h -> deliveries.replay(h, id, now));
  }

  @Override
  public void close() {
    if (dataSource instanceof HikariDataSource pool) {
      pool.close();
    }
  }

  private <T> T inTransaction(org.jdbi.v3.core.HandleCallback<T, RuntimeException> work) {
    try {
      return writes.write(() -> jdbi.inTransaction(work));
    } catch (JdbiException e) {
      if (e.getCause() instanceof CampaignRepository.LostRace lost) {
        throw lost;
      }
      throw new StoreException("the database refused a write: " + e.getMessage(), e);
    }
  }

  private <T> T withHandle(org.jdbi.v3.core.HandleCallback<T, RuntimeException> work) {
    try {
      return jdbi.withHandle(work);
    } catch (JdbiException e) {
      throw new StoreException("the database could not be read: " + e.getMessage(), e);
    }
  }
}
