package dev.warmreach.cli;

import dev.warmreach.Warmreach;
import dev.warmreach.domain.UserError;
import dev.warmreach.execute.webhook.DeadLetters;
import dev.warmreach.execute.webhook.WebhookExecutor;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code warmreach webhooks}: webhook deliveries that ran out of attempts, and replaying them. */
@Command(
    name = "webhooks",
    mixinStandardHelpOptions = true,
    description = {
      "Webhook deliveries that failed on every attempt (dead letters), sending them again, and"
          + " rotating the webhook's secret.",
      "A replayed delivery goes out on the next pass of 'warmreach run' with its original"
          + " Idempotency-Key."
    },
    subcommands = {
      WebhooksCommand.DeadLettersList.class,
      WebhooksCommand.Replay.class,
      WebhooksCommand.RotateSecret.class
    })
final class WebhooksCommand implements Runnable {

  private static final int MAX = 10_000;

  @ParentCommand WarmreachCli root;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  private static Map<String, Object> json(DeadLetters.Letter d) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", Long.parseLong(d.reference().replaceFirst("^e", "")));
    row.put("reference", d.reference());
    row.put("type", d.type());
    row.put("webhookId", d.key());
    row.put("touch", d.type().equals(WebhookExecutor.TOUCH_DUE) ? d.key() : null);
    row.put("url", d.url());
    row.put("attempts", d.attempts());
    row.put("lastError", d.lastError());
    row.put("createdAt", d.createdAt().toString());
    row.put("deadSince", d.deadSince().toString());
    return row;
  }

  @Command(
      name = "dead-letters",
      mixinStandardHelpOptions = true,
      description =
          "List webhook posts that gave up, oldest first: touches (touch.due, by number) and the"
              + " prospects' outcomes and campaigns' ends (prospect.*, campaign.finished, by e and"
              + " a number).")
  static final class DeadLettersList implements Callable<Integer> {
    @ParentCommand WebhooksCommand parent;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      List<DeadLetters.Letter> dead = new DeadLetters(parent.root.app().deliveries()).list(MAX);
      PrintWriter out = spec.commandLine().getOut();
      if (parent.root.json()) {
        Output.json(out, Map.of("deadLetters", dead.stream().map(WebhooksCommand::json).toList()));
        return 0;
      }
      if (dead.isEmpty()) {
        out.println("No dead letters: every webhook delivery went out or is still being tried.");
        return 0;
      }
      List<List<String>> rows = new ArrayList<>();
      for (DeadLetters.Letter d : dead) {
        rows.add(
            List.of(
                d.reference(),
                d.type(),
                d.key(),
                Integer.toString(d.attempts()),
                d.deadSince().toString(),
                d.lastError()));
      }
      Output.table(
          out,
          List.of("ID", "TYPE", "TOUCH OR EVENT", "ATTEMPTS", "DEAD SINCE", "LAST ERROR"),
          rows);
      out.println("Send one again with 'warmreach webhooks replay ID', or all with --all.");
      return 0;
    }
  }

  @Command(
      name = "replay",
      mixinStandardHelpOptions = true,
      description =
          "Give dead letters a fresh set of attempts; they go out on the next pass of the engine.")
  static final class Replay implements Callable<Integer> {
    @ParentCommand WebhooksCommand parent;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    Which which;

    static final class Which {
      @Parameters(
          paramLabel = "ID",
          description =
              "The dead letter's id from 'dead-letters' (17 for a touch, e5 for an event).")
      String id;

      @Option(names = "--all", description = "Replay every dead letter.")
      boolean all;
    }

    @Override
    public Integer call() {
      Warmreach app = parent.root.app();
      var now = app.clock().instant();
      DeadLetters letters = new DeadLetters(app.deliveries());
      List<String> replayed = new ArrayList<>();
      if (which.all) {
        replayed.addAll(letters.replayAll(MAX, now));
      } else {
        if (!letters.replay(which.id, now)) {
          throw new UserError(
              "no webhook dead letter "
                  + which.id
                  + "; see 'warmreach webhooks dead-letters' for the ids");
        }
        replayed.add(which.id.strip());
      }
      PrintWriter out = spec.commandLine().getOut();
      if (parent.root.json()) {
        Output.json(out, Map.of("replayed", replayed));
      } else if (replayed.isEmpty()) {
        out.println("No dead letters to replay.");
      } else {
        out.println(
            "Replaying "
                + replayed.size()
                + (replayed.size() == 1 ? " delivery" : " deliveries")
                + "; "
                + (replayed.size() == 1 ? "it goes" : "they go")
                + " out on the next pass of 'warmreach run'.");
      }
      return 0;
    }
  }

  @Command(
      name = "rotate-secret",
      mixinStandardHelpOptions = true,
      description = {
        "Replace the webhook's secret with a new whsec_ one, shown once. Until --keep-old has"
            + " passed, every request is signed with both, so receivers can switch in their own"
            + " time."
      })
  static final class RotateSecret implements Callable<Integer> {
    @ParentCommand WebhooksCommand parent;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--keep-old",
        paramLabel = "DURATION",
        defaultValue = "24h",
        description =
            "How long the old secret keeps signing too (at most 30 days, e.g. 1h, 24h, 7d;"
                + " default ${DEFAULT-VALUE}).")
    java.time.Duration keepOld;

    @Override
    public Integer call() {
      Warmreach app = parent.root.app();
      var now = app.clock().instant();
      String secret = app.outboundSettings().rotateWebhookSecret(keepOld, now, parent.root.env());
      PrintWriter out = spec.commandLine().getOut();
      var until = now.plus(keepOld);
      if (parent.root.json()) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("secret", secret);
        json.put("oldSecretValidUntil", keepOld.isZero() ? null : until.toString());
        Output.json(out, json);
        return 0;
      }
      out.println("New webhook secret (shown once; give it to the receiver):");
      out.println(secret);
      out.println(
          keepOld.isZero()
              ? "The old secret no longer signs."
              : "The old secret signs too until " + until + ".");
      return 0;
    }
  }
}
