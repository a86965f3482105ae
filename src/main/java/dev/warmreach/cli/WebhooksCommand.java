package dev.warmreach.cli;

import dev.warmreach.Warmreach;
import dev.warmreach.domain.UserError;
import dev.warmreach.store.Delivery;
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
      WebhooksCommand.DeadLetters.class,
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

  private static Map<String, Object> json(Delivery d) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", d.id());
    row.put("touch", d.touchKey());
    row.put("url", d.target());
    row.put("attempts", d.attempts());
    row.put("lastError", d.lastError());
    row.put("createdAt", d.createdAt().toString());
    row.put("deadSince", d.updatedAt().toString());
    return row;
  }

  @Command(
      name = "dead-letters",
      mixinStandardHelpOptions = true,
      description = "List webhook deliveries that gave up, oldest first.")
  static final class DeadLetters implements Callable<Integer> {
    @ParentCommand WebhooksCommand parent;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      List<Delivery> dead =
          parent
              .root
              .app()
              .deliveries()
              .deliveries(Delivery.Kind.WEBHOOK, Delivery.Status.DEAD, MAX);
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
      for (Delivery d : dead) {
        rows.add(
            List.of(
                Long.toString(d.id()),
                d.touchKey(),
                Integer.toString(d.attempts()),
                d.updatedAt().toString(),
                d.lastError()));
      }
      Output.table(out, List.of("ID", "TOUCH", "ATTEMPTS", "DEAD SINCE", "LAST ERROR"), rows);
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
      @Parameters(paramLabel = "ID", description = "The dead letter's id from 'dead-letters'.")
      Long id;

      @Option(names = "--all", description = "Replay every dead letter.")
      boolean all;
    }

    @Override
    public Integer call() {
      Warmreach app = parent.root.app();
      var now = parent.root.app().clock().instant();
      List<Long> replayed = new ArrayList<>();
      if (which.all) {
        for (Delivery d :
            app.deliveries().deliveries(Delivery.Kind.WEBHOOK, Delivery.Status.DEAD, MAX)) {
          if (app.deliveries().replayDelivery(d.id(), now)) {
            replayed.add(d.id());
          }
        }
      } else {
        boolean isWebhook =
            app.deliveries()
                .delivery(which.id)
                .map(d -> d.kind() == Delivery.Kind.WEBHOOK && d.status() == Delivery.Status.DEAD)
                .orElse(false);
        if (!isWebhook || !app.deliveries().replayDelivery(which.id, now)) {
          throw new UserError(
              "no webhook dead letter "
                  + which.id
                  + "; see 'warmreach webhooks dead-letters' for the ids");
        }
        replayed.add(which.id);
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
