package dev.warmreach.web.pages;

import dev.warmreach.domain.Prospect;
import dev.warmreach.domain.Seniority;
import dev.warmreach.domain.Tags;
import dev.warmreach.domain.UserError;
import dev.warmreach.importer.CsvFile;
import dev.warmreach.importer.ImportOptions;
import dev.warmreach.importer.ImportPreview;
import dev.warmreach.importer.ImportProgress;
import dev.warmreach.importer.ImportReport;
import dev.warmreach.importer.ProspectImport;
import dev.warmreach.live.ProspectTimeline;
import dev.warmreach.store.Analytics;
import dev.warmreach.store.Campaigns;
import dev.warmreach.store.ProspectQuery;
import dev.warmreach.store.Prospects;
import dev.warmreach.store.SenderAccounts;
import dev.warmreach.store.Touches;
import dev.warmreach.web.auth.Principal;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Prospects: the searchable list, a CSV upload that shows what it would store before storing it,
 * and each person's page with their whole timeline.
 */
public final class ProspectsPages {

  private final Prospects prospects;
  private final Campaigns campaigns;
  private final Analytics analytics;
  private final Touches touches;
  private final SenderAccounts accounts;
  private final Clock clock;
  private final ProspectImport prospectImport;
  private final Views views;
  private final ProspectUploads uploads = new ProspectUploads();

  public ProspectsPages(
      Prospects prospects,
      Campaigns campaigns,
      Analytics analytics,
      Touches touches,
      SenderAccounts accounts,
      Clock clock,
      ProspectImport prospectImport,
      Views views) {
    this.prospects = prospects;
    this.campaigns = campaigns;
    this.analytics = analytics;
    this.touches = touches;
    this.accounts = accounts;
    this.clock = clock;
    this.prospectImport = prospectImport;
    this.views = views;
  }

  /**
   * {@code GET /prospects}: the list, filtered and paged in the database. An htmx request from the
   * filter form or the pager gets only the results, to swap in.
   */
  public void show(Context ctx) {
    ProspectList list = list(ctx);
    if (Views.fromHtmx(ctx) && !"true".equals(ctx.header("HX-History-Restore-Request"))) {
      ctx.header("Vary", "HX-Request");
      // the address bar gets the filters without the empty ones, e.g. /prospects?q=acme
      ctx.header("HX-Push-Url", list.pageUrl(list.page()));
      Map<String, Object> params = new HashMap<>();
      params.put("list", list);
      views.render(ctx, "prospects/results.jte", params);
      return;
    }
    ctx.header("Vary", "HX-Request");
    views.page(ctx, "prospects/prospects.jte", chrome(ctx, "Prospects"), list);
  }

  private ProspectList list(Context ctx) {
    List<String> problems = new ArrayList<>();
    String q = trimmed(ctx.queryParam("q"));
    String tagText = trimmed(ctx.queryParam("tag"));
    String tag = null;
    if (tagText != null) {
      tag = Tags.normalise(tagText);
      if (tag == null) {
        problems.add(
            "Tag: '"
                + tagText
                + "' is not a tag; tags are up to 40 letters, digits, '-', '_', '.', ':' or '/'.");
      }
    }
    String seniorityText = trimmed(ctx.queryParam("seniority"));
    Seniority seniority = null;
    if (seniorityText != null) {
      seniority = parse(Seniority.class, seniorityText);
      if (seniority == null) {
        problems.add(
            "Seniority: '" + seniorityText + "' is not a seniority; pick one from the list.");
      }
    }
    String statusText = trimmed(ctx.queryParam("status"));
    ProspectQuery.Status status = null;
    if (statusText != null) {
      status = parse(ProspectQuery.Status.class, statusText);
      if (status == null) {
        problems.add("Status: '" + statusText + "' is not a status; pick one from the list.");
      }
    }
    int page = 1;
    String pageText = ctx.queryParam("page");
    if (pageText != null && !pageText.isBlank()) {
      try {
        page = Math.max(1, Math.min(Integer.parseInt(pageText.strip()), 1_000_000));
      } catch (NumberFormatException e) {
        problems.add("Page: '" + pageText + "' is not a page number; showing the first page.");
      }
    }
    ProspectList.Filters filters =
        new ProspectList.Filters(
            q,
            tagText,
            seniority == null ? null : ProspectList.value(seniority),
            status == null ? null : ProspectList.value(status));
    ProspectQuery count = new ProspectQuery(q, tag, seniority, status, 1, 0);
    long total = prospects.countProspects(count);
    int pages = (int) Math.max(1, (total + ProspectList.PAGE_SIZE - 1) / ProspectList.PAGE_SIZE);
    page = Math.min(page, pages);
    ProspectQuery query =
        new ProspectQuery(
            q, tag, seniority, status, ProspectList.PAGE_SIZE, (page - 1) * ProspectList.PAGE_SIZE);
    List<ProspectList.Row> rows =
        total == 0
            ? List.of()
            : prospects.prospects(query).stream()
                .map(p -> ProspectList.Row.of(p, campaigns.enrollmentsOf(p.id())))
                .toList();
    return new ProspectList(filters, rows, total, page, problems);
  }

  /** {@code GET /prospects/{id}}: who they are and everything that happened with them. */
  public void prospect(Context ctx) {
    Optional<Prospect> found = Optional.empty();
    String id = ctx.pathParam("id");
    try {
      found = prospects.prospect(Long.parseLong(id));
    } catch (NumberFormatException e) {
      // not a number: no such prospect
    }
    if (found.isEmpty()) {
      ctx.status(HttpStatus.NOT_FOUND);
      views.page(ctx, "prospects/missing.jte", chrome(ctx, "No such prospect"), id);
      return;
    }
    ProspectTimeline timeline =
        ProspectTimeline.of(prospects, campaigns, analytics, touches, accounts, found.get());
    views.page(ctx, "prospects/prospect.jte", chrome(ctx, found.get().fullName()), timeline);
  }

  /** {@code GET /prospects/import}: the upload form. */
  public void importForm(Context ctx) {
    importPage(ctx, ProspectImportView.empty(Principal.of(ctx).csrfToken()));
  }

  /**
   * {@code POST /prospects/import}: reads the uploaded CSV with the importer the CLI and the API
   * use, stores nothing, and shows what storing it would do. The file waits in memory for the
   * go-ahead.
   */
  public void preview(Context ctx) {
    String csrf = Principal.of(ctx).csrfToken();
    long length = ctx.contentLength();
    if (length > ProspectUploads.MAX_BYTES + 64 * 1024) {
      importPage(
          ctx,
          ProspectImportView.problem(
              null,
              String.format(
                  Locale.ENGLISH,
                  "The upload is %.1f MB; upload files up to %d MB (about 140,000 rows), or split"
                      + " the list into smaller files, or import it with 'warmreach import FILE'.",
                  length / (1024.0 * 1024.0),
                  ProspectUploads.MAX_BYTES / (1024 * 1024)),
              csrf));
      return;
    }
    UploadedFile upload = dev.warmreach.web.http.Requests.uploadedFile(ctx, "file");
    if (upload == null || upload.filename() == null || upload.filename().isBlank()) {
      importPage(
          ctx,
          ProspectImportView.problem(null, "Choose a file in CSV file, then press Preview.", csrf));
      return;
    }
    String fileName = fileName(upload.filename());
    if (upload.size() > ProspectUploads.MAX_BYTES) {
      importPage(ctx, ProspectImportView.problem(fileName, tooBig(fileName, upload.size()), csrf));
      return;
    }
    Set<String> tags = new LinkedHashSet<>();
    String tagText = trimmed(ctx.formParam("tags"));
    if (tagText != null) {
      for (String piece : tagText.split("[,;]")) {
        if (piece.isBlank()) {
          continue;
        }
        String tag = Tags.normalise(piece);
        if (tag == null) {
          importPage(
              ctx,
              ProspectImportView.problem(
                  fileName,
                  "Tags: '"
                      + piece.strip()
                      + "' is not a tag; use up to 40 letters, digits, '-', '_', '.', ':' or '/',"
                      + " and separate tags with commas.",
                  csrf));
          return;
        }
        tags.add(tag);
      }
    }
    byte[] bytes;
    try (InputStream in = upload.content()) {
      bytes = in.readNBytes(ProspectUploads.MAX_BYTES + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (bytes.length > ProspectUploads.MAX_BYTES) {
      importPage(ctx, ProspectImportView.problem(fileName, tooBig(fileName, bytes.length), csrf));
      return;
    }
    if (bytes.length == 0) {
      importPage(
          ctx,
          ProspectImportView.problem(
              fileName,
              fileName + " is empty; export the prospect list again, with its header row.",
              csrf));
      return;
    }
    ImportPreview preview;
    try {
      preview = prospectImport.preview(CsvFile.of(Path.of(fileName), bytes), options(tags, false));
    } catch (UserError e) {
      importPage(ctx, ProspectImportView.problem(fileName, e.getMessage(), csrf));
      return;
    }
    long userId = Principal.of(ctx).user().id();
    String id = uploads.hold(userId, fileName, bytes, tags, clock.instant());
    importPage(ctx, new ProspectImportView(null, fileName, id, preview, null, csrf));
  }

  /**
   * {@code POST /prospects/import/{upload}}: stores the previewed file, all rows or, with {@code
   * skipInvalid=true}, the valid ones, as {@code warmreach import --skip-invalid} does.
   */
  public void store(Context ctx) {
    String csrf = Principal.of(ctx).csrfToken();
    long userId = Principal.of(ctx).user().id();
    Optional<ProspectUploads.Upload> held =
        uploads.find(ctx.pathParam("upload"), userId, clock.instant());
    if (held.isEmpty()) {
      ctx.status(HttpStatus.NOT_FOUND);
      importPage(
          ctx,
          ProspectImportView.problem(
              null,
              "That upload is no longer held (uploads wait "
                  + ProspectUploads.KEEP.toMinutes()
                  + " minutes, or it was stored already); upload the file again.",
              csrf));
      return;
    }
    ProspectUploads.Upload upload = held.get();
    boolean skipInvalid = "true".equals(ctx.formParam("skipInvalid"));
    ImportReport report;
    try {
      report =
          prospectImport.run(
              CsvFile.of(Path.of(upload.fileName()), upload.bytes()),
              options(upload.tags(), skipInvalid),
              ImportProgress.NONE);
    } catch (UserError e) {
      uploads.release(upload.id());
      importPage(ctx, ProspectImportView.problem(upload.fileName(), e.getMessage(), csrf));
      return;
    }
    if (report.stored()) {
      uploads.release(upload.id());
    }
    if (!Views.fromHtmx(ctx)) {
      ctx.redirect("/prospects", HttpStatus.SEE_OTHER);
      return;
    }
    importPage(
        ctx,
        new ProspectImportView(
            report.stored()
                ? null
                : "Nothing was stored: "
                    + ProspectImportView.plural(report.problems().size(), "row is", "rows are")
                    + " invalid. Fix them and upload again, or store only the valid rows.",
            upload.fileName(),
            report.stored() ? null : upload.id(),
            null,
            report,
            csrf));
  }

  private void importPage(Context ctx, ProspectImportView view) {
    if (Views.fromHtmx(ctx)) {
      Map<String, Object> params = new HashMap<>();
      params.put("view", view);
      views.render(ctx, "prospects/preview.jte", params);
    } else {
      views.page(ctx, "prospects/import.jte", chrome(ctx, "Import prospects"), view);
    }
  }

  private static ImportOptions options(Set<String> tags, boolean skipInvalid) {
    return new ImportOptions(null, Map.of(), tags, skipInvalid);
  }

  private static String tooBig(String fileName, long bytes) {
    return String.format(
        Locale.ENGLISH,
        "%s is %.1f MB; upload files up to %d MB (about 140,000 rows), or split the list into"
            + " smaller files, or import it with 'warmreach import %s'.",
        fileName,
        bytes / (1024.0 * 1024.0),
        ProspectUploads.MAX_BYTES / (1024 * 1024),
        fileName);
  }

  /** The file's own name, without any folders a browser sent along, safe as a path. */
  static String fileName(String sent) {
    String name = sent.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1);
    name = name.replaceAll("[^\\p{L}\\p{N} ._()-]", "_").strip();
    return name.isEmpty() || name.startsWith(".") ? "upload.csv" : name;
  }

  private Chrome chrome(Context ctx, String title) {
    return views.chrome(ctx, title, Chrome.Section.PROSPECTS);
  }

  private static String trimmed(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String text) {
    try {
      return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
