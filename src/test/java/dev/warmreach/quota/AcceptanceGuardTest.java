package dev.warmreach.quota;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.quota.AcceptanceGuard.Health;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AcceptanceGuardTest {

  private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

  /** A fresh guard with {@code accepted} acceptances followed by {@code declined} refusals. */
  private static AcceptanceGuard answers(int accepted, int declined) {
    AcceptanceGuard guard = AcceptanceGuard.fresh(AcceptanceGuard.Settings.DEFAULT);
    for (int i = 0; i < accepted; i++) {
      guard = guard.answered(true, NOW);
    }
    for (int i = 0; i < declined; i++) {
      guard = guard.answered(false, NOW);
    }
    return guard;
  }

  @Test
  void staysHealthyBelowTheMinimumNumberOfAnswers() {
    // given 19 declined requests, one short of the 20 needed to judge
    AcceptanceGuard guard = answers(0, 19);

    // then
    assertThat(guard.rate()).isEqualTo(-1);
    assertThat(guard.health(NOW)).isEqualTo(Health.HEALTHY);
    assertThat(guard.explain(NOW)).isEmpty();
  }

  @Test
  void staysHealthyAtExactlyTwentyFivePercent() {
    AcceptanceGuard guard = answers(5, 15);

    assertThat(guard.rate()).isEqualTo(0.25);
    assertThat(guard.health(NOW)).isEqualTo(Health.HEALTHY);
  }

  @Test
  void slowsInvitationsWhenFewerThanAQuarterAreAccepted() {
    // given 4 of 20 accepted
    AcceptanceGuard guard = answers(4, 16);

    // then
    assertThat(guard.rate()).isEqualTo(0.20);
    assertThat(guard.health(NOW)).isEqualTo(Health.SLOWED);
    assertThat(guard.explain(NOW)).contains("20%").contains("half speed");
    assertThat(guard.pausedUntil()).isNull();
  }

  @Test
  void pausesInvitationsForSevenDaysWhenFewerThanFifteenPercentAreAccepted() {
    // given 2 of 19 accepted
    AcceptanceGuard guard = answers(2, 17);

    // when the twentieth answer is a refusal: 10%
    AcceptanceGuard paused = guard.answered(false, NOW);

    // then
    assertThat(paused.health(NOW)).isEqualTo(Health.PAUSED);
    assertThat(paused.pausedUntil()).isEqualTo(NOW.plus(Duration.ofDays(7)));
    assertThat(paused.health(NOW.plus(Duration.ofDays(7)).minusMillis(1))).isEqualTo(Health.PAUSED);
    assertThat(paused.explain(NOW)).contains("paused until 2026-03-09T10:00:00Z");
  }

  @Test
  void startsAfreshWhenThePauseEnds() {
    // given a pause
    AcceptanceGuard paused = answers(2, 18);

    // when seven days pass
    Instant later = NOW.plus(Duration.ofDays(7));

    // then the bad stretch is forgotten
    assertThat(paused.health(later)).isEqualTo(Health.HEALTHY);
    assertThat(paused.outcomes()).isEmpty();
    assertThat(paused.rate()).isEqualTo(-1);
  }

  @Test
  void answersDuringAPauseDoNotExtendIt() {
    // given a pause
    AcceptanceGuard paused = answers(2, 18);

    // when 25 more refusals arrive during it
    AcceptanceGuard after = paused;
    for (int i = 0; i < 25; i++) {
      after = after.answered(false, NOW.plus(Duration.ofDays(1)));
    }

    // then it still ends when it was due to
    assertThat(after.pausedUntil()).isEqualTo(NOW.plus(Duration.ofDays(7)));
  }

  @Test
  void judgesOnlyTheLatestAnswersInTheWindow() {
    // given 15 refusals long ago, then 50 acceptances (a window of 50)
    AcceptanceGuard guard = AcceptanceGuard.fresh(AcceptanceGuard.Settings.DEFAULT);
    for (int i = 0; i < 15; i++) {
      guard = guard.answered(false, NOW);
    }
    for (int i = 0; i < 50; i++) {
      guard = guard.answered(true, NOW);
    }

    // then
    assertThat(guard.outcomes()).hasSize(50);
    assertThat(guard.rate()).isEqualTo(1.0);
    assertThat(guard.health(NOW)).isEqualTo(Health.HEALTHY);
  }
}
