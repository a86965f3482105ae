package dev.warmreach.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warmreach.message.VariantTally.Outcome;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class VariantTallyTest {

  @Test
  void countsWhatWasSentAcceptedAndReplied() {
    // given
    VariantTally tally = VariantTally.empty("note", "B");

    // when
    for (int i = 0; i < 10; i++) {
      tally = tally.with(Outcome.SENT);
    }
    tally = tally.with(Outcome.ACCEPTED).with(Outcome.ACCEPTED).with(Outcome.ACCEPTED);
    tally = tally.with(Outcome.REPLIED);

    // then
    assertThat(tally).isEqualTo(new VariantTally("note", "B", 10, 3, 1));
    assertThat(tally.acceptanceRate()).isCloseTo(0.3, Offset.offset(1e-9));
    assertThat(tally.replyRate()).isCloseTo(0.1, Offset.offset(1e-9));
  }

  @Test
  void hasNoRatesBeforeAnythingWasSent() {
    VariantTally tally = VariantTally.empty("first-dm", "A");

    assertThat(tally.replyRate()).isZero();
    assertThat(tally.acceptanceRate()).isZero();
  }

  @Test
  void addsTalliesOfTheSameVariantAndRefusesOthers() {
    VariantTally a = new VariantTally("note", "A", 5, 2, 1);

    assertThat(a.plus(new VariantTally("note", "A", 3, 1, 0)))
        .isEqualTo(new VariantTally("note", "A", 8, 3, 1));
    assertThatThrownBy(() -> a.plus(new VariantTally("note", "B", 1, 0, 0)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesMoreRepliesOrAcceptancesThanMessagesSent() {
    assertThatThrownBy(() -> new VariantTally("note", "A", 1, 2, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("note/A");
    assertThatThrownBy(() -> VariantTally.empty("note", "A").with(Outcome.REPLIED))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new VariantTally("note", "A", -1, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
