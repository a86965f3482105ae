package dev.warmreach.web.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing passwords: after {@link #MAX_FAILURES} wrong passwords for one email within
 * {@link #WINDOW}, further sign-ins for it are refused until the oldest failure leaves the window.
 * Kept in memory per server node (a restart forgets); Argon2id already makes each guess cost about
 * 100 ms of CPU. Thread-safe.
 */
final class SignInThrottle {

  static final int MAX_FAILURES = 5;
  static final Duration WINDOW = Duration.ofMinutes(15);

  /** Beyond this many emails with failures, the ones whose failures have all expired go. */
  private static final int MAX_TRACKED = 10_000;

  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  SignInThrottle(Clock clock) {
    this.clock = clock;
  }

  /** How long {@code email} must wait before trying again; empty when it may try now. */
  Optional<Duration> wait(String email) {
    Deque<Instant> recent = failures.get(key(email));
    if (recent == null) {
      return Optional.empty();
    }
    synchronized (recent) {
      Instant now = clock.instant();
      expire(recent, now);
      if (recent.size() < MAX_FAILURES) {
        return Optional.empty();
      }
      return Optional.of(Duration.between(now, recent.peekFirst().plus(WINDOW)));
    }
  }

  void failed(String email) {
    Instant now = clock.instant();
    if (failures.size() > MAX_TRACKED) {
      failures.values().removeIf(d -> d.isEmpty() || d.peekLast().isBefore(now.minus(WINDOW)));
    }
    Deque<Instant> recent = failures.computeIfAbsent(key(email), k -> new ArrayDeque<>());
    synchronized (recent) {
      expire(recent, now);
      recent.addLast(now);
    }
  }

  void succeeded(String email) {
    failures.remove(key(email));
  }

  private static void expire(Deque<Instant> recent, Instant now) {
    while (!recent.isEmpty() && !recent.peekFirst().plus(WINDOW).isAfter(now)) {
      recent.pollFirst();
    }
  }

  private static String key(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }
}
