package dev.warmreach.web.http;

import dev.warmreach.domain.UserError;
import dev.warmreach.forecast.ForecastLimits;
import dev.warmreach.forecast.ForecastTooLarge;
import dev.warmreach.simulation.ForecastResult;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.BufferUtil;

/**
 * The forecasts the server runs for requests (the API's and the dashboard's): each on a thread of
 * its own, within the {@link ForecastLimits#budget time budget}, and interrupted when the budget is
 * spent, the client goes away or the server stops, so no forecast outlives its request or holds up
 * the server's stop. At most two run at once and a few wait. Thread-safe.
 */
public final class ForecastRuns implements AutoCloseable {

  private static final long LOOK_EVERY_MILLIS = 200;
  private static final String CLI =
      "forecast it from the command line, which has no time limit: 'warmreach forecast --scenario"
          + " FILE' (docs/forecast.md)";

  private final ForecastLimits limits;
  private final ThreadPoolExecutor threads;

  public ForecastRuns(ForecastLimits limits) {
    this.limits = limits;
    AtomicInteger count = new AtomicInteger();
    this.threads =
        new ThreadPoolExecutor(
            2,
            2,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(4),
            work -> {
              Thread thread = new Thread(work, "warmreach-forecast-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  public ForecastLimits limits() {
    return limits;
  }

  /**
   * Runs {@code forecast} for the request {@code ctx} and returns its result.
   *
   * @throws ProblemException 422 when it is too large, 503 when the budget ran out, the server is
   *     busy with other forecasts or stopping, or the client went away
   */
  public ForecastResult run(Context ctx, Callable<ForecastResult> forecast) {
    Future<ForecastResult> running;
    try {
      running = threads.submit(forecast);
    } catch (RejectedExecutionException e) {
      throw unavailable(
          threads.isShutdown()
              ? "the server is stopping; try again once it is back"
              : "the server is busy with other forecasts; try again in a minute, or " + CLI);
    }
    long deadline = System.nanoTime() + limits.budget().toNanos();
    Client client = new Client(ctx);
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          running.cancel(true);
          throw unavailable(
              "the forecast took longer than the server's budget of "
                  + limits.budget().toSeconds()
                  + " s; ask for fewer weeks, or "
                  + CLI);
        }
        try {
          return running.get(
              Math.min(left, TimeUnit.MILLISECONDS.toNanos(LOOK_EVERY_MILLIS)),
              TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
          if (client.gone()) {
            running.cancel(true);
            throw unavailable("the client went away; the forecast was stopped");
          }
        }
      }
    } catch (InterruptedException e) {
      running.cancel(true);
      Thread.currentThread().interrupt();
      throw unavailable("the server is stopping; try again once it is back");
    } catch (CancellationException e) {
      throw unavailable("the server is stopping; try again once it is back");
    } catch (ExecutionException e) {
      throw unwrapped(e.getCause());
    }
  }

  private static RuntimeException unwrapped(Throwable cause) {
    if (cause instanceof ForecastTooLarge tooLarge) {
      return new ProblemException(
          ProblemException.problem(
              "forecast-too-large", "Forecast too large", 422, tooLarge.getMessage()));
    }
    if (cause instanceof CancellationException) {
      return unavailable("the server is stopping; try again once it is back");
    }
    if (cause instanceof UserError || cause instanceof RuntimeException) {
      return (RuntimeException) cause;
    }
    return new IllegalStateException("the forecast failed", cause);
  }

  private static ProblemException unavailable(String detail) {
    return new ProblemException(
        ProblemException.problem("forecast-unavailable", "Forecast not available", 503, detail));
  }

  /** Interrupts every forecast running or waiting; those waiting for them answer 503 at once. */
  @Override
  public void close() {
    threads.shutdownNow();
  }

  /**
   * The connection a request came on. Jetty does not read from a connection while its request is
   * handled, so a client that closed it is only noticed by reading: after the request's body there
   * is nothing to read but the end of the stream. (A pipelined request would be read too; browsers
   * and HTTP clients do not pipeline after a POST.)
   */
  private static final class Client {
    private final EndPoint endPoint;
    private boolean talking;

    Client(Context ctx) {
      Request request = Request.getBaseRequest(ctx.req());
      this.endPoint =
          request == null || request.getHttpChannel() == null
              ? null
              : request.getHttpChannel().getEndPoint();
    }

    boolean gone() {
      if (endPoint == null || talking) {
        return false;
      }
      if (!endPoint.isOpen()) {
        return true;
      }
      try {
        ByteBuffer buffer = BufferUtil.allocate(1);
        int read = endPoint.fill(buffer);
        if (read > 0) {
          talking = true;
        }
        return read < 0;
      } catch (IOException e) {
        return true;
      }
    }
  }
}
