package dev.warmreach.execute.webhook;

import dev.warmreach.domain.UserError;
import dev.warmreach.execute.Backoff;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Where touches are posted and how: the receiver's URL, the shared secret that signs each request,
 * how long to wait for an answer, and how failed deliveries are retried. While a secret is being
 * rotated, the previous one signs too until {@code previousSecretUntil}.
 */
public record WebhookSettings(
    URI url,
    String secret,
    Duration timeout,
    Backoff retries,
    String previousSecret,
    Instant previousSecretUntil) {

  /** At least this long, so the signature cannot be guessed. */
  public static final int MIN_SECRET_LENGTH = 16;

  public WebhookSettings {
    if (url == null
        || !url.isAbsolute()
        || url.getHost() == null
        || !("http".equalsIgnoreCase(url.getScheme())
            || "https".equalsIgnoreCase(url.getScheme()))) {
      throw new UserError(
          "webhook url '"
              + url
              + "' is not an http(s) URL; give e.g. https://hooks.example.com/warmreach");
    }
    if (secret == null || secret.strip().length() < MIN_SECRET_LENGTH) {
      throw new UserError(
          "webhook secret must be at least "
              + MIN_SECRET_LENGTH
              + " characters; generate one, e.g. with 'openssl rand -hex 32'");
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new UserError("webhook timeout must be positive, e.g. 10s; got " + timeout);
    }
    if ((previousSecret == null) != (previousSecretUntil == null)) {
      throw new IllegalArgumentException("a previous secret needs the time it is valid until");
    }
    if (retries == null) {
      throw new UserError(
          "webhook retries must be given; use Backoff.DEFAULT for 1m doubling to 1h, 8 attempts");
    }
  }

  /** Settings with one secret. */
  public WebhookSettings(URI url, String secret, Duration timeout, Backoff retries) {
    this(url, secret, timeout, retries, null, null);
  }

  /** These settings with {@code previous} signing too until {@code until}. */
  public WebhookSettings withPreviousSecret(String previous, Instant until) {
    return new WebhookSettings(url, secret, timeout, retries, previous, until);
  }

  /** The secrets that sign a request sent at {@code now}: the current one first. */
  public List<String> secretsAt(Instant now) {
    if (previousSecret != null && now.isBefore(previousSecretUntil)) {
      return List.of(secret, previousSecret);
    }
    return List.of(secret);
  }

  /** Settings with a 10-second timeout and the default retries. */
  public static WebhookSettings of(String url, String secret) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new UserError("webhook url '" + url + "' is not a valid URL: " + e.getMessage(), e);
    }
    return new WebhookSettings(uri, secret, Duration.ofSeconds(10), Backoff.DEFAULT);
  }

  @Override
  public String toString() {
    // the secret stays out of logs
    return "WebhookSettings[url=" + url + ", timeout=" + timeout + ", retries=" + retries + "]";
  }
}
