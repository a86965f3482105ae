package dev.warmreach.execute.email;

import dev.warmreach.domain.UserError;
import java.time.Duration;

/** The IMAP mailbox that receives bounces: usually the one of the SMTP from address. */
public record BounceSettings(
    String host,
    int port,
    SmtpSettings.Tls tls,
    String username,
    String password,
    String folder,
    Duration timeout) {

  public BounceSettings {
    if (host == null || host.isBlank() || host.contains(" ")) {
      throw new UserError(
          "imap host '" + host + "' is not a host name; give e.g. imap.example.com");
    }
    if (port < 1 || port > 65_535) {
      throw new UserError("imap port " + port + " is out of range; use 993 (TLS) or 143");
    }
    if (tls == null) {
      throw new UserError("imap tls must be one of none, starttls, tls");
    }
    if (username == null || username.isBlank() || password == null) {
      throw new UserError("imap username and password are required to read the bounce mailbox");
    }
    LoopbackHost.checkLogin("imap", host, tls, true);
    folder = folder == null || folder.isBlank() ? "INBOX" : folder;
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new UserError("imap timeout must be positive, e.g. 30s; got " + timeout);
    }
  }

  @Override
  public String toString() {
    return "BounceSettings[host=" + host + ", port=" + port + ", user=" + username + "]";
  }
}
