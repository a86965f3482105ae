package dev.warmreach.execute.email;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.domain.EmailAddress;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Unsubscribe tokens are this workspace's, for one recipient of one touch, and cannot be forged.
 */
class MailKeyTest {

  private static final EmailAddress ANA = new EmailAddress("ana@kestrel.example");
  private final MailKey key = MailKey.random();

  @Test
  void aTokenItSignedNamesTheTouchAndTheRecipient() {
    String token = key.unsubscribeToken("e7:step-2:0", ANA);

    assertThat(token).matches("[A-Za-z0-9_.-]+");
    assertThat(key.verify(token)).contains(new MailKey.Unsubscribe("e7:step-2:0", ANA));
    assertThat(MailKey.of(key.base64()).verify(token)).isPresent();
  }

  @Test
  void anotherWorkspacesTokenForTheSameTouchAndAddressIsRefused() {
    MailKey other = MailKey.random();
    String theirs = other.unsubscribeToken("e7:step-2:0", ANA);

    assertThat(theirs).isNotEqualTo(key.unsubscribeToken("e7:step-2:0", ANA));
    assertThat(key.verify(theirs)).isEmpty();
    assertThat(other.workspaceMark()).isNotEqualTo(key.workspaceMark()).hasSize(12);
  }

  @Test
  void aTokenWhoseRecipientWasChangedIsRefused() {
    String token = key.unsubscribeToken("e7:step-2:0", ANA);
    String[] parts = token.split("\\.");
    String forged =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("e7:step-2:0\nboss@kestrel.example".getBytes())
            + "."
            + parts[2];

    assertThat(key.verify(forged)).isEmpty();
  }

  @Test
  void malformedTokensAreRefused() {
    assertThat(key.verify(null)).isEmpty();
    assertThat(key.verify("")).isEmpty();
    assertThat(key.verify("e7:step-2:0")).isEmpty();
    assertThat(key.verify("u1.!!!.???")).isEmpty();
    assertThat(key.verify("u1..")).isEmpty();
    assertThat(key.verify("x".repeat(5_000))).isEmpty();
  }
}
