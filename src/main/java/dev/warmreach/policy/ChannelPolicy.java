package dev.warmreach.policy;

import dev.warmreach.domain.UserError;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

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
  List<String> NAMES = List.of("playbook", "connect-only", "inmail-first", Adaptive.NAME);

  /** The policies a forecast can run: those and the oracle, which reads the scenario's truth. */
  List<String> FORECAST_NAMES =
      List.of("playbook", "connect-only", "inmail-first", Adaptive.NAME, Oracle.NAME);

  /**
   * The built-in policy called {@code name}; {@code adaptive} with nothing learned (the playbook).
   */
  static ChannelPolicy named(String name) {
    return named(name, now -> LearnedRates.PRIORS, 0);
  }

  /**
   * The built-in policy called {@code name}, {@code adaptive} learning from {@code learned} (what
   * is known at a decision's time) with Thompson sampling's draws seeded by {@code seed}.
   *
   * @throws UserError for an unknown name, or the oracle, which only a forecast can run
   */
  static ChannelPolicy named(String name, Function<Instant, LearnedRates> learned, long seed) {
    return switch (name) {
      case "playbook" -> new Playbook();
      case "connect-only" -> new ConnectOnly();
      case "inmail-first" -> new InmailFirst();
      case Adaptive.NAME -> new Adaptive(learned, new Draws(seed));
      case Oracle.NAME ->
          throw new UserError(
              "policy 'oracle' reads a forecast scenario's truth, so it is forecast-only (warmreach"
                  + " forecast --policy oracle); a campaign uses one of "
                  + String.join(", ", NAMES));
      default ->
          throw new UserError(
              "policy '" + name + "' is not known; use one of " + String.join(", ", NAMES));
    };
  }
}
