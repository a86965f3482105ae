package dev.warmreach.cli;

import com.github.kagkarlsson.scheduler.Scheduler;
import dev.warmreach.Warmreach;
import dev.warmreach.domain.UserError;
import dev.warmreach.execute.Executor;
import dev.warmreach.execute.RoutedExecutor;
import dev.warmreach.execute.simulated.SimulatedSignals;
import dev.warmreach.live.LiveEngine;
import dev.warmreach.live.ScaledClock;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code warmreach run}: the live engine, on the durable schedule, until stopped. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Run active campaigns: every due step runs through the durable schedule (db-scheduler), each"
          + " whole in a transaction, and each touch has an idempotency key, so a crash or restart"
          + " never sends twice or loses a step. Stop with Ctrl-C; nothing is left half done.",
      "Without --simulate, email steps go out over SMTP and other steps to a webhook when"
          + " 'warmreach settings' says so; the rest wait in the task inbox ('warmreach tasks')"
          + " for you to carry out. With --simulate, every touch goes to the simulated network"
          + " instead (a dry run), usually with --speed so weeks pass in minutes."
    })
final class RunCommand implements Callable<Integer> {

  /** How long a stop signal waits for the engine's current step and the release of its claims. */
  private static final Duration STOP_WAIT = Duration.ofSeconds(9);

  @ParentCommand WarmreachCli root;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--simulate", description = "Send to the simulated network (a dry run).")
  boolean simulate;

  @Option(
      names = "--speed",
      defaultValue = "1",
      paramLabel = "N",
      description = "With --simulate: run the clock N times faster (kept across restarts).")
  double speed;

  @Option(
      names = "--until-done",
      description = "Stop when nothing is left to do: every enrollment finished.")
  boolean untilDone;

  @Option(
      names = "--seed",
      defaultValue = "1",
      paramLabel = "N",
      description = "The simulated network's seed.")
  long seed;

  @Option(
      names = "--signals-per-month",
      defaultValue = "0",
      paramLabel = "N",
      description =
          "With --simulate: how often each stored prospect shows a buying signal (a role change, a"
              + " company milestone, a relevant post, hiring), N a month on average, drawn from"
              + " --seed as the forecast's truth.signalsPerMonth is. Default ${DEFAULT-VALUE}:"
              + " nobody signals (a workspace has no scenario; the default truth has none). Each"
              + " signal reaches the engine at its simulated time as the events API would bring"
              + " it, and a touch within 7 days after one is answered twice as often.")
  double signalsPerMonth;

  @Option(
      names = "--ignore-signals",
      description =
          "With --simulate: the same world with the engine blind to its buying signals (none is"
              + " recorded or acted on), as 'forecast --ignore-signals', to compare with acting on"
              + " them.")
  boolean ignoreSignals;

  @Option(
      names = "--poll",
      defaultValue = "PT1S",
      paramLabel = "DURATION",
      description = "How often to look for due work (ISO-8601, default ${DEFAULT-VALUE}).")
  Duration poll;

  @Override
  public Integer call() throws InterruptedException {
    if (speed != 1 && !simulate) {
      throw new UserError("--speed only works with --simulate: real prospects live in real time");
    }
    if (!(speed >= 1 && speed <= 10_000_000)) {
      throw new UserError("--speed " + speed + " must be between 1 and 10000000");
    }
    if (!simulate && (signalsPerMonth != 0 || ignoreSignals)) {
      throw new UserError(
          "--signals-per-month and --ignore-signals only work with --simulate: real signals come"
              + " from the events API, 'warmreach signals import' or the provider");
    }
    if (!(signalsPerMonth >= 0 && signalsPerMonth <= 1000)) {
      throw new UserError(
          "--signals-per-month " + signalsPerMonth + " must be between 0 and 1000 (a month)");
    }
    Warmreach app = root.app();
    Executor executor;
    LiveEngine engine;
    Clock clock;
    SimulatedSignals signals = null;
    if (simulate) {
      ScaledClock scaled =
          ScaledClock.anchoredIn(Warmreach.systemClock(), root.homeFolder(), speed);
      clock = scaled;
      signals = app.simulatedSignals(seed, signalsPerMonth, scaled.virtualAnchor(), !ignoreSignals);
      executor =
          app.simulatedExecutor(
              seed, root.homeFolder().resolve("simulated-deliveries.log"), signals);
      engine = app.liveEngine(executor, NodeName.of(root.homeFolder()), signals);
    } else {
      clock = Warmreach.systemClock();
      executor = app.outboundExecutors(clock, root.env(), spec.commandLine().getErr());
      engine = app.liveEngine(executor, NodeName.of(root.homeFolder()));
    }
    Scheduler scheduler = app.schedule(engine, clock, poll, simulate);
    PrintWriter out = spec.commandLine().getOut();
    CountDownLatch stopRequested = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    Thread onExit =
        new Thread(
            () -> {
              stopRequested.countDown();
              try {
                stopped.await(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "warmreach-shutdown");
    Runtime.getRuntime().addShutdownHook(onExit);
    scheduler.start();
    out.println(
        "Running"
            + (simulate ? " a dry run at " + speed + "x" + signalsNote() : "")
            + "; stop with Ctrl-C.");
    if (!simulate) {
      out.println(routes((RoutedExecutor) executor));
    }
    out.flush();
    WorkLeft left = null;
    try {
      while (!stopRequested.await(poll.toMillis(), TimeUnit.MILLISECONDS)) {
        if (untilDone) {
          WorkLeft now = WorkLeft.of(app, executor.channels());
          if (now.done()) {
            left = now;
            break;
          }
        }
      }
    } finally {
      // The engine ends its pass between two steps; what this node claimed is released for the
      // next node or the next start.
      scheduler.stop();
      app.releaseClaims(engine);
      stopped.countDown();
    }
    if (left != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(onExit);
      } catch (IllegalStateException shuttingDown) {
        // stopped by a signal at the same moment: the hook has nothing left to wait for
      }
      out.println(left.stoppedAt(clock.instant()));
      if (signals != null && signalsPerMonth > 0 && !ignoreSignals) {
        out.println("Buying signals: " + signals.summary() + ".");
      }
    }
    return 0;
  }

  private String signalsNote() {
    if (signalsPerMonth == 0) {
      return ", no buying signals (--signals-per-month sets their rate)";
    }
    return ", "
        + signalsPerMonth
        + " buying signals a month per prospect"
        + (ignoreSignals ? ", which the engine ignores" : "");
  }

  /** Where each step goes, in words. */
  static String routes(RoutedExecutor executor) {
    var routes = executor.routes();
    if (routes.isEmpty()) {
      return "Every step waits in the task inbox ('warmreach tasks today'); 'warmreach settings'"
          + " sends email over SMTP or steps to a webhook.";
    }
    return "Carried out automatically: "
        + routes.toString().replace("{", "").replace("}", "").replace("=", " by ")
        + "; other steps wait in the task inbox ('warmreach tasks today').";
  }
}
