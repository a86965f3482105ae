package dev.warmreach.web.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warmreach.domain.UserError;
import org.junit.jupiter.api.Test;

class PasswordsTest {

  private final Passwords passwords = new Passwords();

  @Test
  void storesArgon2idWithItsParametersAndASaltOfItsOwn() {
    String first = passwords.hash("correct horse battery staple");
    String second = passwords.hash("correct horse battery staple");

    assertThat(first).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(first).doesNotContain("correct horse");
    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void matchesOnlyTheRightPassword() {
    String stored = passwords.hash("correct horse battery staple");

    assertThat(passwords.matches("correct horse battery staple", stored)).isTrue();
    assertThat(passwords.matches("correct horse battery stapler", stored)).isFalse();
    assertThat(passwords.matches("", stored)).isFalse();
  }

  @Test
  void anUnknownUserNeverMatchesNotEvenTheDecoysPassword() {
    assertThat(passwords.matches("decoy password, never matches", null)).isFalse();
  }

  @Test
  void aHashWhoseParametersWereChangedNoLongerMatches() {
    // The parameters are part of what is verified: editing them in the database gains nothing.
    String lighter =
        passwords.hash("correct horse battery staple").replace("m=19456,t=2", "m=8192,t=3");

    assertThat(passwords.matches("correct horse battery staple", lighter)).isFalse();
  }

  @Test
  void refusesPasswordsShorterThanTwelveCharactersNamingTheFix() {
    assertThatThrownBy(() -> Passwords.check("short pass"))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("10 characters")
        .hasMessageContaining("at least 12");
    assertThat(Passwords.problemWith("twelve chars")).isNull();
    assertThat(Passwords.problemWith("x".repeat(257))).contains("at most 256");
  }
}
