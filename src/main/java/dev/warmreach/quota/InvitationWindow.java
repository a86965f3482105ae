package dev.warmreach.quota;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Connection requests sent over the last 7 days, rolling: LinkedIn counts invitations per week, so
 * the cap applies to any 7-day span, not to calendar weeks.
 *
 * @param sent send times in order, only those within the last 7 days are kept
 */
public record InvitationWindow(List<Instant> sent) {

  public static final Duration SPAN = Duration.ofDays(7);

  public InvitationWindow {
    sent = List.copyOf(sent);
  }

  public static InvitationWindow empty() {
    return new InvitationWindow(List.of());
  }

  /** Requests sent in the 7 days up to {@code now}. */
  public int sentInLastWeek(Instant now) {
    int count = 0;
    for (Instant at : sent) {
      if (at.isAfter(now.minus(SPAN))) {
        count++;
      }
    }
    return count;
  }

  /**
   * Allowed while fewer than {@code cap} went out in the last 7 days; else when the oldest ages
   * out.
   */
  public QuotaCheck check(Instant now, int cap) {
    if (cap <= 0) {
      return new QuotaCheck.Refused("the account's weekly invitation cap is 0");
    }
    List<Instant> recent = recent(now);
    if (recent.size() < cap) {
      return QuotaCheck.ALLOWED;
    }
    Instant freed = recent.get(recent.size() - cap).plus(SPAN);
    return new QuotaCheck.Deferred(
        freed, "weekly invitation cap reached (" + recent.size() + " of " + cap + " in 7 days)");
  }

  /** This window with a request sent at {@code now}, older ones dropped. */
  public InvitationWindow record(Instant now) {
    List<Instant> kept = new ArrayList<>(recent(now));
    kept.add(now);
    return new InvitationWindow(kept);
  }

  private List<Instant> recent(Instant now) {
    Instant from = now.minus(SPAN);
    int first = 0;
    while (first < sent.size() && !sent.get(first).isAfter(from)) {
      first++;
    }
    return sent.subList(first, sent.size());
  }
}
