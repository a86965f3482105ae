package dev.warmreach.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.warmreach.domain.Plan;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CreditLedgerTest {

  private static final ZoneId UTC = ZoneOffset.UTC;
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  private static CreditLedger premium(ZoneId zone, Instant opened) {
    return CreditLedger.open(
        Plan.PREMIUM.monthlyInmailCredits(), Plan.PREMIUM.inmailCreditCap(), zone, opened);
  }

  @Test
  void theFirstAllowanceArrivesWhenTheLedgerOpens() {
    // given
    Instant opened = Instant.parse("2026-01-15T10:00:00Z");

    // when
    CreditLedger ledger = premium(UTC, opened);

    // then
    assertThat(ledger.balance(opened)).isEqualTo(5);
    assertThat(ledger.totals().granted()).isEqualTo(5);
  }

  @Test
  void theAllowanceArrivesAtTheStartOfEachMonthInTheAccountsZone() {
    // given a New York account opened mid-January
    CreditLedger ledger = premium(NEW_YORK, Instant.parse("2026-01-15T15:00:00Z"));

    // when February starts in New York (05:00 UTC), not in UTC
    Instant midnightUtc = Instant.parse("2026-02-01T00:00:00Z");
    Instant midnightNewYork = Instant.parse("2026-02-01T05:00:00Z");

    // then
    assertThat(ledger.balance(midnightUtc)).isEqualTo(5);
    assertThat(ledger.balance(midnightNewYork.minusMillis(1))).isEqualTo(5);
    assertThat(ledger.balance(midnightNewYork)).isEqualTo(10);
  }

  @Test
  void unusedCreditsRollOverUpToTheCap() {
    // given a Premium account, 5 a month held up to 15, opened on 20 January
    CreditLedger ledger = premium(UTC, Instant.parse("2026-01-20T10:00:00Z"));

    // when nothing is spent until mid-April
    Instant april = Instant.parse("2026-04-10T10:00:00Z");
    CreditLedger current = ledger.at(april);

    // then January, February and March rolled over, and April's allowance found no room
    assertThat(ledger.balance(Instant.parse("2026-02-10T10:00:00Z"))).isEqualTo(10);
    assertThat(ledger.balance(Instant.parse("2026-03-10T10:00:00Z"))).isEqualTo(15);
    assertThat(current.balance(april)).isEqualTo(15);
    assertThat(current.totals().granted()).isEqualTo(15);
  }

  @Test
  void anAllowanceOnlyPartlyArrivesWhenTheCapLeavesLessRoom() {
    // given 10 a month held up to 15
    CreditLedger ledger = CreditLedger.open(10, 15, UTC, Instant.parse("2026-01-10T10:00:00Z"));

    // when February's allowance arrives
    int february = ledger.balance(Instant.parse("2026-02-02T10:00:00Z"));

    // then
    assertThat(february).isEqualTo(15);
    assertThat(ledger.at(Instant.parse("2026-03-02T10:00:00Z")).totals().granted()).isEqualTo(15);
  }

  @Test
  void aCreditUnusedFor90DaysExpires() {
    // given 5 credits arriving on 15 January, with room to hold every month's allowance
    Instant opened = Instant.parse("2026-01-15T10:00:00Z");
    CreditLedger ledger = CreditLedger.open(5, 100, UTC, opened);
    Instant ninetyDays = opened.plus(Duration.ofDays(90));

    // when 90 days pass (February, March and April brought 15 more)
    int justBefore = ledger.balance(ninetyDays.minusMillis(1));
    CreditLedger after = ledger.at(ninetyDays);

    // then January's credits lasted 90 days and no longer
    assertThat(justBefore).isEqualTo(20);
    assertThat(after.balance(ninetyDays)).isEqualTo(15);
    assertThat(after.totals().expired()).isEqualTo(5);
  }

  @Test
  void aMonthlyAllowanceExpires90DaysAfterTheMonthStarted() {
    // given February's credits arriving on 1 February in Tokyo
    CreditLedger ledger = CreditLedger.open(5, 100, TOKYO, Instant.parse("2026-01-20T01:00:00Z"));
    Instant february = Instant.parse("2026-01-31T15:00:00Z"); // 1 Feb 00:00 in Tokyo
    Instant expiry = february.plus(Duration.ofDays(90));

    // when
    CreditLedger before = ledger.at(expiry.minusMillis(1));
    CreditLedger after = ledger.at(expiry);

    // then exactly February's five went
    assertThat(after.totals().expired() - before.totals().expired()).isEqualTo(5);
  }

  @Test
  void spendingTakesOneCredit() {
    // given
    Instant now = Instant.parse("2026-01-15T10:00:00Z");
    CreditLedger ledger = premium(UTC, now);

    // when
    CreditLedger after = ledger.spend("inmail-1", 7, now.plusSeconds(60));

    // then
    assertThat(after.balance(now.plusSeconds(60))).isEqualTo(4);
    assertThat(after.totals().spent()).isEqualTo(1);
  }

  @Test
  void spendingTakesTheOldestCreditsFirstSoFewerExpire() {
    // given January's 5 and February's 5
    CreditLedger ledger = CreditLedger.open(5, 100, UTC, Instant.parse("2026-01-15T10:00:00Z"));
    Instant february = Instant.parse("2026-02-10T10:00:00Z");

    // when three are spent in February
    for (int i = 0; i < 3; i++) {
      ledger = ledger.spend("inmail-" + i, i, february);
    }

    // then only January's two left over expire
    CreditLedger april = ledger.at(Instant.parse("2026-04-20T10:00:00Z"));
    assertThat(april.totals().expired()).isEqualTo(2);
    assertThat(april.balance(Instant.parse("2026-04-20T10:00:00Z"))).isEqualTo(15);
  }

  @Test
  void spendingWithNoCreditThrows() {
    // given one credit, spent
    Instant now = Instant.parse("2026-01-15T10:00:00Z");
    CreditLedger ledger = CreditLedger.open(1, 1, UTC, now).spend("inmail-1", 1, now);

    // when / then
    assertThat(ledger.balance(now)).isZero();
    assertThatIllegalStateException()
        .isThrownBy(() -> ledger.spend("inmail-2", 2, now))
        .withMessageContaining("inmail-2");
  }

  @Test
  void refundsTheCreditOnceWhenTheRecipientRespondsWithin90Days() {
    // given an InMail to prospect 7
    Instant sent = Instant.parse("2026-01-15T10:00:00Z");
    CreditLedger ledger = premium(UTC, sent).spend("inmail-1", 7, sent);

    // when they respond 89 days later, and once more
    Instant response = sent.plus(Duration.ofDays(89));
    CreditLedger refunded = ledger.refund(7, response);
    CreditLedger again = refunded.refund(7, response.plusSeconds(60));

    // then the credit came back once
    assertThat(refunded.balance(response) - ledger.balance(response)).isEqualTo(1);
    assertThat(refunded.totals().refunded()).isEqualTo(1);
    assertThat(refunded.isRefunded("inmail-1")).isTrue();
    assertThat(again.totals().refunded()).isEqualTo(1);
    assertThat(again.balance(response.plusSeconds(60)))
        .isEqualTo(refunded.balance(response.plusSeconds(60)));
  }

  @Test
  void givesNothingBackForAResponseAfter90Days() {
    // given an InMail to prospect 7
    Instant sent = Instant.parse("2026-01-15T10:00:00Z");
    CreditLedger ledger = premium(UTC, sent).spend("inmail-1", 7, sent);

    // when they respond 90 days later
    Instant response = sent.plus(Duration.ofDays(90));
    CreditLedger after = ledger.refund(7, response);

    // then
    assertThat(after.totals().refunded()).isZero();
    assertThat(after.balance(response)).isEqualTo(ledger.balance(response));
  }

  @Test
  void givesNothingBackForSomeoneWhoWasNeverSentAnInmail() {
    // given an InMail to prospect 7
    Instant now = Instant.parse("2026-01-15T10:00:00Z");
    CreditLedger ledger = premium(UTC, now).spend("inmail-1", 7, now);

    // when prospect 8 responds
    CreditLedger after = ledger.refund(8, now.plusSeconds(60));

    // then
    assertThat(after.totals().refunded()).isZero();
    assertThat(after.balance(now.plusSeconds(60))).isEqualTo(4);
  }

  @Test
  void aSecondInmailBeforeAResponseCostsAnotherCreditAndTheResponseReturnsOne() {
    // given two InMails to prospect 7 before they respond
    Instant now = Instant.parse("2026-01-15T10:00:00Z");
    CreditLedger ledger =
        premium(UTC, now)
            .spend("inmail-1", 7, now)
            .spend("inmail-2", 7, now.plus(Duration.ofDays(7)));
    Instant response = now.plus(Duration.ofDays(10));

    // when they respond, and the response is reported twice
    CreditLedger refunded = ledger.refund(7, response);
    CreditLedger again = refunded.refund(7, response.plusSeconds(60));

    // then both InMails cost a credit, and one came back
    assertThat(ledger.balance(response)).isEqualTo(3);
    assertThat(refunded.balance(response)).isEqualTo(4);
    assertThat(again.balance(response.plusSeconds(60))).isEqualTo(4);
    assertThat(again.totals().refunded()).isEqualTo(1);
  }

  @Test
  void refundsAgainAfterANewInmailAndANewResponse() {
    // given an InMail answered, then another InMail to the same person
    Instant now = Instant.parse("2026-01-15T10:00:00Z");
    CreditLedger ledger =
        premium(UTC, now)
            .spend("inmail-1", 7, now)
            .refund(7, now.plus(Duration.ofDays(1)))
            .spend("inmail-2", 7, now.plus(Duration.ofDays(20)));

    // when they respond again
    CreditLedger after = ledger.refund(7, now.plus(Duration.ofDays(21)));

    // then the second InMail's credit comes back too
    assertThat(after.totals().refunded()).isEqualTo(2);
    assertThat(after.isRefunded("inmail-2")).isTrue();
  }

  @Test
  void checkAllowsAnInmailWhileACreditIsHeld() {
    Instant now = Instant.parse("2026-01-15T10:00:00Z");

    assertThat(premium(UTC, now).check(now)).isEqualTo(QuotaCheck.ALLOWED);
  }

  @Test
  void checkDefersToTheNextMonthInTheAccountsZoneWhenNoCreditIsLeft() {
    // given a Tokyo account that spent its only credit
    Instant now = Instant.parse("2026-01-20T01:00:00Z");
    CreditLedger ledger = CreditLedger.open(1, 3, TOKYO, now).spend("inmail-1", 1, now);

    // when
    QuotaCheck check = ledger.check(now.plusSeconds(60));

    // then it may go when February starts in Tokyo
    assertThat(check)
        .isInstanceOfSatisfying(
            QuotaCheck.Deferred.class,
            deferred -> {
              assertThat(deferred.until()).isEqualTo(Instant.parse("2026-01-31T15:00:00Z"));
              assertThat(deferred.reason()).contains("no InMail credits left");
            });
    assertThat(ledger.check(Instant.parse("2026-01-31T15:00:00Z"))).isEqualTo(QuotaCheck.ALLOWED);
  }

  @Test
  void checkRefusesAnAccountWhosePlanIncludesNoCredits() {
    // given a free account
    Instant now = Instant.parse("2026-01-15T10:00:00Z");
    CreditLedger ledger =
        CreditLedger.open(Plan.FREE.monthlyInmailCredits(), Plan.FREE.inmailCreditCap(), UTC, now);

    // when
    QuotaCheck check = ledger.check(now.plus(Duration.ofDays(40)));

    // then
    assertThat(check)
        .isInstanceOfSatisfying(
            QuotaCheck.Refused.class,
            refused -> assertThat(refused.reason()).contains("no InMail credits"));
    assertThat(ledger.balance(now.plus(Duration.ofDays(40)))).isZero();
  }

  @Test
  void rejectsACapBelowTheMonthlyAllowance() {
    // given a cap below the allowance
    Instant now = Instant.parse("2026-01-15T10:00:00Z");

    // when / then
    assertThatIllegalArgumentException().isThrownBy(() -> CreditLedger.open(10, 5, UTC, now));
  }
}
