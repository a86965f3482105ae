package dev.warmreach.web.api;

import dev.warmreach.domain.Prospect;
import dev.warmreach.domain.Seniority;
import dev.warmreach.domain.Tags;
import dev.warmreach.domain.UserError;
import dev.warmreach.importer.CsvFile;
import dev.warmreach.importer.ImportFormat;
import dev.warmreach.importer.ImportOptions;
import dev.warmreach.importer.ImportProgress;
import dev.warmreach.importer.ImportReport;
import dev.warmreach.importer.ProspectImport;
import dev.warmreach.live.ProspectJson;
import dev.warmreach.store.ProspectQuery;
import dev.warmreach.store.Prospects;
import dev.warmreach.web.http.Problem;
import dev.warmreach.web.http.Problem.FieldError;
import dev.warmreach.web.http.ProblemException;
import dev.warmreach.web.http.Requests;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/prospects}: the people Warmreach may contact, listed and filtered a page at a time,
 * and a CSV import that stores all rows or none, as {@code warmreach import} does.
 */
public final class ProspectsApi {

  private final Prospects prospects;
  private final ProspectImport importer;

  public ProspectsApi(Prospects prospects, ProspectImport importer) {
    this.prospects = prospects;
    this.importer = importer;
  }

  public void list(Context ctx) {
    Page page = Page.of(ctx);
    String tag = tag(ctx.queryParam("tag"), "tag");
    Seniority seniority = null;
    String level = ctx.queryParam("seniority");
    if (level != null && !level.isBlank()) {
      try {
        seniority = Seniority.valueOf(level.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw ProblemException.invalid(
            "seniority",
            "'"
                + level
                + "' is not a seniority; use one of "
                + Arrays.stream(Seniority.values()).map(Seniority::name).toList());
      }
    }
    ProspectQuery query =
        new ProspectQuery(ctx.queryParam("search"), tag, seniority, page.limit(), page.offset());
    List<ProspectJson> items = prospects.prospects(query).stream().map(ProspectJson::of).toList();
    ctx.json(page.body(items, prospects.countProspects(query)));
  }

  public void show(Context ctx) {
    ctx.json(ProspectJson.of(find(prospects, ctx.pathParam("id"))));
  }

  static Prospect find(Prospects prospects, String id) {
    long number;
    try {
      number = Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw ProblemException.notFound(
          "'" + id + "' is not a prospect number; GET /api/prospects lists them");
    }
    return prospects
        .prospect(number)
        .orElseThrow(
            () ->
                ProblemException.notFound(
                    "no prospect #" + number + "; GET /api/prospects lists them"));
  }

  /** A CSV file as the body ({@code text/csv}) or as the part {@code file} of a multipart form. */
  public void importCsv(Context ctx) {
    ImportOptions options = options(ctx);
    Path file = null;
    try {
      file = Files.createTempFile("warmreach-import-", ".csv");
      String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
      if (type.startsWith("multipart/form-data")) {
        UploadedFile upload = Requests.uploadedFile(ctx, "file");
        if (upload == null) {
          throw ProblemException.badRequest(
              "the multipart form has no part named 'file'; send the CSV as -F file=@prospects.csv");
        }
        try (InputStream in = upload.content()) {
          Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } else if (type.startsWith("text/csv") || type.startsWith("text/plain")) {
        // Streamed to the file: the body is counted against the import limit as it is read.
        try (InputStream in = ctx.req().getInputStream()) {
          Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } else {
        throw ProblemException.badRequest(
            "send the CSV as the body with Content-Type: text/csv, or as a multipart upload"
                + " (part 'file')");
      }
      if (Files.size(file) == 0) {
        throw ProblemException.badRequest("the CSV is empty; send a header row and prospects");
      }
      ImportReport report = importer.run(file, options, ImportProgress.NONE);
      if (!report.stored()) {
        List<FieldError> errors =
            report.problems().stream()
                .map(p -> new FieldError("line " + p.line(), p.reason()))
                .toList();
        throw new ProblemException(
            new Problem(
                "urn:warmreach:problem:invalid-rows",
                "Invalid rows",
                422,
                report.problems().size()
                    + " of "
                    + report.rows()
                    + " rows are invalid, so nothing was stored; fix them, or send again with"
                    + " ?skipInvalid=true to store the "
                    + report.validRows()
                    + " valid rows",
                errors));
      }
      ctx.status(HttpStatus.CREATED).json(view(report));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          // a temporary file left behind; the OS cleans it up
        }
      }
    }
  }

  private static ImportOptions options(Context ctx) {
    List<FieldError> errors = new ArrayList<>();
    ImportFormat format = null;
    String name = ctx.queryParam("format");
    if (name != null && !name.isBlank() && !name.equalsIgnoreCase("auto")) {
      try {
        format = ImportFormat.byCliName(name.strip());
      } catch (IllegalArgumentException e) {
        errors.add(
            new FieldError(
                "format",
                "'"
                    + name
                    + "' is not a format; use auto, linkedin, salesnav, hubspot or generic"));
      }
    }
    Set<String> tags = new LinkedHashSet<>();
    for (String tag : ctx.queryParams("tag")) {
      try {
        tags.add(tag(tag, "tag"));
      } catch (ProblemException e) {
        errors.addAll(e.problem().errors());
      }
    }
    String skip = ctx.queryParam("skipInvalid");
    if (skip != null && !skip.equals("true") && !skip.equals("false")) {
      errors.add(new FieldError("skipInvalid", "'" + skip + "' is not true or false"));
    }
    java.nio.charset.Charset encoding = null;
    String encodingName = ctx.queryParam("encoding");
    if (encodingName != null && !encodingName.isBlank()) {
      try {
        encoding = CsvFile.encodingNamed(encodingName);
      } catch (UserError e) {
        errors.add(new FieldError("encoding", e.getMessage()));
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    return new ImportOptions(format, Map.of(), tags, "true".equals(skip), encoding);
  }

  private static String tag(String tag, String field) {
    if (tag == null || tag.isBlank()) {
      return null;
    }
    String canonical = Tags.normalise(tag);
    if (canonical == null) {
      throw ProblemException.invalid(
          field,
          "'"
              + tag
              + "' is not a usable tag; use up to 40 letters, digits, '-', '_', '.', ':' or '/'");
    }
    return canonical;
  }

  private static Map<String, Object> view(ImportReport r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("format", r.format().cliName());
    out.put("encoding", r.encoding());
    out.put("delimiter", r.delimiter());
    out.put("columns", r.columns());
    out.put("ignoredColumns", r.ignoredColumns());
    out.put("rows", r.rows());
    out.put("duplicates", r.duplicates());
    out.put("hiddenMembers", r.hiddenMembers());
    out.put("unsubscribed", r.unsubscribed());
    out.put("invalidCount", r.problems().size());
    out.put("invalid", r.problems());
    out.put("stored", r.stored());
    out.put("created", r.write().created());
    out.put("updated", r.write().updated());
    out.put("unchanged", r.write().unchanged());
    out.put("keptOut", r.write().keptOut());
    return out;
  }
}
