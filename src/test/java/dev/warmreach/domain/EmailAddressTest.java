package dev.warmreach.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ana@example.com | ana@example.com",
        "Ana.Silva@Example.COM | Ana.Silva@example.com",
        "'  ana@example.com  ' | ana@example.com",
        "mailto:ana@example.com | ana@example.com",
        "MAILTO:Ana@Example.com | Ana@example.com",
        "ana+leads@example.com | ana+leads@example.com",
        "j.weissmueller@schneidwerk.de | j.weissmueller@schneidwerk.de",
        "david@smithjones.co.uk | david@smithjones.co.uk",
        "ops@mail.north-wind.example.io | ops@mail.north-wind.example.io",
      })
  void readsAnAddressLowerCasingOnlyItsDomain(String written, String expected) {
    assertThat(EmailAddress.parse(written)).contains(new EmailAddress(expected));
  }

  @ParameterizedTest(name = "[{0}]")
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "   ",
        "bob@",
        "jane.doe",
        "@oasisledger.ae",
        "mark at harborviewcrm.com",
        "jonas@@vantacore.de",
        "lea weber@stacklane.dev",
        "ana@localhost",
        "ana@example.c",
        "ana@-example.com",
        "ana@example-.com",
        "ana@example..com",
        "ana@example.com.",
        "<ana@example.com>",
        "ana@example.com, bob@example.com",
        "ana@example.com; bob@example.com",
        "\"ana\"@example.com",
        "ana@exa mple.com",
        "mailto:",
      })
  void refusesWhatIsNotAnAddress(String written) {
    assertThat(EmailAddress.parse(written)).isEmpty();
  }

  @Test
  void refusesAnAddressLongerThan254Characters() {
    // given
    String domain = "@" + "d".repeat(60) + "." + "e".repeat(60) + "." + "f".repeat(60) + ".com";
    String fits = "a".repeat(254 - domain.length()) + domain;
    String tooLong = "a" + fits;

    // when / then
    assertThat(EmailAddress.parse(fits)).isPresent();
    assertThat(EmailAddress.parse(tooLong)).isEmpty();
    assertThatIllegalArgumentException().isThrownBy(() -> new EmailAddress(tooLong));
  }

  @Test
  void constructorRefusesAnInvalidAddressNamingIt() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new EmailAddress("mark at harborviewcrm.com"))
        .withMessage("'mark at harborviewcrm.com' is not an email address");
  }

  @Test
  void addressesThatDifferOnlyInTheCaseOfTheirDomainAreEqualOnceRead() {
    assertThat(EmailAddress.parse("ana@EXAMPLE.com"))
        .isEqualTo(EmailAddress.parse("ana@example.COM"));
  }

  @Test
  void constructorLowerCasesTheDomainSoOneMailboxHasOneForm() {
    assertThat(new EmailAddress("Ana.Silva@Example.COM").value())
        .isEqualTo("Ana.Silva@example.com");
    assertThat(new EmailAddress("Ana@Example.com")).isEqualTo(new EmailAddress("Ana@example.com"));
  }

  @Test
  void printsAsTheAddressItself() {
    assertThat(EmailAddress.parse("Ana@Example.com").orElseThrow()).hasToString("Ana@example.com");
  }
}
