package dev.warmreach.execute.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warmreach.domain.UserError;
import dev.warmreach.execute.Backoff;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Signing and verifying webhook requests, and the settings that check themselves. */
class SignatureTest {

  private static final String SECRET = "whsec-0123456789abcdef";
  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
  private static final byte[] BODY =
      "{\"touch\":\"e1:connect:0\"}".getBytes(StandardCharsets.UTF_8);

  private static boolean verify(String secret, String ts, String sig, byte[] body, Instant now) {
    return Signature.verify(secret, ts, sig, body, now, Signature.DEFAULT_TOLERANCE);
  }

  @Test
  void matchesAKnownHmacSha256OfTimestampDotBody() {
    // openssl: printf '1772442000.{"touch":"e1:connect:0"}' | openssl dgst -sha256 -hmac
    // whsec-0123456789abcdef
    String ts = Long.toString(NOW.getEpochSecond());

    String signature = Signature.sign(SECRET, NOW.getEpochSecond(), BODY);

    assertThat(ts).isEqualTo("1772442000");
    assertThat(signature)
        .isEqualTo("v1=15f6c22d8d02ccd5b7f993c2da8d5ad58afc5ee3f2ed75901206aed540767d85");
    assertThat(verify(SECRET, ts, signature, BODY, NOW)).isTrue();
  }

  @Test
  void signsAsStandardWebhooksDoesWithAWhsecSecret() {
    // the example of the Standard Webhooks specification
    String signature =
        Signature.signStandard(
            List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
            1614265330,
            "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));

    assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }

  @Test
  void signsWithTheUtf8BytesOfASecretThatIsNotWhsecBase64() {
    // node: new Webhook("whsec-0123456789abcdef", {format: "raw"}).sign("e1:connect:0", ...)
    String signature =
        Signature.signStandard(List.of(SECRET), "e1:connect:0", NOW.getEpochSecond(), BODY);

    assertThat(WebhookSecret.isStandard(SECRET)).isFalse();
    assertThat(signature).isEqualTo("v1,zN+4ildhvPJ60OLc/lchA4zuRbLqcNTuLO+dwgjywr4=");
  }

  @Test
  void signsWithEverySecretStillValidSpaceSeparatedAndVerifiesEither() {
    String fresh = WebhookSecret.generate();
    String ts = Long.toString(NOW.getEpochSecond());

    String both =
        Signature.signStandard(List.of(fresh, SECRET), "e1:connect:0", NOW.getEpochSecond(), BODY);

    assertThat(both).matches("v1,[A-Za-z0-9+/=]{44} v1,[A-Za-z0-9+/=]{44}");
    for (String secret : List.of(fresh, SECRET)) {
      assertThat(
              Signature.verifyStandard(
                  secret, "e1:connect:0", ts, both, BODY, NOW, Signature.DEFAULT_TOLERANCE))
          .isTrue();
    }
    assertThat(
            Signature.verifyStandard(
                WebhookSecret.generate(),
                "e1:connect:0",
                ts,
                both,
                BODY,
                NOW,
                Signature.DEFAULT_TOLERANCE))
        .isFalse();
    assertThat(
            Signature.verifyStandard(
                fresh, "e2:connect:0", ts, both, BODY, NOW, Signature.DEFAULT_TOLERANCE))
        .isFalse();
    assertThat(
            Signature.verifyStandard(
                fresh,
                "e1:connect:0",
                ts,
                both,
                BODY,
                NOW.plus(Duration.ofMinutes(6)),
                Signature.DEFAULT_TOLERANCE))
        .isFalse();
    assertThat(
            Signature.verifyStandard(
                fresh,
                "e1:connect:0",
                ts,
                "v1,not base64!",
                BODY,
                NOW,
                Signature.DEFAULT_TOLERANCE))
        .isFalse();
  }

  @Test
  void generatesWhsecSecretsOf32RandomBytesInBase64() {
    String secret = WebhookSecret.generate();

    assertThat(secret).startsWith("whsec_");
    assertThat(java.util.Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
    assertThat(WebhookSecret.isStandard(secret)).isTrue();
    assertThat(WebhookSecret.generate()).isNotEqualTo(secret);
  }

  @Test
  void theOldSecretSignsOnlyUntilItsTime() {
    WebhookSettings settings =
        WebhookSettings.of("https://hooks.example.com/w", "whsec_new-0123456789abc")
            .withPreviousSecret(SECRET, NOW.plus(Duration.ofHours(24)));

    assertThat(settings.secretsAt(NOW)).containsExactly("whsec_new-0123456789abc", SECRET);
    assertThat(settings.secretsAt(NOW.plus(Duration.ofHours(24))))
        .containsExactly("whsec_new-0123456789abc");
  }

  @Test
  void rejectsATamperedBodyAWrongSecretOrAnOldTimestamp() {
    String ts = Long.toString(NOW.getEpochSecond());
    String signature = Signature.sign(SECRET, NOW.getEpochSecond(), BODY);
    byte[] tampered = "{\"touch\":\"e2:connect:0\"}".getBytes(StandardCharsets.UTF_8);

    assertThat(verify(SECRET, ts, signature, tampered, NOW)).isFalse();
    assertThat(verify("another-secret-0000", ts, signature, BODY, NOW)).isFalse();
    assertThat(verify(SECRET, ts, signature, BODY, NOW.plus(Duration.ofMinutes(6)))).isFalse();
    assertThat(verify(SECRET, ts, signature, BODY, NOW.minus(Duration.ofMinutes(6)))).isFalse();
    assertThat(verify(SECRET, Long.toString(NOW.getEpochSecond() + 1), signature, BODY, NOW))
        .isFalse();
    assertThat(verify(SECRET, "yesterday", signature, BODY, NOW)).isFalse();
    assertThat(verify(SECRET, ts, "v1=zz", BODY, NOW)).isFalse();
    assertThat(verify(SECRET, ts, null, BODY, NOW)).isFalse();
  }

  @Test
  void acceptsAnyOfSeveralSignaturesSoASecretCanBeRotated() {
    String ts = Long.toString(NOW.getEpochSecond());
    String old = Signature.sign("old-secret-0123456789", NOW.getEpochSecond(), BODY);
    String current = Signature.sign(SECRET, NOW.getEpochSecond(), BODY);

    assertThat(verify(SECRET, ts, old + ", " + current, BODY, NOW)).isTrue();
  }

  @Test
  void aSignatureVerifiesOnlyItsOwnBodyForRandomBodies() {
    Random random = new Random(20260302L);
    for (int i = 0; i < 500; i++) {
      byte[] body = new byte[random.nextInt(2000)];
      random.nextBytes(body);
      long at = NOW.getEpochSecond() + random.nextInt(100_000);
      String signature = Signature.sign(SECRET, at, body);
      assertThat(verify(SECRET, Long.toString(at), signature, body, Instant.ofEpochSecond(at)))
          .isTrue();
      if (body.length > 0) {
        byte[] flipped = body.clone();
        flipped[random.nextInt(body.length)] ^= (byte) (1 << random.nextInt(8));
        assertThat(verify(SECRET, Long.toString(at), signature, flipped, Instant.ofEpochSecond(at)))
            .isFalse();
      }
    }
  }

  @Test
  void settingsNameTheBadField() {
    assertThatThrownBy(() -> WebhookSettings.of("ftp://hooks.example.com/x", SECRET))
        .isInstanceOf(UserError.class)
        .hasMessageStartingWith("webhook url 'ftp://hooks.example.com/x' is not an http(s) URL");
    assertThatThrownBy(() -> WebhookSettings.of("https://hooks.example.com/x", "short"))
        .isInstanceOf(UserError.class)
        .hasMessageStartingWith("webhook secret must be at least 16 characters");
    assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(5), Duration.ofMinutes(1), 3))
        .isInstanceOf(UserError.class)
        .hasMessageStartingWith("retry 'cap' must be at least the first delay");
    assertThat(WebhookSettings.of("https://hooks.example.com/x", SECRET).toString())
        .doesNotContain(SECRET);
  }

  @Test
  void backoffDoublesFromTheFirstDelayUpToTheCapThenStops() {
    Backoff backoff = new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(10), 7);

    assertThat(backoff.next(1, NOW)).contains(NOW.plus(Duration.ofMinutes(1)));
    assertThat(backoff.next(2, NOW)).contains(NOW.plus(Duration.ofMinutes(2)));
    assertThat(backoff.next(4, NOW)).contains(NOW.plus(Duration.ofMinutes(8)));
    assertThat(backoff.next(5, NOW)).contains(NOW.plus(Duration.ofMinutes(10)));
    assertThat(backoff.next(6, NOW)).contains(NOW.plus(Duration.ofMinutes(10)));
    assertThat(backoff.next(7, NOW)).isEmpty();
  }
}
