package dev.warmreach.execute.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook bodies and checks them on the receiving side: {@code Warmreach-Signature: v1=<hex
 * HMAC-SHA256(secret, timestamp + "." + body)>} with the epoch seconds in {@code
 * Warmreach-Timestamp}. The timestamp is signed too, so a captured request cannot be replayed after
 * the receiver's tolerance. Thread-safe.
 */
public final class Signature {

  public static final String TIMESTAMP_HEADER = "Warmreach-Timestamp";
  public static final String SIGNATURE_HEADER = "Warmreach-Signature";
  public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

  /** How far a request's timestamp may be from the receiver's clock, by default. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

  private static final String VERSION = "v1=";

  private Signature() {}

  /** The signature header's value for {@code body} sent at {@code epochSeconds}. */
  public static String sign(String secret, long epochSeconds, byte[] body) {
    return VERSION + HexFormat.of().formatHex(mac(secret, epochSeconds, body));
  }

  /**
   * Whether a request is genuine: the signature header (one or more comma-separated {@code v1=}
   * values, so a secret can be rotated) matches the body and timestamp, and the timestamp is within
   * {@code tolerance} of {@code now}. Never throws on malformed input; it is simply not genuine.
   */
  public static boolean verify(
      String secret,
      String timestampHeader,
      String signatureHeader,
      byte[] body,
      Instant now,
      Duration tolerance) {
    if (secret == null || timestampHeader == null || signatureHeader == null || body == null) {
      return false;
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestampHeader.strip());
    } catch (NumberFormatException e) {
      return false;
    }
    if (Math.abs(now.getEpochSecond() - seconds) > tolerance.toSeconds()) {
      return false;
    }
    byte[] expected = mac(secret, seconds, body);
    for (String part : signatureHeader.split(",")) {
      String value = part.strip();
      if (!value.startsWith(VERSION)) {
        continue;
      }
      try {
        byte[] given = HexFormat.of().parseHex(value.substring(VERSION.length()));
        if (MessageDigest.isEqual(expected, given)) {
          return true;
        }
      } catch (IllegalArgumentException notHex) {
        // not a signature of ours; try the next one
      }
    }
    return false;
  }

  private static byte[] mac(String secret, long epochSeconds, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((epochSeconds + ".").getBytes(StandardCharsets.US_ASCII));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
    }
  }
}
