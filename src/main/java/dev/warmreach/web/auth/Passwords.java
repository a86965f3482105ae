package dev.warmreach.web.auth;

import dev.warmreach.domain.UserError;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Password rules and Argon2id hashing (Bouncy Castle, pure Java). Parameters follow OWASP's
 * recommended minimum for Argon2id: 19 MiB of memory, 2 passes, 1 lane, a 16-byte random salt and a
 * 32-byte hash. They are written into each stored hash (the PHC string format), so they can be
 * raised later without invalidating stored passwords. Thread-safe.
 */
public final class Passwords {

  /** Shorter passwords are refused; length beats composition rules (NIST SP 800-63B). */
  public static final int MINIMUM_LENGTH = 12;

  /** Longer ones are refused too: hashing a megabyte-long "password" is a cheap attack. */
  public static final int MAXIMUM_LENGTH = 256;

  static final int MEMORY_KIB = 19 * 1024;
  static final int ITERATIONS = 2;
  static final int PARALLELISM = 1;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;

  private static final Pattern PHC =
      Pattern.compile(
          "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64_DECODE = Base64.getDecoder();
  // Verified against when the email is unknown, so a wrong email costs as long as a wrong password.
  private static final String DECOY = new Passwords().hash("decoy password, never matches");

  /** The problem with a new password, or null when it is acceptable. */
  public static String problemWith(String password) {
    if (password == null || password.isEmpty()) {
      return "a password is required";
    }
    int length = password.codePointCount(0, password.length());
    if (length < MINIMUM_LENGTH) {
      return "the password has "
          + length
          + " characters; use at least "
          + MINIMUM_LENGTH
          + " (a few words make a long one easy to remember)";
    }
    if (length > MAXIMUM_LENGTH) {
      return "the password has " + length + " characters; use at most " + MAXIMUM_LENGTH;
    }
    return null;
  }

  /** Refuses a password that breaks the rules, with a message naming the fix. */
  public static void check(String password) {
    String problem = problemWith(password);
    if (problem != null) {
      throw new UserError(problem);
    }
  }

  /** The Argon2id hash of {@code password} in PHC format, with a fresh salt. */
  public String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    byte[] hash = argon2(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM);
    return "$argon2id$v=19$m="
        + MEMORY_KIB
        + ",t="
        + ITERATIONS
        + ",p="
        + PARALLELISM
        + "$"
        + B64.encodeToString(salt)
        + "$"
        + B64.encodeToString(hash);
  }

  /**
   * Whether {@code password} matches {@code stored}, comparing in constant time. A {@code null}
   * stored hash (no such user) is checked against a decoy, so it takes as long and fails.
   */
  public boolean matches(String password, String stored) {
    boolean known = stored != null;
    Matcher phc = PHC.matcher(known ? stored : DECOY);
    if (!phc.matches() || password == null) {
      return false;
    }
    byte[] expected = B64_DECODE.decode(phc.group(5));
    byte[] actual =
        argon2(
            password,
            B64_DECODE.decode(phc.group(4)),
            Integer.parseInt(phc.group(1)),
            Integer.parseInt(phc.group(2)),
            Integer.parseInt(phc.group(3)),
            expected.length);
    return MessageDigest.isEqual(expected, actual) && known;
  }

  private static byte[] argon2(String password, byte[] salt, int memory, int passes, int lanes) {
    return argon2(password, salt, memory, passes, lanes, HASH_BYTES);
  }

  private static byte[] argon2(
      String password, byte[] salt, int memory, int passes, int lanes, int length) {
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(memory)
            .withIterations(passes)
            .withParallelism(lanes)
            .withSalt(salt)
            .build());
    byte[] out = new byte[length];
    generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
    return out;
  }
}
