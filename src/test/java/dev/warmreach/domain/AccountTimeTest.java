package dev.warmreach.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.policy.Decision;
import dev.warmreach.store.DecisionRecord;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountTimeTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Test
  void aWaitIsToldOnTheAccountsClockWithTheZoneNamed() {
    Decision wait =
        new Decision.Wait(Instant.parse("2026-03-03T09:00:00Z"), List.of("waiting for accepted"));

    assertThat(wait.summaryIn(BERLIN))
        .isEqualTo("Wait until Tue 3 Mar 2026, 10:00 (Europe/Berlin): waiting for accepted");
    assertThat(wait.summaryIn(ZoneId.of("America/New_York")))
        .isEqualTo("Wait until Tue 3 Mar 2026, 04:00 (America/New_York): waiting for accepted");
  }

  @Test
  void summerTimeIsTakenIntoAccount() {
    assertThat(AccountTime.inWords(Instant.parse("2026-07-01T09:00:00Z"), BERLIN))
        .isEqualTo("Wed 1 Jul 2026, 11:00 (Europe/Berlin)");
  }

  @Test
  void otherDecisionsReadTheSameOnAnyClock() {
    Decision send = Decision.send(Channel.DM, false, "connected");

    assertThat(send.summaryIn(BERLIN)).isEqualTo(send.summary());
    assertThat(Decision.skip("on the do-not-contact list").summaryIn(BERLIN))
        .isEqualTo("Skip: on the do-not-contact list");
  }

  @Test
  void aStoredWaitIsShownOnTheAccountsClock() {
    Instant at = Instant.parse("2026-03-02T09:00:00Z");
    DecisionRecord stored =
        new DecisionRecord(
            1,
            2,
            "let-it-land",
            "WAIT",
            "Wait until 2026-03-03T09:00:00.125Z: waiting for time to pass",
            at);
    DecisionRecord sent = new DecisionRecord(1, 2, "request", "SEND", "Message: connected", at);
    DecisionRecord odd =
        new DecisionRecord(1, 2, "x", "WAIT", "Wait until tomorrow: no instant here", at);

    assertThat(stored.summaryIn(BERLIN))
        .isEqualTo("Wait until Tue 3 Mar 2026, 10:00 (Europe/Berlin): waiting for time to pass");
    assertThat(sent.summaryIn(BERLIN)).isEqualTo("Message: connected");
    assertThat(odd.summaryIn(BERLIN)).isEqualTo("Wait until tomorrow: no instant here");
  }
}
