package dev.warmreach.cli;

import dev.warmreach.domain.Tags;
import dev.warmreach.domain.UserError;
import dev.warmreach.importer.ImportFormat;
import dev.warmreach.importer.ImportOptions;
import dev.warmreach.importer.ImportReport;
import dev.warmreach.importer.ProspectField;
import dev.warmreach.importer.RowProblem;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code warmreach import}: prospects from a CSV file, all or nothing. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Import prospects from a CSV file: LinkedIn's own Connections export, a Sales Navigator-style"
          + " lead list, a HubSpot contacts export, or any CSV with --map.",
      "Format, delimiter (comma, semicolon, tab) and encoding (UTF-8 with or without BOM, UTF-16"
          + " with BOM) are detected; a file in another encoding is refused with the line and byte"
          + " where it stops being UTF-8: name its encoding with --encoding. Profile URLs are normalised, so a person written twice is stored once, and"
          + " importing again updates people instead of duplicating them.",
      "All or nothing: if any row is invalid, nothing is stored and the invalid rows are listed"
          + " (use --skip-invalid to store the valid ones). People on the do-not-contact list are"
          + " never stored."
    },
    footer = {
      "",
      "Fields for --map: firstName, lastName, name (full name), profileUrl, title, company, email,"
          + " location, tags, activity (HIGH|MEDIUM|LOW), degree (1st|2nd|3rd), openProfile"
          + " (yes|no), ignore.",
      "",
      "Examples:",
      "  warmreach import ~/Downloads/Connections.csv",
      "  warmreach import leads.csv --tag q3-fintech --skip-invalid",
      "  warmreach import excel-export.csv --encoding windows-1252",
      "  warmreach import crm.csv --map \"Given name=firstName\" --map \"Profile=profileUrl\""
    })
final class ImportCommand implements Callable<Integer> {

  @ParentCommand WarmreachCli root;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file to import.")
  Path file;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "auto",
      description = "auto (default), linkedin, salesnav, hubspot or generic.")
  String format;

  @Option(
      names = "--map",
      paramLabel = "COLUMN=FIELD",
      description = "Read column COLUMN as FIELD; repeat for several columns.")
  Map<String, String> map = new LinkedHashMap<>();

  @Option(
      names = "--tag",
      paramLabel = "TAG",
      description = "Tag every imported person with TAG; repeat for several tags.")
  List<String> tags = List.of();

  @Option(
      names = "--skip-invalid",
      description = "Store the valid rows even when some rows are invalid, and list the rest.")
  boolean skipInvalid;

  @Option(
      names = "--encoding",
      paramLabel = "NAME",
      converter = EncodingOption.class,
      description =
          "Read the file in this encoding (e.g. windows-1252, ISO-8859-1, Shift_JIS) instead of"
              + " detecting UTF-8 or UTF-16.")
  Charset encoding;

  @Override
  public Integer call() {
    ImportOptions options = new ImportOptions(format(), columnMap(), tags(), skipInvalid, encoding);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ProgressBar progress = ProgressBar.onTerminal(err);
    ImportReport report;
    try {
      report = root.app().prospectImport().run(file, options, progress);
    } finally {
      progress.finish();
    }
    if (root.json()) {
      Output.json(out, ImportJson.of(report));
    } else {
      print(out, err, report);
    }
    return report.stored() ? 0 : WarmreachCli.USER_ERROR;
  }

  private ImportFormat format() {
    if (format.equalsIgnoreCase("auto")) {
      return null;
    }
    try {
      return ImportFormat.byCliName(format);
    } catch (IllegalArgumentException e) {
      throw new UserError(
          "--format '"
              + format
              + "' is not a format; use auto, linkedin, salesnav, hubspot or generic");
    }
  }

  private Map<String, ProspectField> columnMap() {
    Map<String, ProspectField> columns = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : map.entrySet()) {
      ProspectField field =
          ProspectField.byUserName(entry.getValue())
              .orElseThrow(
                  () ->
                      new UserError(
                          "--map '"
                              + entry.getKey()
                              + "="
                              + entry.getValue()
                              + "': '"
                              + entry.getValue()
                              + "' is not a field; use one of "
                              + ProspectField.allUserNames()));
      columns.put(entry.getKey(), field);
    }
    return columns;
  }

  private Set<String> tags() {
    Set<String> canonical = new LinkedHashSet<>();
    for (String tag : tags) {
      String normalised = Tags.normalise(tag);
      if (normalised == null) {
        throw new UserError(
            "--tag '"
                + tag
                + "' is not a usable tag; use up to 40 letters, digits, '-', '_', '.', ':' or '/'");
      }
      canonical.add(normalised);
    }
    return canonical;
  }

  private void print(PrintWriter out, PrintWriter err, ImportReport report) {
    String source =
        report.file().getFileName()
            + " ("
            + report.format().description()
            + ", "
            + report.encoding()
            + ", "
            + report.delimiter()
            + "-separated)";
    if (!report.stored()) {
      err.println(
          "warmreach: "
              + source
              + ": "
              + report.problems().size()
              + " of "
              + report.rows()
              + " rows are invalid, so nothing was stored:");
      listProblems(err, report.problems());
      err.println(
          "Fix these rows, or run again with --skip-invalid to store the "
              + report.validRows()
              + " valid rows.");
      err.flush();
      return;
    }
    out.println("Imported " + source);
    out.println(
        "  columns: "
            + report.columns().entrySet().stream()
                .map(e -> e.getKey() + " -> " + e.getValue())
                .collect(Collectors.joining(", ")));
    if (!report.ignoredColumns().isEmpty()) {
      out.println("  left out: " + String.join(", ", report.ignoredColumns()));
    }
    out.printf(
        "  rows: %,d read, %,d invalid, %,d duplicates merged%n",
        report.rows(), report.problems().size(), report.duplicates());
    if (report.hiddenMembers() > 0) {
      out.printf(
          "  %,d hidden members left out (LinkedIn shows no name, URL or email for them)%n",
          report.hiddenMembers());
    }
    if (report.unsubscribed() > 0) {
      out.printf(
          "  %,d unsubscribed from all email: their addresses are on the do-not-contact list%n",
          report.unsubscribed());
    }
    out.printf(
        "  people: %,d new, %,d updated, %,d unchanged, %,d kept out (do-not-contact)%n",
        report.write().created(),
        report.write().updated(),
        report.write().unchanged(),
        report.write().keptOut());
    if (!report.problems().isEmpty()) {
      out.println("Skipped invalid rows:");
      listProblems(out, report.problems());
    }
    out.flush();
  }

  private static void listProblems(PrintWriter to, List<RowProblem> problems) {
    problems.stream().limit(20).forEach(p -> to.println("  " + p));
    if (problems.size() > 20) {
      to.println("  … and " + (problems.size() - 20) + " more");
    }
  }

  /** The import report as tools read it. */
  record ImportJson(
      String file,
      String format,
      String encoding,
      String delimiter,
      Map<String, String> columns,
      List<String> ignoredColumns,
      long rows,
      int duplicates,
      int hiddenMembers,
      int unsubscribed,
      int invalidCount,
      List<RowProblem> invalid,
      boolean stored,
      int created,
      int updated,
      int unchanged,
      int keptOut) {

    static ImportJson of(ImportReport r) {
      return new ImportJson(
          r.file().toString(),
          r.format().cliName(),
          r.encoding(),
          r.delimiter(),
          r.columns(),
          r.ignoredColumns(),
          r.rows(),
          r.duplicates(),
          r.hiddenMembers(),
          r.unsubscribed(),
          r.problems().size(),
          r.problems(),
          r.stored(),
          r.write().created(),
          r.write().updated(),
          r.write().unchanged(),
          r.write().keptOut());
    }
  }
}
