package dev.warmreach.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warmreach.domain.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsAtRestTest {

  @TempDir Path home;

  @Test
  void theEnvironmentVariableWinsOverTheKeyFileAndNoFileIsMade() {
    byte[] key = new byte[32];
    key[0] = 7;
    SecretsAtRest fromEnv =
        SecretsAtRest.forHome(
            home, Map.of(SecretsAtRest.VARIABLE, Base64.getEncoder().encodeToString(key)));

    String sealed = fromEnv.seal("smtp", "{\"password\":\"p\"}");

    assertThat(SecretsAtRest.of(key).open("smtp", sealed)).isEqualTo("{\"password\":\"p\"}");
    assertThat(Files.exists(home.resolve(SecretsAtRest.FILE))).isFalse();
  }

  @Test
  void aValueOpensOnlyUnderItsOwnKeyAndName() {
    SecretsAtRest ours = SecretsAtRest.forHome(home, Map.of());
    String sealed = ours.seal("smtp", "secret");

    assertThat(SecretsAtRest.forHome(home, Map.of()).open("smtp", sealed)).isEqualTo("secret");
    assertThatThrownBy(() -> SecretsAtRest.of(new byte[32]).open("smtp", sealed))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("encrypted with another key");
    assertThatThrownBy(() -> ours.open("webhook", sealed)).isInstanceOf(UserError.class);
  }

  @Test
  void aKeyThatIsNotThirtyTwoBytesOfBase64IsRefusedNamingTheFix() {
    assertThatThrownBy(() -> SecretsAtRest.forHome(home, Map.of(SecretsAtRest.VARIABLE, "short")))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("openssl rand -base64 32");
    assertThatThrownBy(
            () -> SecretsAtRest.forHome(home, Map.of(SecretsAtRest.VARIABLE, "not base64 !!")))
        .isInstanceOf(UserError.class)
        .hasMessageContaining(SecretsAtRest.VARIABLE);
  }
}
