package dev.warmreach.cli;

import dev.warmreach.Warmreach;
import dev.warmreach.domain.ActivityLevel;
import dev.warmreach.domain.Plan;
import dev.warmreach.domain.Prospect;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.domain.Seniority;
import dev.warmreach.importer.CsvFile;
import dev.warmreach.importer.ImportOptions;
import dev.warmreach.importer.ImportReport;
import dev.warmreach.store.ProspectQuery;
import dev.warmreach.store.Store;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code warmreach demo}: the guided tour on the bundled sample prospects. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run the demo: import the bundled sample prospects (300 people, varied in seniority and"
          + " LinkedIn activity) into the workspace, add a demo sender account, and show what was"
          + " stored.",
      "Safe to run again: people already stored are updated, never duplicated."
    })
final class DemoCommand implements Callable<Integer> {

  static final String SAMPLE = "/sample/prospects.csv";
  static final String SAMPLE_TAG = "demo-sample";
  static final String DEMO_ACCOUNT = "demo-sdr";

  @ParentCommand WarmreachCli root;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Warmreach app = root.app();
    Store store = app.store();
    CsvFile sample = CsvFile.of(Path.of("sample", "prospects.csv"), sampleBytes());
    ImportReport report =
        app.prospectImport()
            .run(
                sample,
                new ImportOptions(null, Map.of(), Set.of(SAMPLE_TAG), false),
                ProgressBar.onTerminal(spec.commandLine().getErr()));
    boolean accountAdded =
        store.addAccount(
            SenderAccount.withPlanDefaults(
                DEMO_ACCOUNT, Plan.SALES_NAVIGATOR, ZoneId.of("Europe/Berlin")));
    List<Prospect> people =
        store.prospects(new ProspectQuery(null, SAMPLE_TAG, null, ProspectQuery.MAX_LIMIT, 0));
    Summary summary = Summary.of(people);
    PrintWriter out = spec.commandLine().getOut();
    if (root.json()) {
      Output.json(out, summary.json(report, store.countProspects(ProspectQuery.all(1))));
      return 0;
    }
    out.println("Warmreach demo");
    out.println("==============");
    out.printf(
        Locale.ROOT,
        "Imported the sample prospects (%s, %d rows): %d new, %d updated, %d unchanged.%n",
        report.format().description(),
        report.rows(),
        report.write().created(),
        report.write().updated(),
        report.write().unchanged());
    out.println(
        (accountAdded ? "Added" : "Kept")
            + " the sender account "
            + DEMO_ACCOUNT
            + " (SALES_NAVIGATOR: 200 invitations a week, 50 InMail credits a month, Europe/Berlin).");
    out.println();
    out.printf(
        Locale.ROOT,
        "Stored: %d sample prospects (%d in the workspace in all), %d with a business email.%n",
        people.size(),
        store.countProspects(ProspectQuery.all(1)),
        summary.withEmail);
    out.println("By seniority (read from each job title):");
    summary.bySeniority.forEach((level, n) -> out.printf(Locale.ROOT, "  %-10s %4d%n", level, n));
    out.println("By LinkedIn activity:");
    summary.byActivity.forEach((level, n) -> out.printf(Locale.ROOT, "  %-10s %4d%n", level, n));
    out.println();
    out.println("A few of them:");
    List<List<String>> rows = new ArrayList<>();
    for (Prospect p : summary.examples) {
      rows.add(
          List.of(
              String.valueOf(p.id()),
              p.fullName(),
              p.profile().title(),
              p.profile().company(),
              p.seniority().name(),
              p.profile().activity().name()));
    }
    Output.table(out, List.of("ID", "NAME", "TITLE", "COMPANY", "SENIORITY", "ACTIVITY"), rows);
    out.println();
    out.println("Next: 'warmreach prospects list --seniority VP', 'warmreach prospects show ID',");
    out.println("or import your own list: 'warmreach import ~/Downloads/Connections.csv'.");
    out.flush();
    return 0;
  }

  private static byte[] sampleBytes() {
    try (InputStream in = DemoCommand.class.getResourceAsStream(SAMPLE)) {
      if (in == null) {
        throw new IllegalStateException(
            "the sample prospects are missing from the build: " + SAMPLE);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Counts over the sample prospects, and one example of each seniority. */
  private record Summary(
      Map<Seniority, Integer> bySeniority,
      Map<ActivityLevel, Integer> byActivity,
      int withEmail,
      List<Prospect> examples) {

    static Summary of(List<Prospect> people) {
      Map<Seniority, Integer> bySeniority = new EnumMap<>(Seniority.class);
      Map<ActivityLevel, Integer> byActivity = new EnumMap<>(ActivityLevel.class);
      Map<Seniority, Prospect> example = new EnumMap<>(Seniority.class);
      int withEmail = 0;
      for (Prospect p : people) {
        bySeniority.merge(p.seniority(), 1, Integer::sum);
        byActivity.merge(p.profile().activity(), 1, Integer::sum);
        example.putIfAbsent(p.seniority(), p);
        withEmail += p.profile().hasEmail() ? 1 : 0;
      }
      return new Summary(bySeniority, byActivity, withEmail, List.copyOf(example.values()));
    }

    Map<String, Object> json(ImportReport report, long workspaceTotal) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("imported", ImportCommand.ImportJson.of(report));
      json.put("sampleProspects", bySeniority.values().stream().mapToInt(Integer::intValue).sum());
      json.put("workspaceProspects", workspaceTotal);
      json.put("bySeniority", bySeniority);
      json.put("byActivity", byActivity);
      json.put("withEmail", withEmail);
      json.put("examples", examples.stream().map(ProspectJson::of).toList());
      return json;
    }
  }
}
