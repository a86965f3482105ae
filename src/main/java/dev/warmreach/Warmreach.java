package dev.warmreach;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.warmreach.coachdata.PhraseBooks;
import dev.warmreach.definition.CampaignFile;
import dev.warmreach.execute.Executor;
import dev.warmreach.execute.OpenHours;
import dev.warmreach.execute.RoutedExecutor;
import dev.warmreach.execute.outbound.OutboundSettings;
import dev.warmreach.execute.provider.ProviderExecutor;
import dev.warmreach.execute.provider.ProviderSetup;
import dev.warmreach.execute.provider.ProviderWatch;
import dev.warmreach.execute.simulated.DeliveryLog;
import dev.warmreach.execute.simulated.SimulatedExecutor;
import dev.warmreach.execute.simulated.SimulatedSignals;
import dev.warmreach.forecast.CampaignForecast;
import dev.warmreach.importer.ProspectImport;
import dev.warmreach.live.CampaignEngines;
import dev.warmreach.live.CampaignPlan;
import dev.warmreach.live.CampaignSetup;
import dev.warmreach.live.LiveEngine;
import dev.warmreach.live.OutreachAnalytics;
import dev.warmreach.live.SignalIntake;
import dev.warmreach.live.SignalSource;
import dev.warmreach.live.TaskInbox;
import dev.warmreach.message.Coach;
import dev.warmreach.simulation.Truth;
import dev.warmreach.store.Analytics;
import dev.warmreach.store.Campaigns;
import dev.warmreach.store.Deliveries;
import dev.warmreach.store.DoNotContactList;
import dev.warmreach.store.EngineSteps;
import dev.warmreach.store.Prospects;
import dev.warmreach.store.ProviderLinks;
import dev.warmreach.store.SenderAccounts;
import dev.warmreach.store.Store;
import dev.warmreach.store.Touches;
import dev.warmreach.store.UserStore;
import dev.warmreach.store.jdbc.JdbcStore;
import dev.warmreach.store.jdbc.NodeClaims;
import dev.warmreach.store.jdbc.SecretsAtRest;
import dev.warmreach.web.WebServer;
import dev.warmreach.web.Workspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The composition root: builds the store, the coach and each campaign's engines from a few
 * settings, and from them the live engine, the executors, the scheduler, the use cases and the web
 * server. The CLI only configures it and calls these. Thread-safe once built.
 */
public final class Warmreach implements AutoCloseable {

  /** The db-scheduler task that runs the live engine. */
  private static final String RUN_DUE = "warmreach-run-due";

  private final JdbcStore store;
  private final Clock clock;
  private final Coach coach;
  private final CampaignEngines engines;
  private final Map<String, String> env;

  private Warmreach(JdbcStore store, Clock clock, Coach coach, Map<String, String> env) {
    this.env = env;
    this.store = store;
    this.clock = clock;
    this.coach = coach;
    this.engines =
        new CampaignEngines(
            store.campaigns(),
            store.prospects(),
            store.accounts(),
            store.analytics(),
            coach,
            CampaignFile::fromJson);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The whole store, for tests and benchmarks that set up a workspace; the application's own parts
   * are each given only the ports they need.
   */
  public Store store() {
    return store;
  }

  /** The prospects, their states and event histories. */
  public Prospects prospects() {
    return store.prospects();
  }

  /** The people no campaign may contact. */
  public DoNotContactList doNotContact() {
    return store.doNotContact();
  }

  /** The sender accounts and their quota state. */
  public SenderAccounts accounts() {
    return store.accounts();
  }

  /** The campaigns and their enrollments. */
  public Campaigns campaigns() {
    return store.campaigns();
  }

  /** The live engine's steps and the events it records. */
  public EngineSteps engineSteps() {
    return store.engineSteps();
  }

  /** The planned and finished touches. */
  public Touches touches() {
    return store.touches();
  }

  /** Email and webhook deliveries. */
  public Deliveries deliveries() {
    return store.deliveries();
  }

  /** Which sender account is which at the LinkedIn provider, and how each stands there. */
  public ProviderLinks providerLinks() {
    return store.providerLinks();
  }

  /** Campaign totals, activity and recorded decisions. */
  public Analytics analytics() {
    return store.analytics();
  }

  public Clock clock() {
    return clock;
  }

  /** The server's users, sessions and API tokens. */
  public UserStore users() {
    return store.users();
  }

  /** Whether the database answers within two seconds, for the server's health check. */
  public boolean storeReachable() {
    try (Connection connection = store.dataSource().getConnection()) {
      return connection.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  /**
   * Runs the live engine in the background through db-scheduler: a recurring task calls {@link
   * LiveEngine#runUntilIdle} every {@code every}, on one node at a time, at {@code clock}'s time;
   * with {@code catchUp} (dry runs on a fast clock) each due step runs at its own due time.
   *
   * <p>The scheduler carries the engine's node name, and first takes back what a previous life of
   * that node left (see {@link #releaseClaims}), so a node restarted after a crash starts work at
   * once. Stopping it ends the engine's pass between two steps.
   */
  public Scheduler schedule(LiveEngine engine, Clock engineClock, Duration every, boolean catchUp) {
    RecurringTask<Void> runDue =
        Tasks.recurring(RUN_DUE, FixedDelay.of(every))
            .execute(
                (instance, context) -> {
                  BooleanSupplier stopping =
                      () ->
                          context.getSchedulerState().isShuttingDown()
                              || Thread.currentThread().isInterrupted();
                  if (catchUp) {
                    engine.runUntil(engineClock.instant(), stopping);
                  } else {
                    engine.runUntilIdle(engineClock.instant(), stopping);
                  }
                });
    engine.claimOn(engineClock);
    releaseClaims(engine);
    return Scheduler.create(store.dataSource())
        .startTasks(runDue)
        .schedulerName(new SchedulerName.Fixed(engine.node()))
        .threads(1)
        .pollingInterval(every)
        .heartbeatInterval(Duration.ofSeconds(5))
        .shutdownMaxWait(Duration.ofSeconds(5))
        .build();
  }

  /**
   * The coach with the English phrase lists, loaded from the classpath: the default, and for the
   * commands that judge messages without opening a workspace.
   */
  public static Coach defaultCoach() {
    return new Coach(PhraseBooks.english());
  }

  /**
   * Releases what the node of {@code engine} holds in the database: the touches it claimed and the
   * engine's execution its scheduler picked. Call it when the node's scheduler has stopped.
   */
  public void releaseClaims(LiveEngine engine) {
    NodeClaims claims = new NodeClaims(store.dataSource());
    claims.releaseTouches(engine.node());
    claims.releaseExecutions(engine.node(), RUN_DUE);
  }

  /** The system clock, for the commands that measure or pace themselves. */
  public static Clock systemClock() {
    return Clock.systemUTC();
  }

  /** The message coach, with the phrase lists loaded once when the application was built. */
  public Coach coach() {
    return coach;
  }

  /** Each campaign's engine, built once. */
  public CampaignEngines campaignEngines() {
    return engines;
  }

  /** The live engine handing touches to {@code executor}, on a node of its own name. */
  public LiveEngine liveEngine(Executor executor) {
    return new LiveEngine(
        store.engineSteps(),
        store.simulatedReactions(),
        store.campaigns(),
        store.accounts(),
        engines,
        executor);
  }

  /** The live engine handing touches to {@code executor}, on the node named {@code node}. */
  public LiveEngine liveEngine(Executor executor, String node) {
    return new LiveEngine(
        store.engineSteps(),
        store.simulatedReactions(),
        store.campaigns(),
        store.accounts(),
        engines,
        executor,
        node);
  }

  public CampaignSetup campaignSetup() {
    return new CampaignSetup(store.campaigns(), store.prospects(), store.accounts(), engines);
  }

  /** Where buying signals come in, from the API, a CSV list or a provider's post feed. */
  public SignalIntake signalIntake() {
    return new SignalIntake(
        store.engineSteps(),
        store.prospects(),
        store.campaigns(),
        store.settings(),
        store.signals(),
        engines);
  }

  public CampaignPlan campaignPlan() {
    return new CampaignPlan(store.prospects(), engines);
  }

  public CampaignForecast campaignForecast() {
    return new CampaignForecast(store.prospects(), store.campaigns(), store.accounts(), coach);
  }

  /** The workspace's SMTP, webhook and bounce-mailbox settings, kept in the store. */
  public OutboundSettings outboundSettings() {
    return new OutboundSettings(
        store.settings(), store.deliveries(), store.doNotContact(), store.engineSteps());
  }

  /**
   * The executors the workspace's outbound settings call for, at {@code clock}'s time, secrets read
   * from {@code env}; problems reaching the bounce mailbox are told to {@code log}.
   */
  public RoutedExecutor outboundExecutors(Clock clock, Map<String, String> env, PrintWriter log) {
    return outboundExecutors(clock, env, log, ProviderWatch.DEFAULT_EVERY);
  }

  /**
   * As {@link #outboundExecutors(Clock, Map, PrintWriter)}, the LinkedIn provider's statuses and
   * invitations looked at every {@code providerPoll}.
   */
  public RoutedExecutor outboundExecutors(
      Clock clock, Map<String, String> env, PrintWriter log, Duration providerPoll) {
    RoutedExecutor outbound =
        outboundSettings().executors(clock, env, log, OpenHours.of(store.accounts()));
    ProviderSetup setup = providerSetup(env);
    Optional<ProviderExecutor> provider = setup.executor(clock);
    if (provider.isEmpty()) {
      return outbound;
    }
    // The provider comes first, so it carries the LinkedIn steps of the accounts linked to it; a
    // webhook carries the other accounts' ones.
    return new RoutedExecutor(
        List.of(provider.get(), setup.watch(clock, providerPoll, log).orElseThrow(), outbound));
  }

  /**
   * The LinkedIn provider's settings, account links and executor, its key read from {@code env}.
   */
  public ProviderSetup providerSetup(Map<String, String> env) {
    return ProviderSetup.overUnipile(
        store.settings(),
        store.providerLinks(),
        store.deliveries(),
        store.doNotContact(),
        store.engineSteps(),
        store.accounts(),
        store.prospects(),
        env);
  }

  /**
   * The executor of dry runs and the demo: the simulated network reacts with the default truth,
   * drawn from {@code seed}, and each delivery is written to {@code deliveries}.
   */
  public SimulatedExecutor simulatedExecutor(long seed, Path deliveries) {
    return new SimulatedExecutor(
        store.touches(),
        store.simulatedReactions(),
        seed,
        Truth.DEFAULT,
        new DeliveryLog(deliveries));
  }

  /**
   * The buying signals of a dry run's simulated network, {@code perMonth} a month per stored
   * prospect from {@code from}, drawn from {@code seed}; taken through the {@link #signalIntake}
   * when {@code heard}.
   */
  public SimulatedSignals simulatedSignals(
      long seed, double perMonth, Instant from, boolean heard) {
    Truth truth = Truth.DEFAULT;
    return new SimulatedSignals(
        seed,
        truth.withSignals(perMonth, truth.signalLift(), truth.signalWindowDays()),
        from,
        heard,
        store.prospects(),
        store.engineSteps(),
        signalIntake());
  }

  /**
   * The executor of a dry run whose network also shows {@code signals}: as {@link
   * #simulatedExecutor(long, Path)}, with touches soon after a signal answered more often.
   */
  public SimulatedExecutor simulatedExecutor(long seed, Path deliveries, SimulatedSignals signals) {
    return new SimulatedExecutor(
        store.touches(),
        store.simulatedReactions(),
        seed,
        signals.truth(),
        new DeliveryLog(deliveries),
        signals);
  }

  /**
   * The live engine of a dry run: as {@link #liveEngine(Executor, String)}, also taking the
   * simulated network's buying signals at their times.
   */
  public LiveEngine liveEngine(Executor executor, String node, SignalSource signals) {
    return new LiveEngine(
        store.engineSteps(),
        store.simulatedReactions(),
        store.campaigns(),
        store.accounts(),
        engines,
        executor,
        node,
        signals);
  }

  /** What the HTTP server serves: the store's ports, its users, the clock and the use cases. */
  public Workspace workspace() {
    return new Workspace(
        store,
        store.users(),
        clock,
        this::storeReachable,
        prospectImport(),
        campaignSetup(),
        campaignPlan(),
        campaignForecast(),
        outboundSettings(),
        providerSetup(env),
        taskInbox(),
        outreachAnalytics(),
        signalIntake(),
        coach);
  }

  /** The HTTP server on this workspace; {@link WebServer#start} opens the port. */
  public WebServer webServer(WebServer.Settings settings) {
    return WebServer.create(workspace(), settings);
  }

  /** The task inbox of assisted mode. */
  public TaskInbox taskInbox() {
    return new TaskInbox(store.accounts(), store.touches());
  }

  /** What is working, per campaign and overall. */
  public OutreachAnalytics outreachAnalytics() {
    return new OutreachAnalytics(
        store.campaigns(), store.analytics(), store.accounts(), engines.learned());
  }

  public ProspectImport prospectImport() {
    return new ProspectImport(store.prospects(), store.doNotContact());
  }

  @Override
  public void close() {
    store.close();
  }

  /**
   * Settings for a {@link Warmreach}; the defaults give the embedded database in {@code
   * ./warmreach-data}.
   */
  public static final class Builder {
    private Path home = Path.of("warmreach-data");
    private String databaseUrl;
    private Clock clock = Clock.systemUTC();
    private Coach coach;
    private Map<String, String> env = System.getenv();

    private Builder() {}

    /** The message coach; by default {@link #defaultCoach()}. */
    public Builder coach(Coach coach) {
      this.coach = Objects.requireNonNull(coach, "coach");
      return this;
    }

    /** The folder for the embedded database and other local data. */
    public Builder home(Path home) {
      this.home = Objects.requireNonNull(home, "home");
      return this;
    }

    /** A JDBC URL to use instead of the embedded database; {@code null} for the embedded one. */
    public Builder database(String url) {
      this.databaseUrl = url;
      return this;
    }

    /**
     * The environment to read {@value SecretsAtRest#VARIABLE} from; by default the process's own.
     */
    public Builder environment(Map<String, String> env) {
      this.env = Objects.requireNonNull(env, "env");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Opens the database, creating or upgrading its schema. */
    public Warmreach build() {
      // Secrets in the database are encrypted with a key kept outside it: from the environment,
      // else the home folder's key file.
      SecretsAtRest secrets = SecretsAtRest.forHome(home, env);
      JdbcStore store =
          databaseUrl == null || databaseUrl.isBlank()
              ? JdbcStore.openEmbedded(home, clock, secrets)
              : JdbcStore.open(databaseUrl, clock, secrets);
      return new Warmreach(store, clock, coach == null ? defaultCoach() : coach, env);
    }
  }
}
