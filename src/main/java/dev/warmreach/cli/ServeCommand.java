package dev.warmreach.cli;

import dev.warmreach.Warmreach;
import dev.warmreach.domain.UserError;
import dev.warmreach.execute.RoutedExecutor;
import dev.warmreach.forecast.ForecastLimits;
import dev.warmreach.live.ScaledClock;
import dev.warmreach.web.WebServer;
import dev.warmreach.web.auth.FirstAdmin;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code warmreach serve}: the HTTP API and the live engine, until stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Serve the HTTP API (docs/api.md) and run active campaigns like 'warmreach run': email and"
          + " webhook steps go out as 'warmreach settings' says; the rest wait in the task inbox"
          + " for you to carry out.",
      "The first time, with no users yet, it prints a one-time link to create the first admin"
          + " (or use 'warmreach users add EMAIL --role admin').",
      "Stop with Ctrl-C or SIGTERM: requests in flight and the engine's current step finish first."
    })
final class ServeCommand implements Callable<Integer> {

  @ParentCommand WarmreachCli root;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--port",
      defaultValue = "8080",
      paramLabel = "PORT",
      description = "Port to listen on (default ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(
      names = "--bind",
      defaultValue = "127.0.0.1",
      paramLabel = "ADDRESS",
      description =
          "Address to listen on (default ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for all).")
  String bind;

  @Option(
      names = "--secure-cookies",
      description =
          "Mark the session cookie Secure: set this when users reach the server over https, e.g."
              + " behind a TLS proxy.")
  boolean secureCookies;

  @Option(
      names = "--poll",
      defaultValue = "PT1S",
      paramLabel = "DURATION",
      description = "How often the engine looks for due work (ISO-8601, default ${DEFAULT-VALUE}).")
  Duration poll;

  @Option(
      names = "--provider-poll",
      defaultValue = "PT30M",
      paramLabel = "DURATION",
      description =
          "How often the LinkedIn provider is asked for its accounts' statuses and for the"
              + " invitations answered since (default ${DEFAULT-VALUE}; 30m, 2h or ISO-8601), so"
              + " acceptances are seen before its late webhook.")
  Duration providerPoll;

  @Option(
      names = "--forecast-budget",
      defaultValue = "PT20S",
      paramLabel = "DURATION",
      description =
          "How long a forecast asked for over HTTP may run before the server gives up on it"
              + " (ISO-8601, default ${DEFAULT-VALUE}); 'warmreach forecast' has no limit.")
  Duration forecastBudget;

  @Option(
      names = "--speed",
      defaultValue = "1",
      paramLabel = "N",
      description =
          "Run the clock N times faster, from the home folder's simulated-clock file (kept across"
              + " restarts; nodes given the same file share one timeline): for trials against"
              + " stand-ins of the SMTP server, webhook and provider on this machine (refused while"
              + " any of them is elsewhere), never with real prospects.")
  double speed;

  @Option(
      names = "--until-done",
      description =
          "Stop when nothing is left to do (every enrollment finished, no touch left for the"
              + " executors), as 'run --until-done' does: for trials with --speed.")
  boolean untilDone;

  @Override
  public Integer call() throws InterruptedException {
    if (!(speed >= 1 && speed <= 10_000_000)) {
      throw new UserError("--speed " + speed + " must be between 1 and 10000000");
    }
    if (port < 0 || port > 65_535) {
      throw new UserError("--port " + port + " must be between 0 and 65535");
    }
    if (forecastBudget.isNegative() || forecastBudget.isZero()) {
      throw new UserError("--forecast-budget " + forecastBudget + " must be positive, e.g. PT20S");
    }
    if (providerPoll.isNegative() || providerPoll.isZero()) {
      throw new UserError("--provider-poll " + providerPoll + " must be positive, e.g. 30m");
    }
    if (speed != 1) {
      root.useClock(ScaledClock.anchoredIn(Warmreach.systemClock(), root.homeFolder(), speed));
    }
    Warmreach app = root.app();
    SpedUpReceivers.check(speed, app.outboundSettings(), app.providerSetup(root.env()).settings());
    WebServer.Settings settings =
        WebServer.Settings.defaults()
            .on(bind, port)
            .withSecureCookies(secureCookies)
            .withForecastLimits(ForecastLimits.DEFAULT.withBudget(forecastBudget));
    RoutedExecutor executor =
        app.outboundExecutors(app.clock(), root.env(), spec.commandLine().getErr(), providerPoll);
    RunningServer running =
        RunningServer.start(
            app, settings, poll, executor, NodeName.of(root.homeFolder()), speed != 1);
    PrintWriter out = spec.commandLine().getOut();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  out.println("Stopping: finishing requests in flight and the current step…");
                  out.flush();
                  running.close();
                  out.println("Stopped.");
                  out.flush();
                  stopped.countDown();
                },
                "warmreach-shutdown"));
    String base = running.server().baseUrl();
    if (speed != 1) {
      out.println(
          "The clock runs at "
              + speed
              + "x from "
              + root.homeFolder().resolve("simulated-clock")
              + ": now "
              + app.clock().instant()
              + ". For trials only.");
    }
    out.println("Serving " + base + " (health: " + base + "/health); stop with Ctrl-C.");
    out.println(RunCommand.routes(executor));
    FirstAdmin.issueIfNoUsers(app.users(), app.clock())
        .ifPresent(
            token ->
                out.println(
                    "No users yet. Create the first admin within "
                        + FirstAdmin.LIFETIME.toMinutes()
                        + " minutes (the link works once): "
                        + base
                        + "/setup?token="
                        + token));
    out.flush();
    if (!untilDone) {
      stopped.await();
      return 0;
    }
    while (!stopped.await(poll.toMillis(), TimeUnit.MILLISECONDS)) {
      WorkLeft left = WorkLeft.of(app, executor.channels());
      if (left.done()) {
        out.println(left.stoppedAt(app.clock().instant()));
        out.flush();
        running.close();
        break;
      }
    }
    return 0;
  }
}
