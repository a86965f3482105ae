package dev.warmreach.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.warmreach.domain.Channel;
import dev.warmreach.domain.ConnectionDegree;
import dev.warmreach.domain.Plan;
import dev.warmreach.domain.ProspectHistory;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.domain.WorkingHours;
import dev.warmreach.quota.AccountLimits;
import dev.warmreach.quota.AccountState;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class StateJsonTest {

  private static final Instant MONDAY = Instant.parse("2026-11-30T08:15:30.250Z");

  /** How states were saved before instants were kept as numbers: ISO text. */
  private static final ObjectMapper AS_TEXT =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private static AccountState busyAccount() {
    SenderAccount account =
        new SenderAccount(
            "sdr-1",
            Plan.SALES_NAVIGATOR,
            200,
            50,
            ZoneId.of("Europe/Berlin"),
            WorkingHours.parse("Mon-Fri 09:00-17:30"));
    AccountState state = AccountState.open(account, AccountLimits.defaultsFor(account), MONDAY);
    for (int i = 0; i < 30; i++) {
      Instant at = MONDAY.plus(Duration.ofMinutes(11L * i)).plusMillis(i);
      state = state.sent(Channel.CONNECT, 100 + i, "connect-" + i, i % 2 == 0, false, at);
    }
    state = state.sent(Channel.INMAIL, 7, "inmail-7", false, false, MONDAY.plusSeconds(9_000));
    state = state.sent(Channel.DM, 8, "dm-8", false, false, MONDAY.plusSeconds(9_600));
    return state.answered(101, true, MONDAY.plus(Duration.ofDays(2)));
  }

  @Test
  void anAccountStateReadsBackAsItWasSavedToTheMillisecond() {
    AccountState state = busyAccount();

    String json = StateJson.write(state);

    assertThat(json).doesNotContain("2026-11-30T");
    assertThat(StateJson.account("someone-else", json)).isEqualTo(state);
  }

  @Test
  void aStateSavedAsTextBeforeReadsTheSameAsOneSavedNow() throws Exception {
    AccountState state = busyAccount();
    String before = AS_TEXT.writeValueAsString(state);

    assertThat(before).contains("2026-11-30T");
    assertThat(StateJson.account("sdr-1-old", before)).isEqualTo(state);
  }

  @Test
  void aProspectHistorySavedAsTextBeforeReadsTheSameAsOneSavedNow() throws Exception {
    ProspectHistory history =
        ProspectHistory.start(ConnectionDegree.SECOND)
            .touched(Channel.CONNECT, MONDAY)
            .withEngagement();

    assertThat(StateJson.history(StateJson.write(history))).isEqualTo(history);
    assertThat(StateJson.history(AS_TEXT.writeValueAsString(history))).isEqualTo(history);
  }

  @Test
  void aChangedStateIsParsedAgainNotTakenFromTheMemo() {
    AccountState first = busyAccount();
    AccountState later =
        first.sent(Channel.DM, 9, "dm-9", false, false, MONDAY.plusSeconds(20_000));

    assertThat(StateJson.account("sdr-1", StateJson.write(first))).isEqualTo(first);
    String laterJson = StateJson.write(later);
    StateJson.write(first); // the memo now holds the first state again
    assertThat(StateJson.account("sdr-1", laterJson)).isEqualTo(later);
  }
}
