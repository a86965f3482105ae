package dev.warmreach;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.warmreach.cli.WarmreachCli;
import dev.warmreach.importer.ProspectImport;
import dev.warmreach.live.LiveEngine;
import dev.warmreach.store.Store;
import dev.warmreach.store.UserStore;
import dev.warmreach.store.jdbc.JdbcStore;
import dev.warmreach.store.jdbc.NodeClaims;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * The composition root: builds the store and the services around it from a few settings. The CLI
 * and, later, the server and the simulator only configure it. Thread-safe once built.
 */
public final class Warmreach implements AutoCloseable {

  /** The db-scheduler task that runs the live engine. */
  private static final String RUN_DUE = "warmreach-run-due";

  private final JdbcStore store;
  private final Clock clock;

  private Warmreach(JdbcStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.exit(WarmreachCli.run(args, System.getenv()));
  }

  public static Builder builder() {
    return new Builder();
  }

  public Store store() {
    return store;
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

  public ProspectImport prospectImport() {
    return new ProspectImport(store);
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

    private Builder() {}

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

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Opens the database, creating or upgrading its schema. */
    public Warmreach build() {
      JdbcStore store =
          databaseUrl == null || databaseUrl.isBlank()
              ? JdbcStore.openEmbedded(home, clock)
              : JdbcStore.open(databaseUrl, clock);
      return new Warmreach(store, clock);
    }
  }
}
