package dev.warmreach.importer;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.warmreach.domain.Event;
import dev.warmreach.domain.ProfileUrl;
import dev.warmreach.domain.UserError;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A CSV list of buying signals from an intent tool: one row per signal, with the person's profile
 * URL, the kind of signal, and optionally its detail, date, and the person's name, title and
 * company (needed for someone not stored yet). Read whole and checked before anything is taken: a
 * file with a wrong row is refused naming every wrong row.
 */
public final class SignalList {

  /** A signal read from a row. */
  public record Row(
      long line,
      ProfileUrl url,
      String firstName,
      String lastName,
      String title,
      String company,
      Event.Signal.Kind kind,
      String detail,
      Instant at) {

    /** The same row of the same file gives the same key, so importing it twice takes it once. */
    public String idempotencyKey() {
      return "csv:" + url.value() + ":" + kind.name() + ":" + at.toEpochMilli();
    }
  }

  // Header names people's tools use, lower-cased, for each field.
  private static final Map<String, List<String>> NAMES =
      Map.of(
          "url", List.of("profile url", "linkedin url", "linkedin", "url", "profileurl"),
          "first", List.of("first name", "firstname", "first"),
          "last", List.of("last name", "lastname", "last"),
          "title", List.of("title", "job title", "position"),
          "company", List.of("company", "company name", "organization"),
          "signal", List.of("signal", "kind", "signal type", "type"),
          "detail", List.of("detail", "details", "description", "what"),
          "date", List.of("date", "at", "when", "signal date"));

  private SignalList() {}

  /**
   * Reads every row of {@code text}, its rows dated {@code now} when the file gives no date.
   *
   * @throws UserError naming the file and each wrong row and how to fix it
   */
  public static List<Row> read(String file, String text, Instant now) {
    if (text.isBlank()) {
      throw new UserError(file + " is empty; give a header row and one signal per row");
    }
    char delimiter = text.lines().findFirst().orElse("").contains(";") ? ';' : ',';
    try (CsvReader<CsvRecord> reader =
        CsvReader.builder()
            .fieldSeparator(delimiter)
            .skipEmptyLines(true)
            .allowExtraFields(true)
            .allowMissingFields(true)
            .ofCsvRecord(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text))) {
      var records = reader.iterator();
      if (!records.hasNext()) {
        throw new UserError(file + " has no header row");
      }
      List<String> header =
          records.next().getFields().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
      int url = column(header, "url");
      int signal = column(header, "signal");
      if (url < 0 || signal < 0) {
        throw new UserError(
            file
                + " needs a 'Profile URL' and a 'Signal' column; its header is "
                + String.join(", ", header));
      }
      List<Row> rows = new ArrayList<>();
      List<String> problems = new ArrayList<>();
      while (records.hasNext()) {
        CsvRecord record = records.next();
        long line = record.getStartingLineNumber();
        List<String> cells = record.getFields();
        List<String> wrong = new ArrayList<>();
        ProfileUrl profile = null;
        if (ProfileUrl.parse(cell(cells, url)) instanceof ProfileUrl.Valid valid) {
          profile = valid.url();
        } else {
          wrong.add("'" + cell(cells, url) + "' is not a LinkedIn profile URL");
        }
        Event.Signal.Kind kind = kind(cell(cells, signal), wrong);
        Instant at = at(cell(cells, column(header, "date")), now, wrong);
        if (!wrong.isEmpty()) {
          problems.add("line " + line + ": " + String.join("; ", wrong));
          continue;
        }
        rows.add(
            new Row(
                line,
                profile,
                cell(cells, column(header, "first")),
                cell(cells, column(header, "last")),
                cell(cells, column(header, "title")),
                cell(cells, column(header, "company")),
                kind,
                cell(cells, column(header, "detail")),
                at));
      }
      if (!problems.isEmpty()) {
        throw new UserError(
            file
                + " has "
                + problems.size()
                + " wrong row(s), nothing was taken: "
                + String.join(" | ", problems.subList(0, Math.min(10, problems.size())))
                + (problems.size() > 10 ? " | …" : ""));
      }
      return rows;
    } catch (CsvParseException e) {
      throw new UserError(file + " could not be read as CSV (" + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int column(List<String> header, String field) {
    for (String name : NAMES.get(field)) {
      int at = header.indexOf(name);
      if (at >= 0) {
        return at;
      }
    }
    return -1;
  }

  private static String cell(List<String> cells, int column) {
    return column < 0 || column >= cells.size() ? "" : cells.get(column).strip();
  }

  private static Event.Signal.Kind kind(String text, List<String> wrong) {
    String wanted = text.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    return Arrays.stream(Event.Signal.Kind.values())
        .filter(k -> k.name().equals(wanted))
        .findFirst()
        .orElseGet(
            () -> {
              wrong.add(
                  "'"
                      + text
                      + "' is not a signal; use "
                      + Arrays.stream(Event.Signal.Kind.values())
                          .map(k -> k.name().toLowerCase(Locale.ROOT))
                          .collect(Collectors.joining(", ")));
              return null;
            });
  }

  private static Instant at(String text, Instant now, List<String> wrong) {
    if (text.isEmpty()) {
      return now;
    }
    try {
      Instant at =
          text.length() == 10
              ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
              : OffsetDateTime.parse(text).toInstant();
      if (at.isAfter(now)) {
        wrong.add("the date " + text + " is in the future");
      }
      return at;
    } catch (DateTimeParseException e) {
      wrong.add("'" + text + "' is not a date; use 2026-03-02 or 2026-03-02T09:30:00Z");
      return null;
    }
  }
}
