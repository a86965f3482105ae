package dev.warmreach.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bound on Argon2id checks running at once. */
class PasswordChecksTest {

  @Test
  void noMoreChecksRunAtOnceThanThereAreSlots() {
    PasswordChecks checks = new PasswordChecks(2, Duration.ZERO);

    List<Boolean> started = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      started.add(checks.start());
    }

    assertThat(started).containsExactly(true, true, false);
  }

  @Test
  void aFinishedCheckFreesItsSlot() {
    PasswordChecks checks = new PasswordChecks(1, Duration.ZERO);
    assertThat(checks.start()).isTrue();

    checks.done();

    assertThat(checks.start()).isTrue();
  }
}
