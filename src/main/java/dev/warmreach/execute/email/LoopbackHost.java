package dev.warmreach.execute.email;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a mail server's host name is this machine, judged by its spelling alone: {@code
 * localhost}, {@code 127.x.x.x} or {@code ::1}. No name is looked up, so a DNS record that points
 * at 127.0.0.1 today and elsewhere tomorrow does not count.
 */
public final class LoopbackHost {

  private static final Pattern IPV4 =
      Pattern.compile(
          "127\\.(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)){2}");
  private static final Pattern IPV6 = Pattern.compile("(?:0{0,4}:){2,7}0{0,3}1|::1");

  private LoopbackHost() {}

  /** Whether {@code host} names this machine. */
  public static boolean is(String host) {
    String h = host.strip().toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return h.equals("localhost") || IPV4.matcher(h).matches() || IPV6.matcher(h).matches();
  }

  /**
   * Refuses to send a login over a connection without TLS to another machine: anyone on the way
   * would read the password.
   */
  static void checkLogin(String protocol, String host, SmtpSettings.Tls tls, boolean login) {
    if (login && tls == SmtpSettings.Tls.NONE && !is(host)) {
      throw new dev.warmreach.domain.UserError(
          protocol
              + " tls none would send the password in clear to "
              + host
              + "; use starttls or tls, or none only for a relay on this machine (localhost)");
    }
  }
}
