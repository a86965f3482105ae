package dev.warmreach.execute.email;

import dev.warmreach.domain.EmailAddress;
import dev.warmreach.domain.UserError;
import dev.warmreach.execute.Backoff;
import java.net.URI;
import java.time.Duration;

/**
 * How to reach the mail server and what every email carries: the sender, and the unsubscribe
 * address and/or link that bulk-mail rules (and Gmail's and Yahoo's sender requirements) ask for.
 *
 * @param tls {@code NONE} (only for a local relay: with a login, only to a loopback host), {@code
 *     STARTTLS} (usually port 587) or {@code TLS} (implicit TLS, usually port 465)
 * @param username {@code null} when the server needs no login; then so is {@code password}
 * @param unsubscribeMailto the address that receives unsubscribe emails; may be {@code null} when
 *     {@code unsubscribeUrl} is set
 * @param unsubscribeUrl an https link that unsubscribes with one click (RFC 8058); {@code {touch}}
 *     in it is replaced by the touch's key, else {@code touch=KEY} is added to its query
 * @param timeout how long to wait to connect and for each answer of the server
 */
public record SmtpSettings(
    String host,
    int port,
    Tls tls,
    String username,
    String password,
    EmailAddress fromAddress,
    String fromName,
    EmailAddress unsubscribeMailto,
    URI unsubscribeUrl,
    Duration timeout,
    Backoff retries) {

  /** How the connection to the mail server is secured. */
  public enum Tls {
    NONE,
    STARTTLS,
    TLS
  }

  public SmtpSettings {
    if (host == null || host.isBlank() || host.contains(" ")) {
      throw new UserError(
          "smtp host '" + host + "' is not a host name; give e.g. smtp.example.com");
    }
    if (port < 1 || port > 65_535) {
      throw new UserError(
          "smtp port " + port + " is out of range; use 587 (STARTTLS) or 465 (TLS)");
    }
    if (tls == null) {
      throw new UserError("smtp tls must be one of none, starttls, tls");
    }
    if ((username == null || username.isBlank()) != (password == null || password.isEmpty())) {
      throw new UserError(
          "smtp username and password go together; give both, or neither for a server without"
              + " login");
    }
    if (fromAddress == null) {
      throw new UserError("smtp from address is missing; give the address emails are sent from");
    }
    fromName = fromName == null ? "" : fromName.strip();
    if (unsubscribeMailto == null && unsubscribeUrl == null) {
      throw new UserError(
          "smtp unsubscribe needs a mailto address or an https URL (or both); every email carries"
              + " a List-Unsubscribe header");
    }
    if (unsubscribeUrl != null
        && (!"https".equalsIgnoreCase(unsubscribeUrl.getScheme())
            || unsubscribeUrl.getHost() == null)) {
      throw new UserError(
          "smtp unsubscribe URL '"
              + unsubscribeUrl
              + "' must be an https URL (one-click unsubscribe requires it)");
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new UserError("smtp timeout must be positive, e.g. 30s; got " + timeout);
    }
    if (retries == null) {
      throw new UserError("smtp retries must be given; use Backoff.DEFAULT");
    }
    username = username == null || username.isBlank() ? null : username;
    password = username == null ? null : password;
    LoopbackHost.checkLogin("smtp", host, tls, username != null);
  }

  /** The domain of the sender's address, which every Message-ID ends in. */
  String domain() {
    String address = fromAddress.value();
    return address.substring(address.indexOf('@') + 1);
  }

  @Override
  public String toString() {
    // the password stays out of logs
    return "SmtpSettings[host="
        + host
        + ", port="
        + port
        + ", tls="
        + tls
        + ", username="
        + username
        + ", from="
        + fromAddress
        + "]";
  }
}
