package dev.warmreach.cli;

import dev.warmreach.domain.UserError;
import dev.warmreach.importer.SignalList;
import dev.warmreach.live.ProspectTimeline;
import dev.warmreach.live.SignalIntake;
import dev.warmreach.store.SignalFeed;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code warmreach signals}: buying signals in, and the feed of what was done about each. */
@Command(
    name = "signals",
    mixinStandardHelpOptions = true,
    description = {
      "Buying signals: a role change, company news, a relevant post, hiring. A signal wakes an"
          + " enrolled prospect now; someone in no running campaign is enrolled in the campaign"
          + " created with --take-signals. Nobody on the do-not-contact list, and nobody who"
          + " replied, is contacted."
    },
    subcommands = {SignalsCommand.Import.class, SignalsCommand.ListSignals.class})
final class SignalsCommand implements Runnable {

  @ParentCommand WarmreachCli root;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = {
        "Take the signals of a CSV list from an intent tool. Columns: Profile URL and Signal"
            + " (role_change, company_milestone, relevant_post, hiring, engaged_with_sender);"
            + " optional Detail, Date (2026-03-02 or ISO-8601), First Name, Last Name, Title,"
            + " Company (a person not stored yet is added when a first name is given).",
        "The file is checked whole first; importing it again takes nothing twice."
      })
  static final class Import implements Callable<Integer> {
    @ParentCommand SignalsCommand parent;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The CSV file.")
    Path file;

    @Override
    public Integer call() {
      String text;
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (NoSuchFileException e) {
        throw new UserError("no file " + file + "; give the path of the CSV list");
      } catch (IOException e) {
        throw new UserError("cannot read " + file + " (" + e.getMessage() + ")");
      }
      var app = parent.root.app();
      List<SignalList.Row> rows = SignalList.read(file.toString(), text, app.clock().instant());
      SignalIntake intake = app.signalIntake();
      Map<SignalFeed.Outcome, Integer> outcomes = new EnumMap<>(SignalFeed.Outcome.class);
      int duplicates = 0;
      List<String> notTaken = new ArrayList<>();
      for (SignalList.Row row : rows) {
        SignalIntake.Taken taken;
        try {
          taken =
              intake.take(
                  new SignalIntake.Person(
                      row.url(), row.firstName(), row.lastName(), row.title(), row.company()),
                  row.kind(),
                  row.detail(),
                  row.at(),
                  row.idempotencyKey());
        } catch (UserError e) {
          notTaken.add("line " + row.line() + ": " + e.getMessage());
          continue;
        }
        if (taken.duplicate()) {
          duplicates++;
        } else {
          outcomes.merge(taken.outcome(), 1, Integer::sum);
        }
      }
      PrintWriter out = spec.commandLine().getOut();
      if (parent.root.json()) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("rows", rows.size());
        for (SignalFeed.Outcome o : SignalFeed.Outcome.values()) {
          result.put(o.name().toLowerCase(Locale.ROOT), outcomes.getOrDefault(o, 0));
        }
        result.put("duplicates", duplicates);
        result.put("notTaken", notTaken);
        Output.json(out, result);
      } else {
        out.printf(
            Locale.ROOT,
            "Took %d of %d signals: %d woke an enrolled prospect, %d enrolled someone, %d wait for"
                + " their campaign to run, %d could not be acted on; %d taken before.%n",
            rows.size() - duplicates - notTaken.size(),
            rows.size(),
            outcomes.getOrDefault(SignalFeed.Outcome.ACTED, 0),
            outcomes.getOrDefault(SignalFeed.Outcome.ENROLLED, 0),
            outcomes.getOrDefault(SignalFeed.Outcome.WAITING, 0),
            outcomes.getOrDefault(SignalFeed.Outcome.NOT_ACTED, 0),
            duplicates);
        notTaken.forEach(line -> out.println("  not taken: " + line));
        out.println("See what was done about each with 'warmreach signals list'.");
      }
      return notTaken.isEmpty() ? 0 : 1;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "The latest signals, newest first, with what was done about each.")
  static final class ListSignals implements Callable<Integer> {
    @ParentCommand SignalsCommand parent;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      List<SignalFeed.Entry> feed = parent.root.app().signalIntake().feed();
      PrintWriter out = spec.commandLine().getOut();
      if (parent.root.json()) {
        Output.json(out, feed);
        return 0;
      }
      if (feed.isEmpty()) {
        out.println(
            "No signals yet. Send them to POST /api/events or take a CSV list with 'warmreach"
                + " signals import FILE'.");
        return 0;
      }
      var app = parent.root.app();
      Map<String, ZoneId> zones = new HashMap<>();
      app.accounts().accounts().forEach(a -> zones.put(a.name(), a.timeZone()));
      List<List<String>> rows = new ArrayList<>();
      for (SignalFeed.Entry e : feed) {
        // In the zone of the account working them, as their timeline ('prospects show') tells it.
        ZoneId zone =
            app.signalIntake()
                .accountOf(e.prospectId())
                .map(a -> zones.getOrDefault(a, ZoneOffset.UTC))
                .orElse(ZoneOffset.UTC);
        rows.add(
            List.of(
                ProspectTimeline.when(e.at(), zone),
                e.prospectName() + " (#" + e.prospectId() + ")",
                SignalIntake.kindInWords(e.kind())
                    + (e.detail().isEmpty() ? "" : ": " + e.detail())
                    + (e.post().none() ? "" : " " + e.post().href()),
                e.action()));
      }
      Output.table(out, List.of("WHEN", "PROSPECT", "SIGNAL", "WHAT WAS DONE"), rows);
      return 0;
    }
  }
}
