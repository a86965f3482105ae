package dev.warmreach.store.jdbc;

import dev.warmreach.domain.UserError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.function.Supplier;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the secrets the database keeps (the workspace settings: SMTP and IMAP passwords, the
 * webhook secret) with AES-256-GCM, under a key that is not in the database: the environment
 * variable {@value #VARIABLE} (32 bytes in base64) when set, else the file {@value #FILE} in the
 * home folder, made (0600) the first time a secret is sealed or opened. A copy of the database
 * alone, or a backup of it, gives away no secret. Each value is bound to its setting's name, so
 * sealed values cannot be swapped between settings. Thread-safe.
 */
public final class SecretsAtRest {

  public static final String VARIABLE = "WARMREACH_SECRET_KEY";
  public static final String FILE = "secret.key";

  private static final String PREFIX = "aes-gcm:v1:";
  private static final int KEY_BYTES = 32;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Supplier<SecretKeySpec> key;
  private final String where;
  private volatile SecretKeySpec loaded;

  private SecretsAtRest(Supplier<SecretKeySpec> key, String where) {
    this.key = key;
    this.where = where;
  }

  /** With this key (32 bytes), e.g. for tests. */
  public static SecretsAtRest of(byte[] key) {
    SecretKeySpec spec = spec(key, "the key");
    return new SecretsAtRest(() -> spec, "the given key");
  }

  /** The key from {@code env}'s {@value #VARIABLE}, else from {@code home}'s {@value #FILE}. */
  public static SecretsAtRest forHome(Path home, Map<String, String> env) {
    String fromEnv = env.get(VARIABLE);
    if (fromEnv != null && !fromEnv.isBlank()) {
      SecretKeySpec spec = spec(decode(fromEnv, "the environment variable " + VARIABLE), VARIABLE);
      return new SecretsAtRest(() -> spec, "the environment variable " + VARIABLE);
    }
    Path file = home.resolve(FILE);
    return new SecretsAtRest(() -> keyFile(file), file.toAbsolutePath().toString());
  }

  /** {@code plain} encrypted for the setting {@code name}, as text to store. */
  String seal(String name, String plain) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, name);
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[NONCE_BYTES + sealed.length];
      System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
      System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
      return PREFIX + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has AES-GCM", e);
    }
  }

  /**
   * The plain text of a stored value of the setting {@code name}; a value stored before secrets
   * were encrypted is returned as it is.
   *
   * @throws UserError when the value was sealed with another key
   */
  String open(String name, String stored) {
    if (!isSealed(stored)) {
      return stored;
    }
    byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
    try {
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(all, NONCE_BYTES), name);
      byte[] plain = cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (AEADBadTagException e) {
      throw new UserError(
          "the stored '"
              + name
              + "' setting was encrypted with another key than "
              + where
              + "; use the "
              + FILE
              + " or "
              + VARIABLE
              + " it was saved with, or set it again",
          e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has AES-GCM", e);
    }
  }

  static boolean isSealed(String stored) {
    return stored != null && stored.startsWith(PREFIX);
  }

  private Cipher cipher(int mode, byte[] nonce, String name) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key(), new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(name.getBytes(StandardCharsets.UTF_8));
    return cipher;
  }

  private SecretKeySpec key() {
    SecretKeySpec k = loaded;
    if (k == null) {
      synchronized (this) {
        if (loaded == null) {
          loaded = key.get();
        }
        k = loaded;
      }
    }
    return k;
  }

  /** Reads the key file, tightened to 0600; makes it with a new random key when missing. */
  private static SecretKeySpec keyFile(Path file) {
    try {
      OwnerOnly.folder(file.toAbsolutePath().getParent());
      if (OwnerOnly.createFile(file)) {
        byte[] fresh = new byte[KEY_BYTES];
        RANDOM.nextBytes(fresh);
        Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n");
        return spec(fresh, file.toString());
      }
      OwnerOnly.file(file);
      return spec(decode(Files.readString(file).strip(), "the key file " + file), file.toString());
    } catch (IOException e) {
      throw new UserError(
          "cannot read or create the key file "
              + file.toAbsolutePath()
              + " ("
              + e.getMessage()
              + "); check the home folder's permissions, or set "
              + VARIABLE,
          e);
    }
  }

  private static byte[] decode(String base64, String where) {
    try {
      return Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new UserError(
          where + " is not base64; make a key with 'openssl rand -base64 " + KEY_BYTES + "'", e);
    }
  }

  private static SecretKeySpec spec(byte[] key, String where) {
    if (key.length != KEY_BYTES) {
      throw new UserError(
          where
              + " holds "
              + key.length
              + " bytes, not "
              + KEY_BYTES
              + "; make a key with 'openssl rand -base64 "
              + KEY_BYTES
              + "'");
    }
    return new SecretKeySpec(key, "AES");
  }
}
