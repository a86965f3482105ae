package dev.warmreach.execute.webhook;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Webhook secrets as Standard Webhooks knows them: {@code whsec_} followed by the key in base64,
 * which Warmreach generates. A secret in any other form (one chosen before Warmreach generated
 * them, say) still works: its UTF-8 bytes are the key, which receivers give their library as a raw
 * secret. Thread-safe.
 */
public final class WebhookSecret {

  /** What a Standard Webhooks secret starts with. */
  public static final String PREFIX = "whsec_";

  private static final int KEY_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private WebhookSecret() {}

  /** A new secret: {@code whsec_} and 32 random bytes in base64. */
  public static String generate() {
    byte[] key = new byte[KEY_BYTES];
    RANDOM.nextBytes(key);
    return PREFIX + Base64.getEncoder().encodeToString(key);
  }

  /** Whether the secret is {@code whsec_} and base64, so its key is what the base64 says. */
  public static boolean isStandard(String secret) {
    return standardKey(secret) != null;
  }

  /** The HMAC key of the Standard Webhooks signature. */
  static byte[] key(String secret) {
    byte[] key = standardKey(secret);
    return key != null ? key : secret.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] standardKey(String secret) {
    if (secret == null || !secret.startsWith(PREFIX)) {
      return null;
    }
    try {
      byte[] key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
      return key.length == 0 ? null : key;
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }
}
