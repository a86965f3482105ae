package dev.warmreach.quota;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Connection requests still waiting for an answer. Many pending requests hurt an account, so they
 * are capped, and those older than a set age are withdrawn.
 *
 * @param sentAt when each pending request went out, by prospect id, oldest first
 */
public record PendingInvitations(Map<Long, Instant> sentAt) {

  public PendingInvitations {
    sentAt = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sentAt));
  }

  public static PendingInvitations none() {
    return new PendingInvitations(Map.of());
  }

  public int count() {
    return sentAt.size();
  }

  public boolean isPending(long prospectId) {
    return sentAt.containsKey(prospectId);
  }

  /** Allowed while fewer than {@code cap} are pending. */
  public QuotaCheck check(Instant now, int cap, Duration withdrawAfter) {
    if (sentAt.size() < cap) {
      return QuotaCheck.ALLOWED;
    }
    Instant oldest = sentAt.values().iterator().next();
    Instant freed = oldest.plus(withdrawAfter);
    return new QuotaCheck.Deferred(
        freed.isAfter(now) ? freed : now.plus(Duration.ofHours(1)),
        sentAt.size()
            + " invitations pending (cap "
            + cap
            + "); waiting for answers or withdrawals");
  }

  public PendingInvitations sent(long prospectId, Instant now) {
    Map<Long, Instant> next = new LinkedHashMap<>(sentAt);
    next.remove(prospectId);
    next.put(prospectId, now);
    return new PendingInvitations(next);
  }

  /** The request to {@code prospectId} was answered or withdrawn. */
  public PendingInvitations resolved(long prospectId) {
    if (!sentAt.containsKey(prospectId)) {
      return this;
    }
    Map<Long, Instant> next = new LinkedHashMap<>(sentAt);
    next.remove(prospectId);
    return new PendingInvitations(next);
  }

  /** Prospects whose requests are older than {@code age} at {@code now}, oldest first. */
  public List<Long> olderThan(Duration age, Instant now) {
    List<Long> due = new ArrayList<>();
    for (Map.Entry<Long, Instant> e : sentAt.entrySet()) {
      if (!e.getValue().plus(age).isAfter(now)) {
        due.add(e.getKey());
      }
    }
    return due;
  }
}
