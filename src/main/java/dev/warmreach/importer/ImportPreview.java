package dev.warmreach.importer;

import dev.warmreach.domain.ProspectProfile;
import dev.warmreach.store.ProspectWrite;
import java.util.List;

/**
 * What importing a file would do, with nothing stored: the file's format, columns and invalid rows
 * (in {@link #report()}, whose {@code stored} is false), and what the store would do with the valid
 * rows.
 *
 * @param wouldWrite people the import would create, update, leave unchanged or keep out
 * @param people the distinct people in the valid rows, after merging repeated rows
 * @param sample the first of those people, as they would be stored
 */
public record ImportPreview(
    ImportReport report, ProspectWrite wouldWrite, int people, List<ProspectProfile> sample) {

  /** How many people a preview shows. */
  public static final int SAMPLE = 10;

  public ImportPreview {
    sample = List.copyOf(sample);
  }
}
