package dev.warmreach.store.jdbc;

import dev.warmreach.domain.EmailAddress;
import dev.warmreach.domain.ProfileUrl;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes (HMAC-SHA256) of profile URLs and emails for the do-not-contact list. The key is the
 * workspace's own, so a leaked list cannot be matched against a dictionary of addresses.
 * Thread-safe.
 */
final class AddressHash {

  private final byte[] key;

  AddressHash(byte[] key) {
    this.key = key.clone();
  }

  String of(ProfileUrl url) {
    return hash("profile:" + url.value());
  }

  String of(EmailAddress email) {
    return hash("email:" + email.value().toLowerCase(Locale.ROOT));
  }

  private String hash(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
