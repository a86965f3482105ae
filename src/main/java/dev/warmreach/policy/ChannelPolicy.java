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

  /** The built-in policies by name. */
  List<String> NAMES = List.of("playbook", "connect-only", "inmail-first");

  /** The built-in policy called {@code name}. */
  static ChannelPolicy named(String name) {
    return switch (name) {
      case "playbook" -> new Playbook();
      case "connect-only" -> new ConnectOnly();
      case "inmail-first" -> new InmailFirst();
      default ->
          throw new UserError(
              "policy '" + name + "' is not known; use one of " + String.join(", ", NAMES));
    };
  }
}
