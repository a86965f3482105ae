package dev.warmreach.cli;

import dev.warmreach.domain.UserError;
import dev.warmreach.execute.email.LoopbackHost;
import dev.warmreach.execute.outbound.OutboundSettings;
import dev.warmreach.execute.provider.ProviderSetup;
import dev.warmreach.execute.provider.UnipileProvider;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps a sped-up clock away from real receivers: at {@code --speed N} a week's invitations,
 * InMails and emails go out in a week's Nth part, far above what LinkedIn and mail servers take
 * from one sender. A trial may run fast only against stand-ins on this machine.
 */
final class SpedUpReceivers {

  private SpedUpReceivers() {}

  /** Refuses {@code speed} above 1 while any receiver is on another machine. */
  static void check(
      double speed, OutboundSettings outbound, Optional<ProviderSetup.Settings> provider) {
    if (speed == 1) {
      return;
    }
    List<String> elsewhere = elsewhere(outbound, provider);
    if (!elsewhere.isEmpty()) {
      throw new UserError(
          String.format(
              Locale.ROOT,
              "--speed %s would carry out touches %s times faster than real time, far beyond what"
                  + " LinkedIn and mail servers take from one sender; it is for trials against"
                  + " stand-ins on this machine (localhost), and these receivers are elsewhere: %s."
                  + " Run without --speed, or try the campaign with 'warmreach run --simulate"
                  + " --speed N' on the simulated network.",
              speed,
              speed,
              String.join(", ", elsewhere)));
    }
  }

  /** The receivers, named with their host, that are not on this machine. */
  static List<String> elsewhere(
      OutboundSettings outbound, Optional<ProviderSetup.Settings> provider) {
    List<String> found = new ArrayList<>();
    outbound
        .smtp()
        .map(OutboundSettings.Smtp::host)
        .filter(host -> !LoopbackHost.is(host))
        .ifPresent(host -> found.add("SMTP server " + host));
    outbound
        .webhook()
        .map(w -> hostOf(w.url()))
        .filter(host -> !LoopbackHost.is(host))
        .ifPresent(host -> found.add("webhook " + host));
    provider
        .map(p -> hostOf(UnipileProvider.apiRoot(p.dsn()).toString()))
        .filter(host -> !LoopbackHost.is(host))
        .ifPresent(host -> found.add("LinkedIn provider " + host));
    return found;
  }

  private static String hostOf(String url) {
    String host = URI.create(url).getHost();
    return host == null ? url : host;
  }
}
