package dev.warmreach.importer;

import dev.warmreach.store.ProspectWrite;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What an import found and did. When {@link #stored()} is false nothing was written, and {@link
 * #problems()} says why.
 *
 * @param rows data rows read (the header and any preamble not counted)
 * @param duplicates rows that repeated an earlier row's person and were merged into it
 * @param hiddenMembers rows of members the export hides (no name, URL or email), left out
 * @param unsubscribed addresses the file marks as unsubscribed from all email, put on the
 *     do-not-contact list when stored
 * @param problems every invalid row, in file order
 * @param write what the store did; all zero when nothing was stored
 */
public record ImportReport(
    Path file,
    ImportFormat format,
    String encoding,
    String delimiter,
    Map<String, String> columns,
    List<String> ignoredColumns,
    long rows,
    int duplicates,
    int hiddenMembers,
    int unsubscribed,
    List<RowProblem> problems,
    boolean stored,
    ProspectWrite write) {

  public ImportReport {
    columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
    ignoredColumns = List.copyOf(ignoredColumns);
    problems = List.copyOf(problems);
  }

  /** Rows that could be imported. */
  public long validRows() {
    return rows - hiddenMembers - problems.size();
  }
}
