package dev.warmreach.store.jdbc;

import dev.warmreach.domain.EmailAddress;
import dev.warmreach.domain.ProfileUrl;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Jdbi;

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

  /** Hashes with the workspace's key, created at random the first time the database is opened. */
  static AddressHash forWorkspace(Jdbi jdbi, Clock clock) {
    return new AddressHash(workspaceKey(jdbi, clock));
  }

  private static byte[] workspaceKey(Jdbi jdbi, Clock clock) {
    return jdbi.inTransaction(
        h -> {
          Optional<String> existing =
              h.createQuery("SELECT hash_key FROM workspace WHERE id = 1")
                  .mapTo(String.class)
                  .findOne();
          if (existing.isPresent()) {
            return HexFormat.of().parseHex(existing.get());
          }
          byte[] key = new byte[32];
          new SecureRandom().nextBytes(key);
          h.createUpdate(
                  "INSERT INTO workspace (id, hash_key, created_at) VALUES (1, :key, :now)"
                      + " ON CONFLICT (id) DO NOTHING")
              .bind("key", HexFormat.of().formatHex(key))
              .bind("now", clock.instant())
              .execute();
          // Another process may have won the race; its key is the one that counts.
          return HexFormat.of()
              .parseHex(
                  h.createQuery("SELECT hash_key FROM workspace WHERE id = 1")
                      .mapTo(String.class)
                      .one());
        });
  }

  String of(ProfileUrl url) {
    return hash("profile:" + url.value());
  }

  String of(EmailAddress email) {
    return hash("email:" + email.value().toLowerCase(Locale.ROOT));
  }

  /** The hash of a whole email domain, e.g. {@code kestrel.example}. */
  String ofDomain(String domain) {
    return hash("domain:" + domain.toLowerCase(Locale.ROOT));
  }

  /** The hash of the domain of {@code email}. */
  String ofDomainOf(EmailAddress email) {
    return ofDomain(email.value().substring(email.value().lastIndexOf('@') + 1));
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
