package dev.warmreach.quota;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An account's InMail credits (SPEC §1): an allowance arrives at the start of each month and rolls
 * over up to a cap; a credit unused for 90 days expires; each InMail spends one; a credit comes
 * back, once, when the recipient responds within 90 days. The balance is never negative.
 *
 * @param lots credits held, oldest first; spent oldest first
 * @param spends InMails that may still be refunded (younger than 90 days)
 * @param granted the last month whose allowance arrived, in the account's time zone
 */
public record CreditLedger(
    int allowance,
    int cap,
    ZoneId zone,
    List<Lot> lots,
    List<Spend> spends,
    YearMonth granted,
    Totals totals) {

  /** Credits expire, and refunds are possible, for this long. */
  public static final Duration NINETY_DAYS = Duration.ofDays(90);

  /** Credits that arrived together; they expire together. */
  public record Lot(Instant arrived, int credits) {}

  /** One InMail's credit, refundable until 90 days after {@code at}. */
  public record Spend(String key, long prospectId, Instant at, boolean refunded) {}

  /** Running totals, for reports. */
  public record Totals(long granted, long spent, long refunded, long expired) {
    static final Totals ZERO = new Totals(0, 0, 0, 0);
  }

  public CreditLedger {
    Objects.requireNonNull(zone, "zone");
    lots = List.copyOf(lots);
    spends = List.copyOf(spends);
    if (allowance < 0 || cap < allowance) {
      throw new IllegalArgumentException("need 0 <= allowance <= cap: " + allowance + ", " + cap);
    }
  }

  /** A ledger whose first allowance arrives at {@code now}. */
  public static CreditLedger open(int allowance, int cap, ZoneId zone, Instant now) {
    // Dated now, not at the start of the month, so these credits too last the full 90 days.
    List<Lot> first = allowance == 0 ? List.of() : List.of(new Lot(now, allowance));
    YearMonth month = YearMonth.from(now.atZone(zone));
    return new CreditLedger(
        allowance, cap, zone, first, List.of(), month, new Totals(allowance, 0, 0, 0));
  }

  /** Credits available at {@code now}. */
  public int balance(Instant now) {
    return at(now).held();
  }

  private int held() {
    int sum = 0;
    for (Lot lot : lots) {
      sum += lot.credits();
    }
    return sum;
  }

  /** This ledger brought up to {@code now}: monthly allowances arrived, old credits expired. */
  public CreditLedger at(Instant now) {
    List<Lot> held = new ArrayList<>(lots);
    YearMonth month = granted;
    long grantedTotal = totals.granted();
    long expiredTotal = totals.expired();
    YearMonth current = YearMonth.from(now.atZone(zone));
    while (month.isBefore(current)) {
      month = month.plusMonths(1);
      Instant arrives = month.atDay(1).atStartOfDay(zone).toInstant();
      expiredTotal += expire(held, arrives);
      int room = cap - sum(held);
      int arriving = Math.max(0, Math.min(allowance, room));
      if (arriving > 0) {
        held.add(new Lot(arrives, arriving));
        grantedTotal += arriving;
      }
    }
    expiredTotal += expire(held, now);
    List<Spend> refundable = new ArrayList<>();
    for (Spend spend : spends) {
      if (spend.at().plus(NINETY_DAYS).isAfter(now)) {
        refundable.add(spend);
      }
    }
    return new CreditLedger(
        allowance,
        cap,
        zone,
        held,
        refundable,
        month,
        new Totals(grantedTotal, totals.spent(), totals.refunded(), expiredTotal));
  }

  private static int expire(List<Lot> held, Instant now) {
    int expired = 0;
    while (!held.isEmpty() && !held.get(0).arrived().plus(NINETY_DAYS).isAfter(now)) {
      expired += held.remove(0).credits();
    }
    return expired;
  }

  private static int sum(List<Lot> held) {
    int sum = 0;
    for (Lot lot : held) {
      sum += lot.credits();
    }
    return sum;
  }

  /** Allowed when a credit is held; otherwise deferred to the next month's allowance. */
  public QuotaCheck check(Instant now) {
    if (allowance == 0 && balance(now) == 0) {
      return new QuotaCheck.Refused("this account has no InMail credits (its plan includes none)");
    }
    CreditLedger current = at(now);
    if (current.held() > 0) {
      return QuotaCheck.ALLOWED;
    }
    Instant next = current.granted.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    return new QuotaCheck.Deferred(next, "no InMail credits left until the next monthly allowance");
  }

  /**
   * Spends one credit for the InMail {@code key} to {@code prospectId}.
   *
   * @throws IllegalStateException when no credit is held: callers check first
   */
  public CreditLedger spend(String key, long prospectId, Instant now) {
    CreditLedger current = at(now);
    if (current.held() == 0) {
      throw new IllegalStateException("no InMail credit to spend for " + key);
    }
    List<Lot> held = new ArrayList<>(current.lots);
    Lot oldest = held.remove(0);
    if (oldest.credits() > 1) {
      held.add(0, new Lot(oldest.arrived(), oldest.credits() - 1));
    }
    List<Spend> spent = new ArrayList<>(current.spends);
    spent.add(new Spend(key, prospectId, now, false));
    Totals t = current.totals;
    return new CreditLedger(
        allowance,
        cap,
        zone,
        held,
        spent,
        current.granted,
        new Totals(t.granted(), t.spent() + 1, t.refunded(), t.expired()));
  }

  /**
   * The recipient responded: the latest of their unrefunded InMails within 90 days gets its credit
   * back. Nothing changes when there is none, so a repeated response never refunds twice.
   */
  public CreditLedger refund(long prospectId, Instant now) {
    CreditLedger current = at(now);
    List<Spend> spent = new ArrayList<>(current.spends);
    for (int i = spent.size() - 1; i >= 0; i--) {
      Spend s = spent.get(i);
      if (s.prospectId() == prospectId && !s.refunded()) {
        spent.set(i, new Spend(s.key(), s.prospectId(), s.at(), true));
        // One response returns one credit: it answers their earlier InMails too, so a response
        // reported again cannot refund those (a second InMail before a response costs another).
        spent.removeIf(other -> other.prospectId() == prospectId && !other.refunded());
        List<Lot> held = new ArrayList<>(current.lots);
        held.add(new Lot(now, 1));
        Totals t = current.totals;
        return new CreditLedger(
            allowance,
            cap,
            zone,
            held,
            spent,
            current.granted,
            new Totals(t.granted(), t.spent(), t.refunded() + 1, t.expired()));
      }
    }
    return current;
  }

  /** Whether the InMail {@code key} has had its credit back. */
  public boolean isRefunded(String key) {
    return spends.stream().anyMatch(s -> s.key().equals(key) && s.refunded());
  }
}
