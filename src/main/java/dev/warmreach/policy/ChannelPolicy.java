package dev.warmreach.policy;

import dev.warmreach.domain.UserError;
import java.util.List;

/**
 * Decides, for one prospect and one proposed step, which channel to use, whether to wait, or to
 * skip — with reasons. Implementations are pure and thread-safe; a learned policy implements the
 * same interface.
 */
public interface ChannelPolicy {

  /** The name used in campaigns, scenarios and {@code --policy}. */
  String name();

  Decision decide(DecisionInput input);

  /** The policies a campaign can run, by name. */
  List<String> NAMES = List.of("playbook", "connect-only", "inmail-first");

  /** The policies a forecast can run: those and the oracle, which reads the scenario's truth. */
  List<String> FORECAST_NAMES =
      List.of("playbook", "connect-only", "inmail-first", Adaptive.NAME, Oracle.NAME);

  /** The built-in policy called {@code name}. */
  static ChannelPolicy named(String name) {
    return switch (name) {
      case "playbook" -> new Playbook();
      case "connect-only" -> new ConnectOnly();
      case "inmail-first" -> new InmailFirst();
      // The forecast builds these two itself: they learn from, or read, the simulated network.
      case Adaptive.NAME, Oracle.NAME ->
          throw new UserError(
              "policy '"
                  + name
                  + "' runs in 'warmreach forecast' only for now; a campaign uses one of "
                  + String.join(", ", NAMES));
      default ->
          throw new UserError(
              "policy '" + name + "' is not known; use one of " + String.join(", ", NAMES));
    };
  }
}
