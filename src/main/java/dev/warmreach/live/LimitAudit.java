package dev.warmreach.live;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Message;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.domain.Touch;
import dev.warmreach.quota.CreditLedger;
import dev.warmreach.quota.FollowUpWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks what was actually carried out against the limits, independently of the engine's own
 * bookkeeping — the live counterpart of the forecast's violation counts.
 */
public final class LimitAudit {

  private LimitAudit() {}

  /**
   * Limits broken by {@code touches} (only those carried out count, and uncertain ones, which may
   * have been), by name: weeklyInvites, inmailCredits, doNotContact, workingHours, noteLength,
   * inmailLength, placeholders (text with {@code {{} or {@code }}}).
   */
  public static Map<String, Long> of(
      List<Touch> touches,
      Map<String, SenderAccount> accounts,
      Map<String, CreditLedger> ledgers,
      Set<Long> doNotContact) {
    return of(touches, accounts, ledgers, doNotContact, FollowUps.NONE);
  }

  /**
   * The follow-up windows touches were allowed to fall in on their account's days off: for a
   * follow-up DM of a campaign that allows it, the window its acceptance opened.
   */
  @FunctionalInterface
  public interface FollowUps {
    /** No touch may go on a day off. */
    FollowUps NONE = touch -> Optional.empty();

    Optional<FollowUpWindow> windowOf(Touch touch);
  }

  /**
   * As {@link #of(List, Map, Map, Set)}, with one exception to working hours: a follow-up DM that
   * {@code followUps} gives a window for, sent inside that window on a day off in the account's
   * usual hours, because the window held no working time ({@link FollowUpWindow#excuses}).
   */
  public static Map<String, Long> of(
      List<Touch> touches,
      Map<String, SenderAccount> accounts,
      Map<String, CreditLedger> ledgers,
      Set<Long> doNotContact,
      FollowUps followUps) {
    long weekly = 0;
    long hours = 0;
    long dnc = 0;
    long noteLength = 0;
    long inmailLength = 0;
    long placeholders = 0;
    Map<String, ArrayDeque<Instant>> windows = new LinkedHashMap<>();
    List<Touch> done =
        touches.stream()
            .filter(
                t ->
                    t.status() == Touch.Status.DONE
                        || t.status() == Touch.Status.SKIPPED
                        || t.status() == Touch.Status.UNCERTAIN)
            .sorted(Comparator.comparing(Touch::doneAt))
            .toList();
    for (Touch t : done) {
      SenderAccount account = accounts.get(t.senderAccount());
      if (doNotContact.contains(t.prospectId())) {
        dnc++;
      }
      if (!account.workingHours().contains(t.doneAt(), account.timeZone())
          && !onDayOffAsAllowed(t, account, followUps)) {
        hours++;
      }
      Message message = t.message();
      if (message != null) {
        int length = message.body().codePointCount(0, message.body().length());
        if (length > t.channel().hardLimit(account.plan())) {
          if (t.channel() == Channel.CONNECT) {
            noteLength++;
          } else {
            inmailLength++;
          }
        }
        if ((message.body() + message.subject()).contains("{{")
            || (message.body() + message.subject()).contains("}}")) {
          placeholders++;
        }
      }
      if (t.channel() == Channel.CONNECT) {
        ArrayDeque<Instant> window =
            windows.computeIfAbsent(t.senderAccount(), a -> new ArrayDeque<>());
        while (!window.isEmpty()
            && !window.peekFirst().isAfter(t.doneAt().minus(Duration.ofDays(7)))) {
          window.pollFirst();
        }
        window.addLast(t.doneAt());
        if (window.size() > account.weeklyInvitationCap()) {
          weekly++;
        }
      }
    }
    long credits = 0;
    for (CreditLedger ledger : ledgers.values()) {
      CreditLedger.Totals totals = ledger.totals();
      credits += Math.max(0, totals.spent() - totals.granted() - totals.refunded());
      credits += Math.max(0, totals.refunded() - totals.spent());
    }
    Map<String, Long> broken = new LinkedHashMap<>();
    broken.put("weeklyInvites", weekly);
    broken.put("inmailCredits", credits);
    broken.put("doNotContact", dnc);
    broken.put("workingHours", hours);
    broken.put("noteLength", noteLength);
    broken.put("inmailLength", inmailLength);
    broken.put("placeholders", placeholders);
    return broken;
  }

  private static boolean onDayOffAsAllowed(Touch t, SenderAccount account, FollowUps followUps) {
    return t.channel() == Channel.DM
        && followUps
            .windowOf(t)
            .filter(w -> w.excuses(t.doneAt(), account.workingHours(), account.timeZone()))
            .isPresent();
  }
}
