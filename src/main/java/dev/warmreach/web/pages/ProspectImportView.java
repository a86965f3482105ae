package dev.warmreach.web.pages;

import dev.warmreach.domain.ProspectProfile;
import dev.warmreach.importer.ImportPreview;
import dev.warmreach.importer.ImportReport;
import dev.warmreach.importer.RowProblem;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The import page's state: nothing yet, a file that could not be read ({@code problem}), the
 * preview of an uploaded file held under {@code uploadId}, or what storing it did ({@code stored}).
 */
public record ProspectImportView(
    String problem,
    String fileName,
    String uploadId,
    ImportPreview preview,
    ImportReport stored,
    String csrfToken) {

  static ProspectImportView empty(String csrfToken) {
    return new ProspectImportView(null, null, null, null, null, csrfToken);
  }

  static ProspectImportView problem(String fileName, String problem, String csrfToken) {
    return new ProspectImportView(problem, fileName, null, null, null, csrfToken);
  }

  public ImportReport report() {
    return preview != null ? preview.report() : stored;
  }

  public Map<String, String> columns() {
    return report().columns();
  }

  public List<String> ignoredColumns() {
    return report().ignoredColumns();
  }

  public List<RowProblem> problems() {
    return report().problems();
  }

  public List<ProspectProfile> sample() {
    return preview.sample();
  }

  public String format() {
    ImportReport r = report();
    return r.format().description() + " (" + r.encoding() + ", " + r.delimiter() + ")";
  }

  public long validRows() {
    return report().validRows();
  }

  /**
   * A field's name in words: {@code firstName} → "First name", {@code profileUrl} → "Profile URL".
   */
  public static String field(String name) {
    String words = name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    words = words.replace("url", "URL");
    return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  public static String count(long n) {
    return ProspectList.count(n);
  }

  /** "1 row" / "2 rows". */
  public static String plural(long n, String one, String many) {
    return count(n) + " " + (n == 1 ? one : many);
  }

  public static String tags(ProspectProfile p) {
    return String.join(", ", p.tags().stream().sorted().toList());
  }
}
