package dev.warmreach.execute.email;

import dev.warmreach.domain.EmailAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The workspace's own random key for what its emails carry: the unsubscribe token, signed for one
 * recipient of one touch (HMAC-SHA256), and the workspace's mark in each Message-ID. Another
 * workspace has another key, so its tokens are refused here and its Message-IDs never equal ours.
 * Kept, encrypted, with the workspace's other secrets. Immutable and thread-safe.
 */
public final class MailKey {

  /** How long the key is, in bytes. */
  public static final int BYTES = 32;

  private static final String VERSION = "u1";
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] key;

  private MailKey(byte[] key) {
    if (key.length != BYTES) {
      throw new IllegalArgumentException("a mail key has " + BYTES + " bytes, not " + key.length);
    }
    this.key = key.clone();
  }

  /** A key read from its base64 form. */
  public static MailKey of(String base64) {
    return new MailKey(Base64.getDecoder().decode(base64));
  }

  /** A new random key. */
  public static MailKey random() {
    byte[] fresh = new byte[BYTES];
    RANDOM.nextBytes(fresh);
    return new MailKey(fresh);
  }

  /** The key in base64, to keep. */
  public String base64() {
    return Base64.getEncoder().encodeToString(key);
  }

  /** What a valid unsubscribe token names: the touch whose email carried it, and its recipient. */
  public record Unsubscribe(String touchKey, EmailAddress email) {}

  /**
   * The token in the unsubscribe link of the email for {@code touchKey} to {@code to}: the touch
   * and the address, and a signature over both; only characters a URL keeps as they are.
   */
  public String unsubscribeToken(String touchKey, EmailAddress to) {
    byte[] payload = (touchKey + "\n" + to.value()).getBytes(StandardCharsets.UTF_8);
    return VERSION + "." + URL.encodeToString(payload) + "." + URL.encodeToString(sign(payload));
  }

  /**
   * What {@code token} names, when this workspace signed it; empty for a token that is malformed,
   * altered, or signed by another workspace.
   */
  public Optional<Unsubscribe> verify(String token) {
    if (token == null || token.length() > 2_000) {
      return Optional.empty();
    }
    String[] parts = token.strip().split("\\.", -1);
    if (parts.length != 3 || !parts[0].equals(VERSION)) {
      return Optional.empty();
    }
    byte[] payload;
    byte[] signature;
    try {
      payload = Base64.getUrlDecoder().decode(parts[1]);
      signature = Base64.getUrlDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (!MessageDigest.isEqual(sign(payload), signature)) {
      return Optional.empty();
    }
    String text = new String(payload, StandardCharsets.UTF_8);
    int newline = text.lastIndexOf('\n');
    if (newline <= 0) {
      return Optional.empty();
    }
    return EmailAddress.parse(text.substring(newline + 1))
        .map(email -> new Unsubscribe(text.substring(0, newline), email));
  }

  /**
   * The workspace's mark in its Message-IDs: 12 hex digits drawn from the key, the same for every
   * email of the workspace and (but for one chance in 2^48) different from every other's.
   */
  public String workspaceMark() {
    return HexFormat.of()
        .formatHex(Arrays.copyOf(mac("message-id".getBytes(StandardCharsets.UTF_8)), 6));
  }

  private byte[] sign(byte[] payload) {
    byte[] domain = "unsubscribe\n".getBytes(StandardCharsets.UTF_8);
    byte[] all = Arrays.copyOf(domain, domain.length + payload.length);
    System.arraycopy(payload, 0, all, domain.length, payload.length);
    return mac(all);
  }

  private byte[] mac(byte[] text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(text);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  @Override
  public String toString() {
    return "MailKey[workspace " + workspaceMark() + "]";
  }
}
