package dev.warmreach.cli;

import dev.warmreach.Warmreach;
import dev.warmreach.domain.UserError;
import dev.warmreach.message.Coach;
import dev.warmreach.store.StoreException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code warmreach} command: global options and the subcommands. A user's mistake prints one
 * line naming the input and the fix and exits 1; a stack trace appears only with {@code --debug}.
 * With {@code --json} a failure is a JSON object on standard error instead: {@code {"error": …,
 * "fix": …, "exit": N}}, so a script reads it as it reads the output.
 */
@Command(
    name = "warmreach",
    mixinStandardHelpOptions = true,
    versionProvider = WarmreachCli.Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Warmreach decides, for each prospect, which LinkedIn channel to use and when, keeps every"
          + " sender account inside LinkedIn's limits, and shows what works.",
      ""
    },
    footer = {
      "",
      "Data is kept in the embedded database in WARMREACH_HOME (default ./warmreach-data) unless"
          + " --db names another.",
      "Exit status: 0 done, 1 a problem with the input (the message says how to fix it), 2 a"
          + " mistake in the command line, 3 the database failed, 70 an unexpected error."
    },
    subcommands = {
      DemoCommand.class,
      ImportCommand.class,
      ProspectsCommand.class,
      AccountsCommand.class,
      DncCommand.class,
      ForecastCommand.class,
      CampaignsCommand.class,
      SignalsCommand.class,
      RunCommand.class,
      ServeCommand.class,
      UsersCommand.class,
      PlanCommand.class,
      TasksCommand.class,
      SettingsCommand.class,
      LintCommand.class,
      WebhooksCommand.class,
      CommandLine.HelpCommand.class
    })
public final class WarmreachCli implements Runnable {

  static final int USER_ERROR = 1;
  static final int USAGE_ERROR = 2;
  static final int STORE_ERROR = 3;
  static final int BUG = 70;

  @Option(
      names = "--db",
      scope = ScopeType.INHERIT,
      paramLabel = "JDBC_URL",
      description =
          "Database to use: jdbc:sqlite:FILE or jdbc:postgresql://HOST:PORT/DB?user=U."
              + " Default: the embedded SQLite database in the home folder (env WARMREACH_DB).")
  String db;

  @Option(
      names = "--home",
      scope = ScopeType.INHERIT,
      paramLabel = "DIR",
      description = "Folder for local data (env WARMREACH_HOME, default ./warmreach-data).")
  Path home;

  @Option(
      names = "--json",
      scope = ScopeType.INHERIT,
      description = "Print data as JSON, for scripts and other tools.")
  boolean json;

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Show stack traces when something fails.")
  boolean debug;

  private final Map<String, String> env;
  private Warmreach app;
  private Coach coach;

  private java.time.Clock clock = Warmreach.systemClock();

  WarmreachCli(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /** Runs {@code args} against the given environment, writing to standard output and error. */
  public static int run(String[] args, Map<String, String> env) {
    return run(
        args,
        env,
        new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
        new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
  }

  /** Runs {@code args} writing to the given streams; for tests and embedding. */
  public static int run(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
    WarmreachCli root = new WarmreachCli(env);
    CommandLine commandLine = new CommandLine(root);
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.registerConverter(java.time.Duration.class, new DurationOption());
    // Read before parsing: a command line that does not parse must still answer in JSON.
    boolean json = Arrays.asList(args).contains("--json");
    commandLine.setExecutionExceptionHandler(
        (e, cmd, parseResult) -> report(e, root.debug, json, cmd.getErr()));
    if (json) {
      commandLine.setParameterExceptionHandler(
          (e, params) -> {
            problem(
                e.getCommandLine().getErr(),
                e.getMessage(),
                "see '" + e.getCommandLine().getCommandSpec().qualifiedName(" ") + " --help'",
                USAGE_ERROR);
            return USAGE_ERROR;
          });
      if (Arrays.asList(args).contains("--version")) {
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("name", "warmreach");
        version.put("version", Version.number());
        Output.json(out, version);
        return 0;
      }
    }
    try {
      return commandLine.execute(args);
    } finally {
      root.close();
      out.flush();
      err.flush();
    }
  }

  private static int report(Exception e, boolean debug, boolean json, PrintWriter err) {
    if (debug) {
      e.printStackTrace(err);
    }
    if (e instanceof UserError) {
      if (json) {
        String message = e.getMessage();
        // Messages say what is wrong, then how to fix it, after the last "; ".
        int fix = message.lastIndexOf("; ");
        problem(
            err,
            fix < 0 ? message : message.substring(0, fix),
            fix < 0 ? "" : message.substring(fix + 2),
            USER_ERROR);
      } else {
        err.println("warmreach: " + e.getMessage());
      }
      return USER_ERROR;
    }
    String hint = debug ? "" : " (run again with --debug for details)";
    if (e instanceof StoreException) {
      if (json) {
        problem(
            err, e.getMessage(), "check that the database is running and reachable", STORE_ERROR);
      } else {
        err.println("warmreach: " + e.getMessage() + hint);
      }
      return STORE_ERROR;
    }
    if (json) {
      problem(err, "unexpected error: " + e, "run again with --debug and report it", BUG);
    } else {
      err.println("warmreach: unexpected error: " + e + hint + "; please report it");
    }
    return BUG;
  }

  /** A failure as scripts read it with {@code --json}, on standard error. */
  private static void problem(PrintWriter err, String error, String fix, int exit) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("error", error);
    problem.put("fix", fix);
    problem.put("exit", exit);
    Output.json(err, problem);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        new CommandLine(this), "Missing a command; see 'warmreach --help'.");
  }

  /** The message coach, loaded on first use; the workspace's own once it is open. */
  Coach coach() {
    if (coach == null) {
      coach = Warmreach.defaultCoach();
    }
    return coach;
  }

  /**
   * Makes the workspace, when it is opened, run at {@code clock}'s time instead of the system's
   * (serve --speed); call before {@link #app}.
   */
  void useClock(java.time.Clock clock) {
    if (app != null) {
      throw new IllegalStateException("the workspace is open already");
    }
    this.clock = clock;
  }

  /** The workspace the global options point at, opened on first use. */
  Warmreach app() {
    if (app == null) {
      app =
          Warmreach.builder()
              .clock(clock)
              .coach(coach())
              .home(homeFolder())
              .environment(env)
              .database(db != null ? db : env.get("WARMREACH_DB"))
              .build();
    }
    return app;
  }

  Path homeFolder() {
    if (home != null) {
      return home;
    }
    String fromEnv = env.get("WARMREACH_HOME");
    return Path.of(fromEnv == null || fromEnv.isBlank() ? "warmreach-data" : fromEnv);
  }

  /** The environment the command runs in (for secrets kept in environment variables). */
  Map<String, String> env() {
    return env;
  }

  boolean json() {
    return json;
  }

  private void close() {
    if (app != null) {
      app.close();
    }
  }

  /** The version from the jar's manifest, or "development" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"warmreach " + number()};
    }

    /** The version number alone. */
    static String number() {
      String version = WarmreachCli.class.getPackage().getImplementationVersion();
      return version == null ? "development" : version;
    }
  }
}
