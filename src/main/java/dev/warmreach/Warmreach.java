package dev.warmreach;

import dev.warmreach.cli.WarmreachCli;
import dev.warmreach.importer.ProspectImport;
import dev.warmreach.store.Store;
import dev.warmreach.store.jdbc.JdbcStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * The composition root: builds the store and the services around it from a few settings. The CLI
 * and, later, the server and the simulator only configure it. Thread-safe once built.
 */
public final class Warmreach implements AutoCloseable {

  private final Store store;
  private final Clock clock;

  private Warmreach(Store store, Clock clock) {
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
      Store store =
          databaseUrl == null || databaseUrl.isBlank()
              ? JdbcStore.openEmbedded(home, clock)
              : JdbcStore.open(databaseUrl, clock);
      return new Warmreach(store, clock);
    }
  }
}
