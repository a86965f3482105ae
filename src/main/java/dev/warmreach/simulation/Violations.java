package dev.warmreach.simulation;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.quota.CreditLedger;
import dev.warmreach.quota.FollowUpWindow;
import dev.warmreach.sequence.ProspectState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts broken limits from what was actually sent, independently of the engine's own bookkeeping:
 * a second pair of eyes, so a forecast with zero violations means the limits held.
 */
final class Violations {

  private final Map<String, ArrayDeque<Instant>> invitations = new HashMap<>();
  private long weeklyInvites;
  private long inmailCredits;
  private long doNotContact;
  private long workingHours;
  private long noteLength;

  Violations(List<Scenario.Account> accounts) {
    for (Scenario.Account account : accounts) {
      invitations.put(account.account().name(), new ArrayDeque<>());
    }
  }

  /**
   * A touch went out at {@code now}; {@code daysOff}, when not null, is the window a follow-up DM
   * was allowed to fall in on a day off (in the usual hours, when the window held no working time).
   */
  void onSend(
      SenderAccount account,
      ProspectState prospect,
      Channel channel,
      String note,
      FollowUpWindow daysOff,
      Instant now) {
    if (prospect.doNotContact()) {
      doNotContact++;
    }
    if (!account.workingHours().contains(now, account.timeZone())
        && !(channel == Channel.DM
            && daysOff != null
            && daysOff.excuses(now, account.workingHours(), account.timeZone()))) {
      workingHours++;
    }
    if (channel == Channel.CONNECT) {
      ArrayDeque<Instant> window = invitations.get(account.name());
      while (!window.isEmpty() && !window.peekFirst().isAfter(now.minus(Duration.ofDays(7)))) {
        window.pollFirst();
      }
      window.addLast(now);
      if (window.size() > account.weeklyInvitationCap()) {
        weeklyInvites++;
      }
      if (note.codePointCount(0, note.length()) > account.plan().noteCharacters()) {
        noteLength++;
      }
    }
  }

  void onCredits(CreditLedger ledger, Instant now) {
    if (ledger.balance(now) < 0) {
      inmailCredits++;
    }
  }

  /** At the end: never more spent than arrived plus refunded, and no refund without a spend. */
  void onLedgerClosed(CreditLedger ledger) {
    CreditLedger.Totals t = ledger.totals();
    if (t.spent() > t.granted() + t.refunded()) {
      inmailCredits += t.spent() - t.granted() - t.refunded();
    }
    if (t.refunded() > t.spent()) {
      inmailCredits += t.refunded() - t.spent();
    }
  }

  Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("weeklyInvites", weeklyInvites);
    counts.put("inmailCredits", inmailCredits);
    counts.put("doNotContact", doNotContact);
    counts.put("workingHours", workingHours);
    counts.put("noteLength", noteLength);
    return counts;
  }
}
