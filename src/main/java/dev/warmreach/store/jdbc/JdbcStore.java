package dev.warmreach.store.jdbc;

import dev.warmreach.domain.Campaign;
import dev.warmreach.domain.Channel;
import dev.warmreach.domain.EmailAddress;
import dev.warmreach.domain.Enrollment;
import dev.warmreach.domain.Event;
import dev.warmreach.domain.ProfileUrl;
import dev.warmreach.domain.Prospect;
import dev.warmreach.domain.ProspectProfile;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.domain.Touch;
import dev.warmreach.quota.AccountState;
import dev.warmreach.sequence.Advance;
import dev.warmreach.sequence.ProspectState;
import dev.warmreach.store.Analytics;
import dev.warmreach.store.CampaignStats;
import dev.warmreach.store.Campaigns;
import dev.warmreach.store.DecisionRecord;
import dev.warmreach.store.Deliveries;
import dev.warmreach.store.Delivery;
import dev.warmreach.store.DoNotContactEntry;
import dev.warmreach.store.DoNotContactList;
import dev.warmreach.store.EngineSteps;
import dev.warmreach.store.Operations;
import dev.warmreach.store.OutboundTouch;
import dev.warmreach.store.ProspectQuery;
import dev.warmreach.store.ProspectWrite;
import dev.warmreach.store.Prospects;
import dev.warmreach.store.SenderAccounts;
import dev.warmreach.store.SimulatedReaction;
import dev.warmreach.store.SimulatedReactions;
import dev.warmreach.store.StepWork;
import dev.warmreach.store.Store;
import dev.warmreach.store.StoredCampaign;
import dev.warmreach.store.StoredEvent;
import dev.warmreach.store.Touches;
import dev.warmreach.store.UserStore;
import dev.warmreach.store.WeeklyActivity;
import dev.warmreach.store.WorkspaceSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The store on SQLite or PostgreSQL through JDBI: one code path, with the few differences kept in a
 * {@link Dialect}. It composes one adapter per role port ({@link JdbcProspects}, {@link
 * JdbcEngineSteps}, …), all sharing one pool and one way of running transactions, and passes each
 * call to its role. Thread-safe; every public method runs in one transaction.
 */
public final class JdbcStore implements Store {

  private final Database database;
  private final UserStore users;
  private final Prospects prospects;
  private final DoNotContactList doNotContact;
  private final SenderAccounts accounts;
  private final WorkspaceSettings settings;
  private final Campaigns campaigns;
  private final EngineSteps steps;
  private final Touches touches;
  private final Deliveries deliveries;
  private final Analytics analytics;
  private final SimulatedReactions reactions;

  private JdbcStore(Database database, Clock clock) {
    this.database = database;
    Transactions db = database.transactions();
    AddressHash hash = AddressHash.forWorkspace(database.jdbi(), clock);
    this.users = new JdbcUserStore(db, clock);
    this.prospects = new JdbcProspects(db, clock, hash);
    this.doNotContact = new JdbcDoNotContactList(db, clock, hash);
    this.accounts = new JdbcSenderAccounts(db, clock);
    this.settings = new JdbcWorkspaceSettings(db, clock);
    this.campaigns = new JdbcCampaigns(db, clock);
    this.steps = new JdbcEngineSteps(db);
    this.touches = new JdbcTouches(db);
    this.deliveries = new JdbcDeliveries(db);
    this.analytics = new JdbcAnalytics(db);
    this.reactions = new JdbcSimulatedReactions(db);
  }

  /**
   * Opens the database at {@code url}, creating or upgrading its schema.
   *
   * @throws dev.warmreach.domain.UserError when the URL is not supported or the database cannot be
   *     reached
   */
  public static JdbcStore open(String url, Clock clock) {
    return new JdbcStore(Database.open(url), clock);
  }

  /** Opens the embedded SQLite database kept in {@code home}, creating the folder if needed. */
  public static JdbcStore openEmbedded(Path home, Clock clock) {
    return open(Dialect.embeddedUrl(home), clock);
  }

  /** The server's users, sessions and API tokens, kept in the same database. */
  public UserStore users() {
    return users;
  }

  /** The connections behind this store, for the scheduler that shares its database. */
  public DataSource dataSource() {
    return database.pool();
  }

  @Override
  public void close() {
    database.pool().close();
  }

  @Override
  public ProspectWrite saveProspects(List<ProspectProfile> profiles) {
    return prospects.saveProspects(profiles);
  }

  @Override
  public ProspectWrite previewProspects(List<ProspectProfile> profiles) {
    return prospects.previewProspects(profiles);
  }

  @Override
  public List<Prospect> prospects(ProspectQuery query) {
    return prospects.prospects(query);
  }

  @Override
  public long countProspects(ProspectQuery query) {
    return prospects.countProspects(query);
  }

  @Override
  public Optional<Prospect> prospect(long id) {
    return prospects.prospect(id);
  }

  @Override
  public Map<Long, Prospect> prospectsById(Collection<Long> ids) {
    return prospects.prospectsById(ids);
  }

  @Override
  public Optional<Prospect> prospectByUrl(ProfileUrl url) {
    return prospects.prospectByUrl(url);
  }

  @Override
  public Optional<Prospect> forgetProspect(long id) {
    return prospects.forgetProspect(id);
  }

  @Override
  public Optional<ProspectState> prospectState(long prospectId) {
    return prospects.prospectState(prospectId);
  }

  @Override
  public List<StoredEvent> events(long prospectId) {
    return prospects.events(prospectId);
  }

  @Override
  public boolean addDoNotContact(ProfileUrl url, EmailAddress email, String reason) {
    return doNotContact.addDoNotContact(url, email, reason);
  }

  @Override
  public List<DoNotContactEntry> doNotContactList() {
    return doNotContact.doNotContactList();
  }

  @Override
  public boolean isDoNotContact(ProfileUrl url, EmailAddress email) {
    return doNotContact.isDoNotContact(url, email);
  }

  @Override
  public boolean addAccount(SenderAccount account) {
    return accounts.addAccount(account);
  }

  @Override
  public List<SenderAccount> accounts() {
    return accounts.accounts();
  }

  @Override
  public Optional<SenderAccount> account(String name) {
    return accounts.account(name);
  }

  @Override
  public AccountState ensureAccountState(AccountState initial) {
    return accounts.ensureAccountState(initial);
  }

  @Override
  public Optional<AccountState> accountState(String account) {
    return accounts.accountState(account);
  }

  @Override
  public Optional<String> setting(String name) {
    return settings.setting(name);
  }

  @Override
  public void saveSetting(String name, String json) {
    settings.saveSetting(name, json);
  }

  @Override
  public boolean removeSetting(String name) {
    return settings.removeSetting(name);
  }

  @Override
  public Optional<StoredCampaign> createCampaign(Campaign campaign, String definition) {
    return campaigns.createCampaign(campaign, definition);
  }

  @Override
  public List<StoredCampaign> campaigns() {
    return campaigns.campaigns();
  }

  @Override
  public Optional<StoredCampaign> campaign(String name) {
    return campaigns.campaign(name);
  }

  @Override
  public void setCampaignStatus(long campaignId, Campaign.Status status) {
    campaigns.setCampaignStatus(campaignId, status);
  }

  @Override
  public int enroll(List<Enrollment> enrollments) {
    return campaigns.enroll(enrollments);
  }

  @Override
  public List<Enrollment> enrollments(long campaignId, int limit) {
    return campaigns.enrollments(campaignId, limit);
  }

  @Override
  public List<Enrollment> enrollmentsOf(long prospectId) {
    return campaigns.enrollmentsOf(prospectId);
  }

  @Override
  public List<Enrollment> enrollments(long campaignId, int limit, int offset) {
    return campaigns.enrollments(campaignId, limit, offset);
  }

  @Override
  public long countEnrollments(long campaignId) {
    return campaigns.countEnrollments(campaignId);
  }

  @Override
  public List<Long> dueEnrollments(Instant now, int limit) {
    return steps.dueEnrollments(now, limit);
  }

  @Override
  public int wakeQueued(Instant now, int limit) {
    return steps.wakeQueued(now, limit);
  }

  @Override
  public Optional<Advance> advance(long enrollmentId, Instant now, StepWork work) {
    return steps.advance(enrollmentId, now, work);
  }

  @Override
  public boolean recordEvent(Event event) {
    return steps.recordEvent(event);
  }

  @Override
  public List<Touch> claimTouches(
      String node, Set<Channel> channels, Instant now, Instant claimUntil, int limit) {
    return steps.claimTouches(node, channels, now, claimUntil, limit);
  }

  @Override
  public Optional<Instant> nextDue() {
    return steps.nextDue();
  }

  @Override
  public <T> T together(java.util.function.Supplier<T> work) {
    return steps.together(work);
  }

  @Override
  public Optional<Touch> touch(long id) {
    return touches.touch(id);
  }

  @Override
  public List<Touch> touches(long prospectId) {
    return touches.touches(prospectId);
  }

  @Override
  public List<Touch> plannedTouches(int limit) {
    return touches.plannedTouches(limit);
  }

  @Override
  public List<Touch> dueTouches(Instant dueBy, String account, int limit) {
    return touches.dueTouches(dueBy, account, limit);
  }

  @Override
  public Map<String, Long> countDueTouches(Map<String, Instant> dueBy) {
    return touches.countDueTouches(dueBy);
  }

  @Override
  public boolean finishTouch(
      String idempotencyKey, Touch.Status status, Instant at, String outcome) {
    return touches.finishTouch(idempotencyKey, status, at, outcome);
  }

  @Override
  public boolean finishTouch(String idempotencyKey, Touch.Status status, Instant at) {
    return touches.finishTouch(idempotencyKey, status, at);
  }

  @Override
  public Optional<OutboundTouch> outboundTouch(String touchKey) {
    return deliveries.outboundTouch(touchKey);
  }

  @Override
  public Delivery openDelivery(String touchKey, Delivery.Kind kind, String target, Instant now) {
    return deliveries.openDelivery(touchKey, kind, target, now);
  }

  @Override
  public Optional<Delivery> delivery(long id) {
    return deliveries.delivery(id);
  }

  @Override
  public boolean claimDelivery(
      long id, int attempts, Delivery.Status claimedAs, Instant now, Instant claimUntil) {
    return deliveries.claimDelivery(id, attempts, claimedAs, now, claimUntil);
  }

  @Override
  public void retryDelivery(long id, Instant nextAttemptAt, String error, Instant now) {
    deliveries.retryDelivery(id, nextAttemptAt, error, now);
  }

  @Override
  public boolean settleDelivery(
      long id, Delivery.Status outcome, String reason, Touch.Status touchOutcome, Instant now) {
    return deliveries.settleDelivery(id, outcome, reason, touchOutcome, now);
  }

  @Override
  public List<Delivery> dueDeliveries(Delivery.Kind kind, Instant now, int limit) {
    return deliveries.dueDeliveries(kind, now, limit);
  }

  @Override
  public List<Delivery> deliveries(Delivery.Kind kind, Delivery.Status status, int limit) {
    return deliveries.deliveries(kind, status, limit);
  }

  @Override
  public boolean replayDelivery(long id, Instant now) {
    return deliveries.replayDelivery(id, now);
  }

  @Override
  public CampaignStats campaignStats(long campaignId) {
    return analytics.campaignStats(campaignId);
  }

  @Override
  public Map<Long, Map<String, Long>> enrollmentCounts() {
    return analytics.enrollmentCounts();
  }

  @Override
  public List<WeeklyActivity> weeklyActivity(Long campaignId, Instant since) {
    return analytics.weeklyActivity(campaignId, since);
  }

  @Override
  public Operations operations(Instant now) {
    return analytics.operations(now);
  }

  @Override
  public List<DecisionRecord> decisions(long campaignId, Long prospectId, int limit) {
    return analytics.decisions(campaignId, prospectId, limit);
  }

  @Override
  public void scheduleReactions(List<SimulatedReaction> reactions) {
    this.reactions.scheduleReactions(reactions);
  }

  @Override
  public int applyDueReactions(Instant now, int limit) {
    return reactions.applyDueReactions(now, limit);
  }
}
