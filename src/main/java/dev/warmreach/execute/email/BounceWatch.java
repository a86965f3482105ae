package dev.warmreach.execute.email;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Touch;
import dev.warmreach.execute.Executor;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Reads the bounce mailbox from the live loop, at most once per {@code interval}: bounces become
 * events the engine moves on from. It carries out no touches. A mailbox that cannot be reached is
 * reported once and tried again at the next interval; the engine keeps running. Not thread-safe:
 * one live loop calls it.
 */
public final class BounceWatch implements Executor {

  private final BounceReader reader;
  private final Clock clock;
  private final Duration interval;
  private final PrintWriter log;
  private Instant nextPoll;
  private String lastProblem;

  public BounceWatch(BounceReader reader, Clock clock, Duration interval, PrintWriter log) {
    this.reader = reader;
    this.clock = clock;
    this.interval = interval;
    this.log = log;
  }

  @Override
  public Set<Channel> channels() {
    return Set.of();
  }

  @Override
  public void execute(Touch touch) {
    throw new IllegalArgumentException("the bounce mailbox carries out no touches");
  }

  @Override
  public int runDue() {
    Instant now = clock.instant();
    if (nextPoll != null && now.isBefore(nextPoll)) {
      return 0;
    }
    nextPoll = now.plus(interval);
    try {
      int recorded = reader.poll();
      lastProblem = null;
      return recorded;
    } catch (BounceReader.MailboxUnavailable e) {
      if (!e.getMessage().equals(lastProblem)) {
        log.println(
            "warmreach: " + e.getMessage() + "; trying again in " + interval.toMinutes() + " min");
        log.flush();
      }
      lastProblem = e.getMessage();
      return 0;
    }
  }
}
