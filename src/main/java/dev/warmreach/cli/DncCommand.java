package dev.warmreach.cli;

import dev.warmreach.domain.UserError;
import dev.warmreach.store.DoNotContactEntry;
import dev.warmreach.store.DoNotContactTarget;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code warmreach dnc}: the do-not-contact list, which always wins. */
@Command(
    name = "dnc",
    mixinStandardHelpOptions = true,
    description = {
      "The do-not-contact list. A listed profile URL or email is never imported, enrolled or"
          + " contacted; a stored prospect with it is marked do-not-contact.",
      "Entries are kept as keyed hashes; 'prospects forget' adds one for an erased person."
    },
    subcommands = {
      DncCommand.AddEntry.class,
      DncCommand.RemoveEntry.class,
      DncCommand.ListEntries.class
    })
final class DncCommand implements Runnable {

  @ParentCommand WarmreachCli root;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description =
          "Put a LinkedIn profile URL, an email address or an email domain (example.com or"
              + " @example.com: every address at it) on the do-not-contact list.")
  static final class AddEntry implements Callable<Integer> {
    @ParentCommand DncCommand parent;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(
        paramLabel = "URL_EMAIL_OR_DOMAIN",
        description = "A profile URL, an email address, or a domain.")
    String value;

    @Option(
        names = "--reason",
        paramLabel = "TEXT",
        defaultValue = "asked not to be contacted",
        description = "Why, for the record (default: ${DEFAULT-VALUE}).")
    String reason;

    @Override
    public Integer call() {
      DoNotContactTarget target = DoNotContactTarget.parse(value);
      boolean added = parent.root.app().doNotContact().add(target, reason);
      String kind = target.kind();
      PrintWriter out = spec.commandLine().getOut();
      if (parent.root.json()) {
        Output.json(out, Map.of("kind", kind, "added", added));
      } else {
        out.println(
            added
                ? "Added to the do-not-contact list: " + value
                : value + " is on the do-not-contact list already");
      }
      return 0;
    }
  }

  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description =
          "Take an entry off the do-not-contact list, written as it was added; the prospects only it"
              + " covered may be contacted again.")
  static final class RemoveEntry implements Callable<Integer> {
    @ParentCommand DncCommand parent;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(
        paramLabel = "URL_EMAIL_OR_DOMAIN",
        description = "The profile URL, email address or domain to take off.")
    String value;

    @Override
    public Integer call() {
      DoNotContactTarget target = DoNotContactTarget.parse(value);
      if (!parent.root.app().doNotContact().remove(target)) {
        throw new UserError(
            value
                + " is not on the do-not-contact list; 'warmreach dnc list' shows what is (an erased"
                + " person's entry stays)");
      }
      PrintWriter out = spec.commandLine().getOut();
      if (parent.root.json()) {
        Output.json(out, Map.of("kind", target.kind(), "removed", true));
      } else {
        out.println("Removed from the do-not-contact list: " + target.value());
      }
      return 0;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the do-not-contact entries (erased people show only their hash).")
  static final class ListEntries implements Callable<Integer> {
    @ParentCommand DncCommand parent;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      List<DoNotContactEntry> entries = parent.root.app().doNotContact().doNotContactList();
      PrintWriter out = spec.commandLine().getOut();
      if (parent.root.json()) {
        Output.json(out, entries);
        return 0;
      }
      if (entries.isEmpty()) {
        out.println("The do-not-contact list is empty.");
        return 0;
      }
      List<List<String>> rows = new ArrayList<>();
      for (DoNotContactEntry e : entries) {
        rows.add(
            List.of(
                e.kind(),
                e.label().isEmpty() ? "(erased person) " + e.hash().substring(0, 12) : e.label(),
                e.reason(),
                e.addedAt().toString()));
      }
      Output.table(out, List.of("KIND", "ENTRY", "REASON", "ADDED"), rows);
      return 0;
    }
  }
}
