package dev.warmreach.store.jdbc;

import dev.warmreach.store.Analytics;
import dev.warmreach.store.Campaigns;
import dev.warmreach.store.Deliveries;
import dev.warmreach.store.DoNotContactList;
import dev.warmreach.store.EngineSteps;
import dev.warmreach.store.Prospects;
import dev.warmreach.store.ProviderLinks;
import dev.warmreach.store.SenderAccounts;
import dev.warmreach.store.SignalFeed;
import dev.warmreach.store.SimulatedReactions;
import dev.warmreach.store.Store;
import dev.warmreach.store.Touches;
import dev.warmreach.store.UserStore;
import dev.warmreach.store.WorkspaceSettings;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * The store on SQLite or PostgreSQL through JDBI: one code path, with the few differences kept in a
 * {@link Dialect}. It composes one adapter per role port ({@link JdbcProspects}, {@link
 * JdbcEngineSteps}, …), all sharing one pool and one way of running transactions, and hands each
 * one out. Thread-safe; each port method runs in one transaction.
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
  private final ProviderLinks providerLinks;
  private final Analytics analytics;
  private final SimulatedReactions reactions;
  private final SignalFeed signals;

  private JdbcStore(Database database, Clock clock, SecretsAtRest secrets) {
    this.database = database;
    Transactions db = database.transactions();
    AddressHash hash = AddressHash.forWorkspace(database.jdbi(), clock);
    this.users = new JdbcUserStore(db, clock);
    this.prospects = new JdbcProspects(db, clock, hash);
    this.doNotContact = new JdbcDoNotContactList(db, clock, hash);
    this.accounts = new JdbcSenderAccounts(db, clock);
    JdbcWorkspaceSettings sealedSettings = new JdbcWorkspaceSettings(db, clock, secrets);
    sealedSettings.sealPlainValues();
    this.settings = sealedSettings;
    this.campaigns = new JdbcCampaigns(db, clock);
    this.steps =
        new JdbcEngineSteps(
            db, hash, database.dialect().lockingStepRows(), database.dialect().writesInWith());
    this.touches = new JdbcTouches(db);
    this.deliveries = new JdbcDeliveries(db);
    this.providerLinks = new JdbcProviderLinks(db);
    this.analytics = new JdbcAnalytics(db);
    this.reactions = new JdbcSimulatedReactions(db, hash);
    this.signals = new JdbcSignalFeed(db);
  }

  /**
   * Opens the database at {@code url}, creating or upgrading its schema.
   *
   * @throws dev.warmreach.domain.UserError when the URL is not supported or the database cannot be
   *     reached
   */
  public static JdbcStore open(String url, Clock clock, SecretsAtRest secrets) {
    Database database = Database.open(url);
    try {
      return new JdbcStore(database, clock, secrets);
    } catch (RuntimeException e) {
      database.pool().close();
      throw e;
    }
  }

  /**
   * Opens the embedded SQLite database kept in {@code home}, creating the folder (0700) if needed,
   * with the secrets' key of {@code secrets}.
   */
  public static JdbcStore openEmbedded(Path home, Clock clock, SecretsAtRest secrets) {
    OwnerOnly.folder(home);
    return open(Dialect.embeddedUrl(home), clock, secrets);
  }

  /**
   * Opens the embedded SQLite database kept in {@code home}, with the secrets' key from the
   * environment or the home folder ({@link SecretsAtRest#forHome}).
   */
  public static JdbcStore openEmbedded(Path home, Clock clock) {
    return openEmbedded(home, clock, SecretsAtRest.forHome(home, System.getenv()));
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
  public SignalFeed signals() {
    return signals;
  }

  @Override
  public void close() {
    database.pool().close();
  }

  @Override
  public Prospects prospects() {
    return prospects;
  }

  @Override
  public DoNotContactList doNotContact() {
    return doNotContact;
  }

  @Override
  public SenderAccounts accounts() {
    return accounts;
  }

  @Override
  public WorkspaceSettings settings() {
    return settings;
  }

  @Override
  public Campaigns campaigns() {
    return campaigns;
  }

  @Override
  public EngineSteps engineSteps() {
    return steps;
  }

  @Override
  public Touches touches() {
    return touches;
  }

  @Override
  public Deliveries deliveries() {
    return deliveries;
  }

  @Override
  public ProviderLinks providerLinks() {
    return providerLinks;
  }

  @Override
  public Analytics analytics() {
    return analytics;
  }

  @Override
  public SimulatedReactions simulatedReactions() {
    return reactions;
  }
}
