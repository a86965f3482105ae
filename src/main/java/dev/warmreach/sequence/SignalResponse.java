package dev.warmreach.sequence;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Event.Signal.Kind;
import dev.warmreach.domain.ProspectFacts.SignalSeen;
import dev.warmreach.domain.ProspectHistory;
import dev.warmreach.domain.ProspectHistory.Connection;
import dev.warmreach.domain.Seniority;
import java.time.Duration;
import java.time.Instant;

/**
 * How the engine answers a buying signal (SPEC §3): a signal is worth acting on while it is fresh
 * (its score, by kind, halves every few days) and nothing has been sent to the prospect since it
 * arrived. The answer is a channel chosen by what the signal is and where the prospect stands: a
 * congratulating message to a connection, a request whose note names the news to anyone else, a
 * warm-up on a relevant post, an InMail to a senior prospect with company news when credits allow.
 * Pure and thread-safe.
 */
public final class SignalResponse {

  /** Below this score a signal is too old to act on. */
  static final double ACT_ABOVE = 0.25;

  private SignalResponse() {}

  /**
   * The prospect's latest signal, when it is still worth acting on at {@code now}: scored above
   * {@link #ACT_ABOVE} and not yet answered by a touch; empty otherwise.
   */
  public static SignalSeen fresh(SignalSeen signal, ProspectHistory history, Instant now) {
    if (signal == null || signal.at().isAfter(now)) {
      return null;
    }
    if (history.lastTouchAt() != null && !history.lastTouchAt().isBefore(signal.at())) {
      return null; // something went to them after it: it was acted on
    }
    return score(signal.kind(), Duration.between(signal.at(), now)) >= ACT_ABOVE ? signal : null;
  }

  /** How much a signal of {@code kind} is worth {@code age} after it happened: 0 to 1. */
  public static double score(Kind kind, Duration age) {
    double days = Math.max(0, age.toMinutes() / 1440.0);
    return weight(kind) * Math.pow(0.5, days / halfLifeDays(kind));
  }

  /** The longest a signal of any kind stays worth acting on. */
  public static Duration longestFresh() {
    double longest = 0;
    for (Kind kind : Kind.values()) {
      longest =
          Math.max(longest, halfLifeDays(kind) * Math.log(weight(kind) / ACT_ABOVE) / Math.log(2));
    }
    return Duration.ofMinutes((long) Math.ceil(longest * 1440));
  }

  private static double weight(Kind kind) {
    return switch (kind) {
      case ROLE_CHANGE -> 1.0;
      case ENGAGED_WITH_SENDER -> 0.9;
      case COMPANY_MILESTONE -> 0.8;
      case RELEVANT_POST -> 0.7;
      case HIRING -> 0.6;
    };
  }

  // A new role stays news for weeks; a post is old in a few days.
  private static double halfLifeDays(Kind kind) {
    return switch (kind) {
      case ROLE_CHANGE -> 7;
      case HIRING -> 7;
      case COMPANY_MILESTONE -> 5;
      case ENGAGED_WITH_SENDER -> 3;
      case RELEVANT_POST -> 2;
    };
  }

  /**
   * The channel that answers {@code signal} for a prospect who stands at {@code history}, or {@code
   * null} when the best answer is to bring their next step forward on its own channel (a request
   * still pending, no InMail credit for news that needs one).
   *
   * @param creditsLeft InMail credits the sending account has left
   */
  public static Channel channel(
      SignalSeen signal, Seniority seniority, ProspectHistory history, int creditsLeft) {
    if (history.connected()) {
      return Channel.DM;
    }
    boolean senior = seniority.isSeniorDecisionMaker();
    if (signal.kind() == Kind.COMPANY_MILESTONE && senior && creditsLeft > 0) {
      return Channel.INMAIL;
    }
    if (history.connection() == Connection.PENDING) {
      return null;
    }
    if (history.connection() == Connection.DECLINED) {
      return senior && creditsLeft > 0 ? Channel.INMAIL : null;
    }
    if (signal.kind() == Kind.RELEVANT_POST && !history.engaged()) {
      return Channel.ENGAGE;
    }
    return Channel.CONNECT;
  }

  /** The reason a decision gives for acting now, e.g. "signal: started as VP Sales 2 days ago". */
  public static String reason(SignalSeen signal, Instant now) {
    String what =
        signal.detail().isEmpty()
            ? signal.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
            : signal.detail();
    return "signal: " + what + " " + ago(Duration.between(signal.at(), now));
  }

  private static String ago(Duration age) {
    long days = age.toDays();
    if (days >= 2) {
      return days + " days ago";
    }
    if (days == 1) {
      return "yesterday";
    }
    long hours = age.toHours();
    return hours >= 2 ? hours + " hours ago" : "just now";
  }
}
