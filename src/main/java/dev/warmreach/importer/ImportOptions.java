package dev.warmreach.importer;

import java.nio.charset.Charset;
import java.util.Map;
import java.util.Set;

/**
 * How to import a file.
 *
 * @param format the format to read, or {@code null} to detect it from the header
 * @param columnMap column name to field, overriding what Warmreach would guess
 * @param tags tags to put on every imported person
 * @param skipInvalid store the valid rows even when others are invalid
 * @param encoding the file's encoding, or {@code null} to detect it (UTF-8 or UTF-16 with a BOM)
 */
public record ImportOptions(
    ImportFormat format,
    Map<String, ProspectField> columnMap,
    Set<String> tags,
    boolean skipInvalid,
    Charset encoding) {

  public ImportOptions {
    columnMap = Map.copyOf(columnMap);
    tags = Set.copyOf(tags);
  }

  /** Options that detect the file's encoding. */
  public ImportOptions(
      ImportFormat format,
      Map<String, ProspectField> columnMap,
      Set<String> tags,
      boolean skipInvalid) {
    this(format, columnMap, tags, skipInvalid, null);
  }

  /** Detect everything, no extra tags, all or nothing. */
  public static ImportOptions defaults() {
    return new ImportOptions(null, Map.of(), Set.of(), false);
  }
}
