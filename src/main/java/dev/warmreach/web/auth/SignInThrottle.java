package dev.warmreach.web.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Slows down guessing passwords. Each sign-in is counted before its password is checked, against
 * its (normalised) email and against the client address it came from: after {@link #MAX_FAILURES}
 * attempts for one email, or {@link #MAX_FAILURES_PER_CLIENT} from one address, within {@link
 * #WINDOW}, further ones are held back until the oldest leaves the window. A right password takes
 * its own attempt back and clears the email's. Counting first, in one step, is what keeps parallel
 * guesses from all being checked. Kept in memory per server node (a restart forgets). Thread-safe.
 */
final class SignInThrottle {

  static final int MAX_FAILURES = 5;
  static final int MAX_FAILURES_PER_CLIENT = 20;
  static final Duration WINDOW = Duration.ofMinutes(15);

  /** Beyond this many emails or addresses with attempts, the ones whose attempts expired go. */
  private static final int MAX_TRACKED = 10_000;

  /** What the throttle made of a sign-in attempt. */
  sealed interface Verdict {

    /** Counted: its password may be checked. */
    record Admitted(String email, String client, Instant at) implements Verdict {}

    /** Not to be checked: too many attempts for the email or from the client address. */
    record HeldBack(Duration retryAfter, boolean byClient) implements Verdict {}
  }

  private final Clock clock;
  private final Map<String, Deque<Instant>> byEmail = new HashMap<>();
  private final Map<String, Deque<Instant>> byClient = new HashMap<>();

  SignInThrottle(Clock clock) {
    this.clock = clock;
  }

  /**
   * Counts an attempt for {@code email} (normalised) from {@code client}, or holds it back when
   * either has had too many.
   */
  synchronized Verdict admit(String email, String client) {
    Instant now = clock.instant();
    forgetExpired(now);
    Deque<Instant> forEmail = recent(byEmail, email, now);
    Deque<Instant> fromClient = recent(byClient, client, now);
    if (forEmail.size() >= MAX_FAILURES) {
      return new Verdict.HeldBack(waitFor(forEmail, now), false);
    }
    if (fromClient.size() >= MAX_FAILURES_PER_CLIENT) {
      return new Verdict.HeldBack(waitFor(fromClient, now), true);
    }
    forEmail.addLast(now);
    fromClient.addLast(now);
    return new Verdict.Admitted(email, client, now);
  }

  /** The password was right: the attempt no longer counts, nor do the email's earlier ones. */
  synchronized void succeeded(Verdict.Admitted attempt) {
    byEmail.remove(attempt.email());
    takeBack(byClient, attempt.client(), attempt.at());
  }

  /** The password was never checked (the server was busy): the attempt does not count. */
  synchronized void withdraw(Verdict.Admitted attempt) {
    takeBack(byEmail, attempt.email(), attempt.at());
    takeBack(byClient, attempt.client(), attempt.at());
  }

  private static Deque<Instant> recent(Map<String, Deque<Instant>> map, String key, Instant now) {
    Deque<Instant> attempts = map.computeIfAbsent(key, k -> new ArrayDeque<>());
    while (!attempts.isEmpty() && !attempts.peekFirst().plus(WINDOW).isAfter(now)) {
      attempts.pollFirst();
    }
    return attempts;
  }

  private static Duration waitFor(Deque<Instant> attempts, Instant now) {
    return Duration.between(now, attempts.peekFirst().plus(WINDOW));
  }

  private static void takeBack(Map<String, Deque<Instant>> map, String key, Instant at) {
    Deque<Instant> attempts = map.get(key);
    if (attempts != null) {
      attempts.removeFirstOccurrence(at);
    }
  }

  private void forgetExpired(Instant now) {
    Instant cutoff = now.minus(WINDOW);
    for (Map<String, Deque<Instant>> map : java.util.List.of(byEmail, byClient)) {
      if (map.size() > MAX_TRACKED) {
        map.values().removeIf(d -> d.isEmpty() || !d.peekLast().isAfter(cutoff));
      }
    }
  }
}
