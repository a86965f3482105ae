package dev.warmreach.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class SeniorityFromTitleTest {

  /**
   * Titles and headlines as people write them on LinkedIn; pipes delimit because titles hold
   * commas.
   */
  @ParameterizedTest(name = "{0} → {1}")
  @CsvFileSource(resources = "/titles/seniority.csv", numLinesToSkip = 1, delimiter = '|')
  void readsTheSeniorityATitleStates(String title, Seniority expected) {
    assertThat(Seniority.fromTitle(title)).as("seniority of '%s'", title).isEqualTo(expected);
  }

  @Test
  void missingTitleIsUnknown() {
    assertThat(Seniority.fromTitle(null)).isEqualTo(Seniority.UNKNOWN);
  }

  @Test
  void blankTitleIsUnknown() {
    assertThat(Seniority.fromTitle("")).isEqualTo(Seniority.UNKNOWN);
    assertThat(Seniority.fromTitle("   \t\n")).isEqualTo(Seniority.UNKNOWN);
  }

  @Test
  void mostSeniorRoleWinsWhicheverComesFirst() {
    // given one person holding two roles
    String advisorFirst = "Advisor | VP Sales";
    String vpFirst = "VP Sales | Advisor";

    // when / then the order in which the headline lists them does not matter
    assertThat(Seniority.fromTitle(advisorFirst)).isEqualTo(Seniority.VP);
    assertThat(Seniority.fromTitle(vpFirst)).isEqualTo(Seniority.VP);
  }

  @Test
  void accentsAndTheirUnaccentedFormsReadAlike() {
    assertThat(Seniority.fromTitle("Président")).isEqualTo(Seniority.fromTitle("President"));
    assertThat(Seniority.fromTitle("Gründer")).isEqualTo(Seniority.C_SUITE);
    assertThat(Seniority.fromTitle("Gruender")).isEqualTo(Seniority.C_SUITE);
  }

  @Test
  void seniorWordsInsideOtherWordsAreNotRead() {
    assertThat(Seniority.fromTitle("Doctor")).isEqualTo(Seniority.INDIVIDUAL);
    assertThat(Seniority.fromTitle("Contractor")).isEqualTo(Seniority.INDIVIDUAL);
    assertThat(Seniority.fromTitle("Svpanel")).isEqualTo(Seniority.UNKNOWN);
  }
}
