package dev.warmreach.importer;

import dev.warmreach.domain.UserError;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which column of a file holds which prospect field: the names Warmreach knows, overridden by the
 * user's {@code --map column=field}. Columns it does not know are left out.
 */
final class ColumnMap {

  private final List<String> headers;
  private final ProspectField[] fields;

  private ColumnMap(List<String> headers, ProspectField[] fields) {
    this.headers = List.copyOf(headers);
    this.fields = fields;
  }

  /**
   * Maps {@code headers} using the names known in {@code format} and {@code overrides} (column name
   * to field, matched ignoring case and surrounding spaces).
   *
   * @throws UserError when an override names a column the file does not have
   */
  static ColumnMap of(
      List<String> headers, ImportFormat format, Map<String, ProspectField> overrides) {
    ProspectField[] fields = new ProspectField[headers.size()];
    for (int i = 0; i < headers.size(); i++) {
      ProspectField known = format.field(headers.get(i));
      fields[i] = known == null ? ProspectField.IGNORE : known;
    }
    boolean[] overridden = new boolean[headers.size()];
    for (Map.Entry<String, ProspectField> override : overrides.entrySet()) {
      int column = indexOf(headers, override.getKey());
      if (column < 0) {
        throw new UserError(
            "--map '"
                + override.getKey()
                + "="
                + override.getValue().userName()
                + "': the file has no column '"
                + override.getKey()
                + "'; its columns are: "
                + String.join(", ", headers));
      }
      fields[column] = override.getValue();
      overridden[column] = true;
    }
    // A column the user mapped wins over one Warmreach guessed for the same single-valued field.
    for (int i = 0; i < fields.length; i++) {
      boolean multiValued = fields[i] == ProspectField.LOCATION || fields[i] == ProspectField.TAGS;
      if (!overridden[i] && !multiValued && overrides.containsValue(fields[i])) {
        fields[i] = ProspectField.IGNORE;
      }
    }
    return new ColumnMap(headers, fields);
  }

  /** Whether a row looks like a header: two or more fields, one of which identifies a person. */
  static boolean looksLikeHeader(List<String> row, Map<String, ProspectField> overrides) {
    Set<ProspectField> found = EnumSet.noneOf(ProspectField.class);
    for (String cell : row) {
      ProspectField field = ImportFormat.fieldFor(cell);
      if (field != null) {
        found.add(field);
      }
      for (Map.Entry<String, ProspectField> override : overrides.entrySet()) {
        if (override.getKey().strip().equalsIgnoreCase(cell.strip())) {
          found.add(override.getValue());
        }
      }
    }
    boolean identifies =
        found.contains(ProspectField.PROFILE_URL)
            || found.contains(ProspectField.LEAD_URL)
            || found.contains(ProspectField.EMAIL)
            || found.contains(ProspectField.FIRST_NAME)
            || found.contains(ProspectField.FULL_NAME);
    return found.size() >= 2 && identifies;
  }

  private static int indexOf(List<String> headers, String name) {
    for (int i = 0; i < headers.size(); i++) {
      if (headers.get(i).strip().equalsIgnoreCase(name.strip())) {
        return i;
      }
    }
    return -1;
  }

  int columns() {
    return fields.length;
  }

  ProspectField field(int column) {
    return fields[column];
  }

  boolean has(ProspectField field) {
    for (ProspectField f : fields) {
      if (f == field) {
        return true;
      }
    }
    return false;
  }

  List<String> headers() {
    return headers;
  }

  /** Column name to field, in file order, for reports; ignored columns are left out. */
  Map<String, String> describe() {
    Map<String, String> mapping = new LinkedHashMap<>();
    for (int i = 0; i < fields.length; i++) {
      if (fields[i] != ProspectField.IGNORE) {
        mapping.put(headers.get(i), fields[i].userName());
      }
    }
    return mapping;
  }

  /** The columns no field was found for, so the user knows what was left out. */
  List<String> ignoredColumns() {
    List<String> ignored = new ArrayList<>();
    for (int i = 0; i < fields.length; i++) {
      if (fields[i] == ProspectField.IGNORE && !headers.get(i).isBlank()) {
        ignored.add(headers.get(i));
      }
    }
    return ignored;
  }
}
