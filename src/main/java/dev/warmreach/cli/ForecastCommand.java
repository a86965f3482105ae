package dev.warmreach.cli;

import dev.warmreach.definition.ScenarioFile;
import dev.warmreach.domain.UserError;
import dev.warmreach.policy.ChannelPolicy;
import dev.warmreach.simulation.Forecast;
import dev.warmreach.simulation.ForecastResult;
import dev.warmreach.simulation.Scenario;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code warmreach forecast}: a campaign run on a simulated network before anything is sent. */
@Command(
    name = "forecast",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Forecast a campaign: run the same engine as the live service on a virtual clock against a"
          + " simulated network whose prospects accept, decline, ignore and reply as the"
          + " scenario's truth says (SPEC §6). Nothing is sent and nothing is stored.",
      "Prints the funnel per channel, InMail credits spent and refunded, and the limits broken"
          + " (all zero when the engine keeps them)."
    },
    footer = {
      "",
      "Examples (scenarios in examples/):",
      "  warmreach forecast --scenario examples/default.json",
      "  warmreach forecast --scenario examples/vp-outreach.json --policy inmail-first --json",
      "  warmreach forecast --scenario examples/signals.json --ignore-signals"
    })
final class ForecastCommand implements Callable<Integer> {

  @ParentCommand WarmreachCli root;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--scenario",
      required = true,
      paramLabel = "FILE",
      description = "The scenario, JSON or YAML (see docs/forecast.md).")
  Path scenarioFile;

  @Option(
      names = "--policy",
      paramLabel = "POLICY",
      description =
          "Override the scenario's policy: playbook, connect-only, inmail-first, adaptive or oracle.")
  String policy;

  @Option(names = "--seed", paramLabel = "N", description = "Override the scenario's random seed.")
  Long seed;

  @Option(
      names = "--ignore-signals",
      description =
          "Run the same world with the engine blind to buying signals, to compare with acting on"
              + " them.")
  boolean ignoreSignals;

  @Override
  public Integer call() {
    Scenario scenario = ScenarioFile.read(scenarioFile);
    if (policy != null) {
      if (!ChannelPolicy.FORECAST_NAMES.contains(policy)) {
        throw new UserError(
            "--policy '"
                + policy
                + "' is not a policy; use "
                + String.join(", ", ChannelPolicy.FORECAST_NAMES));
      }
      scenario = scenario.withPolicy(policy);
    }
    if (seed != null) {
      scenario = scenario.withSeed(seed);
    }
    PrintWriter err = spec.commandLine().getErr();
    ProgressBar bar = ProgressBar.onTerminal(err);
    long started = System.nanoTime();
    ForecastResult result;
    try {
      result =
          new Forecast(scenario, root.coach(), ignoreSignals)
              .run((done, total) -> bar.advanced("weeks", done / 168, total / 168));
    } finally {
      bar.finish();
    }
    result = result.withWallMillis((System.nanoTime() - started) / 1_000_000);
    PrintWriter out = spec.commandLine().getOut();
    if (root.json()) {
      Output.json(out, result);
    } else {
      print(out, result);
    }
    return 0;
  }

  static void print(PrintWriter out, ForecastResult r) {
    out.printf(
        Locale.ROOT,
        "Forecast: %,d prospects, %d weeks, policy %s, seed %d (%,d ms)%n%n",
        r.prospects(),
        r.weeks(),
        r.policy(),
        r.seed(),
        r.wallMillis());
    List<List<String>> rows = new ArrayList<>();
    rows.add(row("warm-up", r.sent().get("engage"), null, null));
    rows.add(
        row(
            "connection request",
            r.sent().get("connect"),
            r.accepted(),
            r.replies().get("connect")));
    rows.add(row("message", r.sent().get("dm"), null, r.replies().get("dm")));
    rows.add(row("InMail", r.sent().get("inmail"), null, r.replies().get("inmail")));
    rows.add(row("email", r.sent().get("email"), null, r.replies().get("email")));
    Output.table(out, List.of("CHANNEL", "SENT", "ACCEPTED", "REPLIES", "RATE"), rows);
    out.printf(
        Locale.ROOT,
        "%nDeclined %,d, withdrawn unanswered %,d. Prospects who replied: %,d (%.1f%%).%n",
        r.declined(),
        r.withdrawn(),
        r.replies().get("total"),
        100 * r.rates().get("prospectsReplied"));
    out.printf(
        Locale.ROOT,
        "InMail credits: %,d spent, %,d refunded.%n",
        r.inmailCredits().spent(),
        r.inmailCredits().refunded());
    if (r.signals().seen() > 0) {
      out.printf(
          Locale.ROOT,
          "Buying signals: %,d seen, %,d answered by a touch within their window.%n",
          r.signals().seen(),
          r.signals().actedOn());
    }
    out.println(
        "Limits broken: "
            + (r.totalViolations() == 0 ? "none " : "")
            + r.violations().toString().replace("{", "(").replace("}", ")").replace("=", " "));
    if (!r.decisions().isEmpty()) {
      out.println();
      out.println("Some decisions:");
      r.decisions().forEach(d -> out.println("  " + d));
    }
    out.flush();
  }

  private static List<String> row(String channel, Long sent, Long accepted, Long replies) {
    long n = sent == null ? 0 : sent;
    String rate = "";
    if (accepted != null && n > 0) {
      rate = String.format(Locale.ROOT, "%.1f%% accepted", 100.0 * accepted / n);
    } else if (replies != null && n > 0) {
      rate = String.format(Locale.ROOT, "%.1f%% replied", 100.0 * replies / n);
    }
    return List.of(
        channel,
        String.format(Locale.ROOT, "%,d", n),
        accepted == null ? "" : String.format(Locale.ROOT, "%,d", accepted),
        replies == null ? "" : String.format(Locale.ROOT, "%,d", replies),
        rate);
  }
}
