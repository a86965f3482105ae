package dev.warmreach.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warmreach.domain.Channel;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class VariantsTest {

  private static final String PINNED_LABELS = "ABBBBAABAB";
  private static final int PINNED_INDEX = 2;

  private static MessageTemplate note(String text) {
    return MessageTemplate.parse(Channel.CONNECT, null, text);
  }

  private static Variants abTest(String step, int count) {
    return new Variants(
        step,
        IntStream.range(0, count).mapToObj(i -> note("Hi {{firstName}}, version " + i)).toList());
  }

  @Test
  void theSameProspectAlwaysGetsTheSameVariantOfAStep() {
    Variants variants = abTest("note", 3);

    for (long id = 1; id <= 1000; id++) {
      Variants.Variant first = variants.choose(id);
      Variants.Variant again = abTest("note", 3).choose(id);
      assertThat(again.label()).as("prospect %d", id).isEqualTo(first.label());
      assertThat(again.step()).isEqualTo("note");
    }
  }

  @Test
  void theAssignmentIsPinnedSoItNeverMovesProspectsBetweenVariants() {
    // given: the hash is part of the data model; these values must never change
    Variants variants = abTest("note", 2);

    // when
    String labels =
        LongStream.rangeClosed(1, 10)
            .mapToObj(id -> variants.choose(id).label())
            .collect(Collectors.joining());

    // then
    assertThat(labels).isEqualTo(PINNED_LABELS);
    assertThat(Variants.index(123_456_789L, "first-dm", 5)).isEqualTo(PINNED_INDEX);
  }

  @Test
  void prospectsSplitAboutEvenlyBetweenVariants() {
    for (int count = 2; count <= 4; count++) {
      int[] seen = new int[count];
      int prospects = 30_000;
      for (long id = 1; id <= prospects; id++) {
        seen[Variants.index(id, "connect-note", count)]++;
      }
      for (int i = 0; i < count; i++) {
        assertThat((double) seen[i] / prospects)
            .as("share of variant %s among %d", Variants.label(i), count)
            .isCloseTo(1.0 / count, Offset.offset(0.02));
      }
    }
  }

  @Test
  void stepsAreAssignedIndependentlyOfEachOther() {
    int same = 0;
    int prospects = 10_000;
    for (long id = 1; id <= prospects; id++) {
      if (Variants.index(id, "note", 2) == Variants.index(id, "first-dm", 2)) {
        same++;
      }
    }

    assertThat((double) same / prospects).isCloseTo(0.5, Offset.offset(0.03));
  }

  @Test
  void aStepWithOneTemplateGivesEveryoneVariantA() {
    Variants single = Variants.single("note", note("Hi {{firstName}}"));

    assertThat(IntStream.range(0, 100).mapToObj(id -> single.choose(id).label())).containsOnly("A");
  }

  @Test
  void refusesNoVariantsTooManyOrMixedChannels() {
    MessageTemplate dm = MessageTemplate.parse(Channel.DM, null, "Thanks {{firstName}}");

    assertThatThrownBy(() -> new Variants("note", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> abTest("note", 27)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Variants("note", List.of(note("Hi"), dm)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mix channels");
  }
}
