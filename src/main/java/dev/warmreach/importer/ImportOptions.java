package dev.warmreach.importer;

import java.util.Map;
import java.util.Set;

/**
 * How to import a file.
 *
 * @param format the format to read, or {@code null} to detect it from the header
 * @param columnMap column name to field, overriding what Warmreach would guess
 * @param tags tags to put on every imported person
 * @param skipInvalid store the valid rows even when others are invalid
 */
public record ImportOptions(
    ImportFormat format,
    Map<String, ProspectField> columnMap,
    Set<String> tags,
    boolean skipInvalid) {

  public ImportOptions {
    columnMap = Map.copyOf(columnMap);
    tags = Set.copyOf(tags);
  }

  /** Detect everything, no extra tags, all or nothing. */
  public static ImportOptions defaults() {
    return new ImportOptions(null, Map.of(), Set.of(), false);
  }
}
