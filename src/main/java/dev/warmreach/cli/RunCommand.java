package dev.warmreach.cli;

import com.github.kagkarlsson.scheduler.Scheduler;
import dev.warmreach.Warmreach;
import dev.warmreach.domain.UserError;
import dev.warmreach.execute.Executor;
import dev.warmreach.execute.RoutedExecutor;
import dev.warmreach.live.LiveEngine;
import dev.warmreach.live.ScaledClock;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
    Warmreach app = root.app();
    Clock clock = simulate ? simulatedClock(root.homeFolder()) : Warmreach.systemClock();
    Executor executor =
        simulate
            ? app.simulatedExecutor(seed, root.homeFolder().resolve("simulated-deliveries.log"))
            : app.outboundExecutors(clock, root.env(), spec.commandLine().getErr());
    LiveEngine engine = app.liveEngine(executor, NodeName.of(root.homeFolder()));
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
        "Running" + (simulate ? " a dry run at " + speed + "x" : "") + "; stop with Ctrl-C.");
    if (!simulate) {
      out.println(routes((RoutedExecutor) executor));
    }
    out.flush();
    boolean done = false;
    try {
      while (!stopRequested.await(poll.toMillis(), TimeUnit.MILLISECONDS)) {
        if (untilDone && app.engineSteps().nextDue().isEmpty() && plannedLeft(app, executor) == 0) {
          done = true;
          break;
        }
      }
    } finally {
      // The engine ends its pass between two steps; what this node claimed is released for the
      // next node or the next start.
      scheduler.stop();
      app.releaseClaims(engine);
      stopped.countDown();
    }
    if (done) {
      try {
        Runtime.getRuntime().removeShutdownHook(onExit);
      } catch (IllegalStateException shuttingDown) {
        // stopped by a signal at the same moment: the hook has nothing left to wait for
      }
      out.println("Nothing left to do at " + clock.instant() + ".");
    }
    return 0;
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

  private int plannedLeft(Warmreach app, Executor executor) {
    return (int)
        app.touches().dueTouches(Instant.ofEpochMilli(Long.MAX_VALUE), null, 1_000).stream()
            .filter(t -> executor.channels().contains(t.channel()))
            .count();
  }

  /** A scaled clock anchored in the home folder, so a restarted dry run continues its timeline. */
  private Clock simulatedClock(Path home) {
    Path anchor = home.resolve("simulated-clock");
    Clock system = Warmreach.systemClock();
    try {
      Files.createDirectories(home);
      if (!Files.exists(anchor)) {
        Instant now = system.instant();
        Files.writeString(anchor, now + " " + now + " " + speed + "\n");
      }
      String[] parts = Files.readString(anchor).strip().split(" ");
      return new ScaledClock(
          system, Instant.parse(parts[0]), Instant.parse(parts[1]), Double.parseDouble(parts[2]));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      throw new UserError(anchor + " is damaged; delete it to start the dry run's clock afresh", e);
    }
  }
}
