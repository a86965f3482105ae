package dev.warmreach.cli;

import com.github.kagkarlsson.scheduler.Scheduler;
import dev.warmreach.Warmreach;
import dev.warmreach.execute.Executor;
import dev.warmreach.execute.RoutedExecutor;
import dev.warmreach.live.LiveEngine;
import dev.warmreach.web.WebServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What {@code warmreach serve} runs: the live engine on the durable schedule (with the executors
 * the workspace's settings call for; other touches wait in the task inbox) and the HTTP server, on
 * one workspace. {@link #close} stops them in the order that leaves nothing half done. Thread-safe.
 */
final class RunningServer implements AutoCloseable {

  private final Warmreach app;
  private final LiveEngine engine;
  private final Scheduler scheduler;
  private final WebServer server;
  private final AtomicBoolean closed = new AtomicBoolean();

  private RunningServer(Warmreach app, LiveEngine engine, Scheduler scheduler, WebServer server) {
    this.app = app;
    this.engine = engine;
    this.scheduler = scheduler;
    this.server = server;
  }

  static RunningServer start(Warmreach app, WebServer.Settings settings, Duration poll) {
    return start(app, settings, poll, new RoutedExecutor(List.of()));
  }

  static RunningServer start(
      Warmreach app, WebServer.Settings settings, Duration poll, Executor executor) {
    return start(app, settings, poll, executor, app.liveEngine(executor).node());
  }

  /**
   * @param node the engine's node name, stable across restarts (see {@link NodeName})
   */
  static RunningServer start(
      Warmreach app, WebServer.Settings settings, Duration poll, Executor executor, String node) {
    return start(app, settings, poll, executor, node, false);
  }

  /**
   * @param catchUp run each due step at its own due time, as a dry run does: for a sped-up clock,
   *     where more time passes between two polls than one pass covers
   */
  static RunningServer start(
      Warmreach app,
      WebServer.Settings settings,
      Duration poll,
      Executor executor,
      String node,
      boolean catchUp) {
    LiveEngine engine = app.liveEngine(executor, node);
    Scheduler scheduler = app.schedule(engine, app.clock(), poll, catchUp);
    WebServer server = app.webServer(settings);
    // The port first: when it is taken, the engine never starts.
    server.start();
    scheduler.start();
    return new RunningServer(app, engine, scheduler, server);
  }

  WebServer server() {
    return server;
  }

  /**
   * Stops taking requests and lets those in flight finish, then lets the engine finish its current
   * step and stops the scheduler, releases this node's claims, then closes the store. Each engine
   * step and each event is one transaction, so whatever is cut short was never started. Safe to
   * call twice.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      server.stop();
    } finally {
      try {
        scheduler.stop();
        app.releaseClaims(engine);
      } finally {
        app.close();
      }
    }
  }
}
