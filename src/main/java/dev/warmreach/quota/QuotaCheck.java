package dev.warmreach.quota;

import java.time.Instant;
import java.util.Objects;

/** Whether an account may take an action now: allowed, later, or not at all. */
public sealed interface QuotaCheck {

  /** The action may go ahead now. */
  record Allowed() implements QuotaCheck {}

  /** Not now; try again at {@code until}. */
  record Deferred(Instant until, String reason) implements QuotaCheck {
    public Deferred {
      Objects.requireNonNull(until, "until");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Not possible for this account at all, e.g. InMail on a free plan. */
  record Refused(String reason) implements QuotaCheck {
    public Refused {
      Objects.requireNonNull(reason, "reason");
    }
  }

  QuotaCheck ALLOWED = new Allowed();

  /** The later of two deferrals, or the one that is not allowed. */
  static QuotaCheck stricter(QuotaCheck a, QuotaCheck b) {
    if (a instanceof Refused) {
      return a;
    }
    if (b instanceof Refused) {
      return b;
    }
    if (a instanceof Deferred da && b instanceof Deferred db) {
      return da.until().isAfter(db.until()) ? da : db;
    }
    return a instanceof Deferred ? a : b;
  }
}
