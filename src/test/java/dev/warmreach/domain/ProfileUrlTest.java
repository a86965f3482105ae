package dev.warmreach.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ProfileUrlTest {

  private static final String ANA = "https://www.linkedin.com/in/ana-silva";

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "https://www.linkedin.com/in/ana-silva",
        "linkedin.com/in/ana-silva",
        "www.linkedin.com/in/ana-silva",
        "http://linkedin.com/in/ana-silva",
        "http://www.linkedin.com/in/ana-silva",
        "https://linkedin.com/in/ana-silva",
        "https://de.linkedin.com/in/ana-silva",
        "https://uk.linkedin.com/in/ana-silva",
        "https://fr.linkedin.com/in/ana-silva",
        "https://m.linkedin.com/in/ana-silva",
        "https://www.linkedin.com/in/ana-silva/",
        "https://www.linkedin.com/in/ana-silva?trk=public_profile_browsemap",
        "https://www.linkedin.com/in/ana-silva/?originalSubdomain=pt",
        "https://www.linkedin.com/in/ana-silva#experience",
        "HTTPS://WWW.LINKEDIN.COM/IN/ANA-SILVA",
        "https://www.linkedin.com/in/Ana-Silva",
        "https://www.linkedin.com/in/ana-silva/details/experience/",
        "https://www.linkedin.com/in/ana-silva/recent-activity/all/",
        "  https://www.linkedin.com/in/ana-silva  ",
        "<https://www.linkedin.com/in/ana-silva>",
      })
  void readsEveryWayPeopleWriteAProfileAsTheSameCanonicalAddress(String written) {
    // when
    ProfileUrl.Parsed parsed = ProfileUrl.parse(written);

    // then
    assertThat(parsed).isEqualTo(new ProfileUrl.Valid(new ProfileUrl(ANA)));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller | https://www.linkedin.com/in/jürgen-müller",
        "https://de.linkedin.com/in/J%C3%9CRGEN-M%C3%9CLLER/ | https://www.linkedin.com/in/jürgen-müller",
        "https://www.linkedin.com/in/jürgen-müller | https://www.linkedin.com/in/jürgen-müller",
        "https://www.linkedin.com/in/%E5%A8%9C-%E6%9D%8E-8a1f | https://www.linkedin.com/in/娜-李-8a1f",
      })
  void decodesPercentEncodedSlugsSoEncodedAndPlainFormsMatch(String written, String canonical) {
    assertThat(ProfileUrl.of(written)).isEqualTo(new ProfileUrl(canonical));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "https://www.linkedin.com/sales/lead/ACwAAAB1cDeFgHi,NAME_SEARCH,xY9z",
        "https://www.linkedin.com/sales/lead/ACwAAAB1cDeFgHi",
        "https://www.linkedin.com/sales/people/ACwAAAB1cDeFgHi,NAME_SEARCH,xY9z",
        "linkedin.com/sales/lead/ACwAAAB1cDeFgHi/?trk=x",
      })
  void keepsTheCaseOfSalesNavigatorLeadIdsBecauseTheyAreCaseSensitive(String written) {
    assertThat(ProfileUrl.of(written).value())
        .isEqualTo("https://www.linkedin.com/sales/lead/ACwAAAB1cDeFgHi");
  }

  @Test
  void salesNavigatorLeadIdsThatDifferOnlyInCaseAreDifferentPeople() {
    assertThat(ProfileUrl.of("https://www.linkedin.com/sales/lead/ACwAAAabc"))
        .isNotEqualTo(ProfileUrl.of("https://www.linkedin.com/sales/lead/ACWAAAABC"));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "https://www.linkedin.com/company/acme | is a company page",
        "https://www.linkedin.com/company/acme/about/ | is a company page",
        "https://www.linkedin.com/school/tu-muenchen/ | is a school page",
        "https://twitter.com/ana | is not a LinkedIn address",
        "https://github.com/ana-silva | is not a LinkedIn address",
        "https://example.com/in/ana-silva | is not a LinkedIn address",
        "https://linkedin.com.evil.net/in/ana-silva | is not a LinkedIn address",
        "https://evil-linkedin.com/in/ana-silva | is not a LinkedIn address",
        "https://linkedin.com@evil.net/in/ana-silva | is not a LinkedIn address",
        "not a url | is not a LinkedIn address",
        "linkedin.com/in/ | has no profile name after /in/",
        "https://www.linkedin.com/in | has no profile name after /in/",
        "https://de.linkedin.com/in/?trk=public_profile | has no profile name after /in/",
        "http://linkedin.com/in// | is not a profile address",
        "https://www.linkedin.com/jobs/view/3945512870 | is not a profile address",
        "https://www.linkedin.com/ | is not a profile address",
        "https://www.linkedin.com/sales/lead/ | is not a profile address",
      })
  void refusesAddressesThatAreNotAPersonsProfileSayingWhy(String written, String reason) {
    // when
    ProfileUrl.Parsed parsed = ProfileUrl.parse(written);

    // then
    assertThat(parsed).isInstanceOf(ProfileUrl.Invalid.class);
    assertThat(((ProfileUrl.Invalid) parsed).reason()).contains(written.strip()).contains(reason);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "\t", "<>"})
  void refusesAnEmptyAddress(String written) {
    assertThat(ProfileUrl.parse(written))
        .isEqualTo(new ProfileUrl.Invalid("no LinkedIn profile URL"));
  }

  @Test
  void ofThrowsTheReasonForAnAddressThatIsNotAProfile() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ProfileUrl.of("https://www.linkedin.com/company/acme"))
        .withMessageContaining("company page, not a person's profile");
  }

  @Test
  void readingACanonicalAddressAgainGivesTheSameAddress() {
    // given
    ProfileUrl canonical = ProfileUrl.of("http://de.linkedin.com/in/Ana-Silva/?trk=x");

    // when
    ProfileUrl again = ProfileUrl.of(canonical.value());

    // then
    assertThat(again).isEqualTo(canonical);
    assertThat(again).hasToString(ANA);
  }
}
