package dev.warmreach.importer;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.warmreach.domain.EmailAddress;
import dev.warmreach.domain.ProspectProfile;
import dev.warmreach.domain.UserError;
import dev.warmreach.store.DoNotContactList;
import dev.warmreach.store.ProspectWrite;
import dev.warmreach.store.Prospects;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Imports prospects from a CSV file: detects the format, reads and checks every row, merges rows
 * that name the same person, and stores them all in one transaction, or nothing when a row is
 * invalid (unless asked to skip invalid rows).
 */
public final class ProspectImport {

  /** Lines searched for the header, past any preamble such as LinkedIn's notes. */
  private static final int HEADER_SEARCH_LINES = 30;

  private final Prospects prospects;
  private final DoNotContactList doNotContact;

  public ProspectImport(Prospects prospects, DoNotContactList doNotContact) {
    this.prospects = prospects;
    this.doNotContact = doNotContact;
  }

  /**
   * Imports {@code file}. Invalid rows are reported in the result, not thrown.
   *
   * @throws UserError when the file cannot be read as a prospect list at all
   */
  public ImportReport run(Path file, ImportOptions options, ImportProgress progress) {
    return run(CsvFile.read(file, options.encoding()), options, progress);
  }

  /** Imports CSV content already read, such as the bundled sample prospects. */
  public ImportReport run(CsvFile csv, ImportOptions options, ImportProgress progress) {
    Parsed parsed = parse(csv, options, progress);
    boolean store = parsed.problems().isEmpty() || options.skipInvalid();
    ProspectWrite write = new ProspectWrite(0, 0, 0, 0);
    if (store) {
      // Listed before the people are saved, so that they are kept out of the campaigns; should
      // saving fail, the list errs on the side of not writing to someone who asked not to hear.
      for (EmailAddress email : parsed.unsubscribed()) {
        doNotContact.addDoNotContact(
            null, email, "unsubscribed from all email in " + parsed.format().description());
      }
    }
    if (store && !parsed.valid().isEmpty()) {
      progress.advanced("storing", 0, parsed.valid().size());
      write = prospects.saveProspects(parsed.valid());
      progress.advanced("storing", parsed.valid().size(), parsed.valid().size());
    }
    return parsed.report(store, write);
  }

  /**
   * Reads and checks {@code csv} exactly as {@link #run(CsvFile, ImportOptions, ImportProgress)}
   * does, and says what storing it would do, storing nothing: a dry run.
   *
   * @throws UserError when the file cannot be read as a prospect list at all
   */
  public ImportPreview preview(CsvFile csv, ImportOptions options) {
    Parsed parsed = parse(csv, options, ImportProgress.NONE);
    ProspectWrite wouldWrite =
        parsed.valid().isEmpty()
            ? new ProspectWrite(0, 0, 0, 0)
            : prospects.previewProspects(parsed.valid());
    return new ImportPreview(
        parsed.report(false, new ProspectWrite(0, 0, 0, 0)),
        wouldWrite,
        parsed.valid().size(),
        parsed.valid().subList(0, Math.min(ImportPreview.SAMPLE, parsed.valid().size())));
  }

  private Parsed parse(CsvFile csv, ImportOptions options, ImportProgress progress) {
    Path file = csv.path();
    if (csv.text().isBlank()) {
      throw new UserError(file + " is empty; export the prospect list again, with its header row");
    }
    try (CsvReader<CsvRecord> reader =
        CsvReader.builder()
            .fieldSeparator(csv.delimiter())
            .skipEmptyLines(true)
            .allowExtraFields(true)
            .allowMissingFields(true)
            .ofCsvRecord(new StringReader(csv.text()))) {
      return read(csv, reader, options, progress);
    } catch (CsvParseException e) {
      throw new UserError(
          file + " could not be read as CSV (" + e.getMessage() + "); check its quotes", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A file read and checked, before anything is stored. */
  private record Parsed(
      CsvFile csv,
      ImportFormat format,
      ColumnMap columns,
      long rows,
      int duplicates,
      int hidden,
      List<EmailAddress> unsubscribed,
      List<RowProblem> problems,
      List<ProspectProfile> valid) {

    ImportReport report(boolean stored, ProspectWrite write) {
      return new ImportReport(
          csv.path(),
          format,
          csv.encoding(),
          csv.delimiterName(),
          columns.describe(),
          columns.ignoredColumns(),
          rows,
          duplicates,
          hidden,
          unsubscribed.size(),
          problems,
          stored,
          write);
    }
  }

  private Parsed read(
      CsvFile csv, CsvReader<CsvRecord> reader, ImportOptions options, ImportProgress progress) {
    var records = reader.iterator();
    CsvRecord header = findHeader(csv.path(), records, options);
    ImportFormat format =
        options.format() != null ? options.format() : ImportFormat.detect(header.getFields());
    ColumnMap columns = ColumnMap.of(header.getFields(), format, options.columnMap());
    requireIdentity(csv.path(), columns);
    RowReader rows = new RowReader(columns, format, options.tags());

    Map<String, ProspectProfile> people = new LinkedHashMap<>();
    Map<String, String> sameAs = new HashMap<>();
    List<RowProblem> problems = new ArrayList<>();
    long count = 0;
    int duplicates = 0;
    int hidden = 0;
    Map<String, EmailAddress> unsubscribed = new LinkedHashMap<>();
    long totalLines = csv.lineCount();
    while (records.hasNext()) {
      CsvRecord record = records.next();
      if (record.getFields().stream().allMatch(String::isBlank)) {
        continue; // a blank row, such as the bare ",,,," rows Excel saves below a table
      }
      count++;
      RowReader.Read read = rows.read(record.getStartingLineNumber(), record.getFields());
      if (read.hidden()) {
        hidden++;
      } else if (read.problem() != null) {
        problems.add(read.problem());
      } else {
        if (read.unsubscribed() && read.profile().email() != null) {
          EmailAddress email = read.profile().email();
          unsubscribed.putIfAbsent(email.value().toLowerCase(Locale.ROOT), email);
        }
        String key = earlierKey(sameAs, read.profile()).orElse(key(read.profile()));
        ProspectProfile merged = people.merge(key, read.profile(), ProspectProfile::updatedBy);
        if (merged != read.profile()) {
          duplicates++;
        }
        // a later row may name them by their profile or their lead id alone: either finds them
        for (String name : names(merged)) {
          sameAs.putIfAbsent(name, key);
        }
      }
      if (count % 5_000 == 0) {
        progress.advanced("reading", record.getStartingLineNumber(), totalLines);
      }
    }
    progress.advanced("reading", totalLines, totalLines);
    List<ProspectProfile> valid = mergeEmailOnly(people);
    duplicates += people.size() - valid.size();
    return new Parsed(
        csv,
        format,
        columns,
        count,
        duplicates,
        hidden,
        List.copyOf(unsubscribed.values()),
        problems,
        valid);
  }

  private static CsvRecord findHeader(
      Path file, java.util.Iterator<CsvRecord> records, ImportOptions options) {
    for (int seen = 0; seen < HEADER_SEARCH_LINES && records.hasNext(); seen++) {
      CsvRecord record = records.next();
      if (ColumnMap.looksLikeHeader(record.getFields(), options.columnMap())) {
        return record;
      }
    }
    throw new UserError(
        file
            + " has no header row Warmreach recognises in its first "
            + HEADER_SEARCH_LINES
            + " lines; it needs columns such as First Name, Last Name and LinkedIn URL (name"
            + " others with --map COLUMN=FIELD, fields: "
            + ProspectField.allUserNames()
            + ")");
  }

  private static void requireIdentity(Path file, ColumnMap columns) {
    boolean hasName =
        columns.has(ProspectField.FIRST_NAME)
            || columns.has(ProspectField.LAST_NAME)
            || columns.has(ProspectField.FULL_NAME);
    boolean reachable =
        columns.has(ProspectField.PROFILE_URL)
            || columns.has(ProspectField.LEAD_URL)
            || columns.has(ProspectField.EMAIL);
    if (!hasName || !reachable) {
      throw new UserError(
          file
              + " needs a name column and a LinkedIn URL or email column; found "
              + (columns.describe().isEmpty() ? "none" : columns.describe())
              + " among "
              + columns.headers()
              + "; map the right columns with --map COLUMN=FIELD");
    }
  }

  /**
   * The key an earlier row of the same person was kept under, found by their profile URL or their
   * lead id (a row with both is found by either).
   */
  private static java.util.Optional<String> earlierKey(
      Map<String, String> sameAs, ProspectProfile profile) {
    return names(profile).stream().map(sameAs::get).filter(k -> k != null).findFirst();
  }

  private static List<String> names(ProspectProfile profile) {
    List<String> names = new ArrayList<>(2);
    if (profile.profileUrl() != null) {
      names.add(profile.profileUrl().value());
    }
    if (profile.leadId() != null) {
      names.add("lead:" + profile.leadId());
    }
    return names;
  }

  private static String key(ProspectProfile profile) {
    if (profile.profileUrl() != null) {
      return profile.profileUrl().value();
    }
    return profile.leadId() != null
        ? "lead:" + profile.leadId()
        : "email:" + profile.email().value().toLowerCase(Locale.ROOT);
  }

  /** Rows known only by an email that another row with a profile URL also has are that person. */
  private static List<ProspectProfile> mergeEmailOnly(Map<String, ProspectProfile> people) {
    Map<String, String> urlKeyByEmail = new LinkedHashMap<>();
    for (Map.Entry<String, ProspectProfile> person : people.entrySet()) {
      ProspectProfile profile = person.getValue();
      if (profile.profileUrl() != null && profile.email() != null) {
        urlKeyByEmail.putIfAbsent(
            profile.email().value().toLowerCase(Locale.ROOT), person.getKey());
      }
    }
    Map<String, ProspectProfile> merged = new LinkedHashMap<>(people);
    for (Map.Entry<String, ProspectProfile> person : people.entrySet()) {
      ProspectProfile profile = person.getValue();
      if (profile.profileUrl() == null && profile.leadId() == null) {
        String urlKey = urlKeyByEmail.get(profile.email().value().toLowerCase(Locale.ROOT));
        if (urlKey != null) {
          merged.remove(person.getKey());
          merged.merge(urlKey, profile, ProspectProfile::updatedBy);
        }
      }
    }
    return List.copyOf(merged.values());
  }
}
