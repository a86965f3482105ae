package dev.warmreach.execute.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook bodies and checks them on the receiving side, as Standard Webhooks says: {@code
 * webhook-signature: v1,<base64 HMAC-SHA256(key, id + "." + timestamp + "." + body)>} with the
 * message's id in {@code webhook-id} and the epoch seconds in {@code webhook-timestamp}; several
 * signatures, space-separated, while an old secret is still valid. The key is the secret's (see
 * {@link WebhookSecret}).
 *
 * <p>For receivers written before, the same requests also carry the earlier headers for one more
 * release: {@code Warmreach-Signature: v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>} with
 * {@code Warmreach-Timestamp}. The timestamp is signed in both, so a captured request cannot be
 * replayed after the receiver's tolerance. Thread-safe.
 */
public final class Signature {

  public static final String TIMESTAMP_HEADER = "Warmreach-Timestamp";
  public static final String SIGNATURE_HEADER = "Warmreach-Signature";
  public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

  /** The Standard Webhooks headers. */
  public static final String ID_HEADER = "webhook-id";

  public static final String STANDARD_TIMESTAMP_HEADER = "webhook-timestamp";
  public static final String STANDARD_SIGNATURE_HEADER = "webhook-signature";

  /** How far a request's timestamp may be from the receiver's clock, by default. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

  private static final String VERSION = "v1=";
  private static final String STANDARD_VERSION = "v1,";

  private Signature() {}

  /** The signature header's value for {@code body} sent at {@code epochSeconds}. */
  public static String sign(String secret, long epochSeconds, byte[] body) {
    return VERSION + HexFormat.of().formatHex(mac(secret, epochSeconds, body));
  }

  /** The earlier signature header's value with each secret, comma-separated. */
  public static String sign(List<String> secrets, long epochSeconds, byte[] body) {
    return secrets.stream().map(s -> sign(s, epochSeconds, body)).collect(Collectors.joining(","));
  }

  /**
   * The {@code webhook-signature} header's value for message {@code id}: one signature per secret,
   * space-separated.
   */
  public static String signStandard(
      List<String> secrets, String id, long epochSeconds, byte[] body) {
    return secrets.stream()
        .map(
            s ->
                STANDARD_VERSION
                    + Base64.getEncoder()
                        .encodeToString(standardMac(WebhookSecret.key(s), id, epochSeconds, body)))
        .collect(Collectors.joining(" "));
  }

  /**
   * Whether a request is genuine by the Standard Webhooks headers: one of the space-separated
   * {@code v1,} signatures matches the id, timestamp and body, and the timestamp is within {@code
   * tolerance} of {@code now}. Never throws on malformed input; it is simply not genuine.
   */
  public static boolean verifyStandard(
      String secret,
      String idHeader,
      String timestampHeader,
      String signatureHeader,
      byte[] body,
      Instant now,
      Duration tolerance) {
    if (secret == null || idHeader == null || signatureHeader == null || body == null) {
      return false;
    }
    Long seconds = seconds(timestampHeader, now, tolerance);
    if (seconds == null) {
      return false;
    }
    byte[] expected = standardMac(WebhookSecret.key(secret), idHeader, seconds, body);
    for (String part : signatureHeader.strip().split(" +")) {
      if (!part.startsWith(STANDARD_VERSION)) {
        continue;
      }
      try {
        byte[] given = Base64.getDecoder().decode(part.substring(STANDARD_VERSION.length()));
        if (MessageDigest.isEqual(expected, given)) {
          return true;
        }
      } catch (IllegalArgumentException notBase64) {
        // not a signature of ours; try the next one
      }
    }
    return false;
  }

  /**
   * Whether a request is genuine by the earlier headers: the signature header (one or more
   * comma-separated {@code v1=} values, so a secret can be rotated) matches the body and timestamp,
   * and the timestamp is within {@code tolerance} of {@code now}. Never throws on malformed input;
   * it is simply not genuine.
   */
  public static boolean verify(
      String secret,
      String timestampHeader,
      String signatureHeader,
      byte[] body,
      Instant now,
      Duration tolerance) {
    if (secret == null || signatureHeader == null || body == null) {
      return false;
    }
    Long seconds = seconds(timestampHeader, now, tolerance);
    if (seconds == null) {
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

  /** The timestamp header's seconds when it is a number within tolerance, else null. */
  private static Long seconds(String timestampHeader, Instant now, Duration tolerance) {
    if (timestampHeader == null) {
      return null;
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestampHeader.strip());
    } catch (NumberFormatException e) {
      return null;
    }
    return Math.abs(now.getEpochSecond() - seconds) > tolerance.toSeconds() ? null : seconds;
  }

  private static byte[] standardMac(byte[] key, String id, long epochSeconds, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update((id + "." + epochSeconds + ".").getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
    }
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
