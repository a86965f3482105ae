package dev.warmreach.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TagsTest {

  @ParameterizedTest(name = "[{0}] → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "saas | saas",
        "SaaS | saas",
        "'  dach  ' | dach",
        "ABM Target | abm-target",
        "'abm   target' | abm-target",
        "#Fintech | fintech",
        "q3-fintech | q3-fintech",
        "region:dach | region:dach",
        "q3/2025 | q3/2025",
        "v1.2_beta | v1.2_beta",
        "München | münchen",
        "2025 | 2025",
      })
  void normalisesATagToItsCanonicalForm(String written, String canonical) {
    assertThat(Tags.normalise(written)).isEqualTo(canonical);
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"", "   ", "#", "!!!", "-saas", "_saas", "saas!", "a+b", "🚀 launch"})
  void normalisesWhatCannotBeATagToNull(String written) {
    assertThat(Tags.normalise(written)).isNull();
  }

  @Test
  void allowsTagsUpTo40Characters() {
    assertThat(Tags.normalise("a".repeat(40))).isEqualTo("a".repeat(40));
    assertThat(Tags.normalise("a".repeat(41))).isNull();
  }

  @Test
  void onlyCanonicalTagsAreValid() {
    assertThat(Tags.isValid("abm-target")).isTrue();
    assertThat(Tags.isValid("münchen")).isTrue();
    assertThat(Tags.isValid("ABM")).as("upper case is not canonical").isFalse();
    assertThat(Tags.isValid("abm target")).isFalse();
    assertThat(Tags.isValid("#abm")).isFalse();
    assertThat(Tags.isValid("")).isFalse();
    assertThat(Tags.isValid(null)).isFalse();
  }

  @Test
  void everyNormalisedTagIsValid() {
    for (String written : new String[] {"ABM Target", "#SaaS", " DACH ", "Région:Île", "Q3/2025"}) {
      assertThat(Tags.isValid(Tags.normalise(written))).as(written).isTrue();
    }
  }

  @Test
  void splitsACellAtSemicolonsCommasAndBars() {
    assertThat(Tags.split("saas; DACH, abm target|Q3"))
        .containsExactlyInAnyOrder("saas", "dach", "abm-target", "q3");
  }

  @Test
  void splittingDropsEmptyAndUnusablePiecesAndRepeats() {
    assertThat(Tags.split(";; saas ,, SaaS; !!! ;")).containsExactly("saas");
  }

  @Test
  void splittingNothingGivesNoTags() {
    assertThat(Tags.split(null)).isEmpty();
    assertThat(Tags.split("")).isEmpty();
    assertThat(Tags.split("  ")).isEmpty();
  }
}
