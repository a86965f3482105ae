package dev.warmreach.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warmreach.domain.Message;
import dev.warmreach.domain.Prospect;
import dev.warmreach.domain.Touch;
import dev.warmreach.domain.UserError;
import dev.warmreach.live.TaskInbox;
import dev.warmreach.store.Prospects;
import dev.warmreach.store.SenderAccounts;
import dev.warmreach.web.http.ProblemException;
import dev.warmreach.web.http.Requests;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code /api/tasks}: the task inbox of assisted mode, as {@code warmreach tasks today --json}
 * shows it, and marking a task done, skipped or failed.
 */
public final class TasksApi {

  private final TaskInbox inbox;
  private final SenderAccounts accounts;
  private final Prospects prospects;
  private final Clock clock;
  private final ObjectMapper json;

  public TasksApi(
      TaskInbox inbox,
      SenderAccounts accounts,
      Prospects prospects,
      Clock clock,
      ObjectMapper json) {
    this.inbox = inbox;
    this.accounts = accounts;
    this.prospects = prospects;
    this.clock = clock;
    this.json = json;
  }

  public void list(Context ctx) {
    Page page = Page.of(ctx);
    String due = ctx.queryParam("due");
    if (due != null && !due.isBlank() && !due.equals("today")) {
      throw ProblemException.invalid(
          "due", "'" + due + "' is not known; use today, or leave it out");
    }
    String account = ctx.queryParam("account");
    if (account != null && accounts.account(account).isEmpty()) {
      throw ProblemException.invalid(
          "account", "no account named '" + account + "'; GET /api/accounts lists them");
    }
    List<Touch> today =
        inbox.today(clock.instant(), account, page.offset() + page.limit() + 10_000);
    Map<String, Long> left = new TreeMap<>();
    today.forEach(t -> left.merge(t.senderAccount(), 1L, Long::sum));
    int from = Math.min(page.offset(), today.size());
    int to = (int) Math.min((long) from + page.limit(), today.size());
    List<Map<String, Object>> items = new ArrayList<>();
    for (Touch t : today.subList(from, to)) {
      items.add(view(t, prospects.prospect(t.prospectId()).orElse(null)));
    }
    Map<String, Object> out = page.body(items, today.size());
    out.put("leftToday", left);
    ctx.json(out);
  }

  public void done(Context ctx) {
    finish(ctx, Touch.Status.DONE);
  }

  public void skip(Context ctx) {
    finish(ctx, Touch.Status.SKIPPED);
  }

  public void fail(Context ctx) {
    finish(ctx, Touch.Status.FAILED);
  }

  private void finish(Context ctx, Touch.Status status) {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw ProblemException.notFound(
          "'" + ctx.pathParam("id") + "' is not a task number; GET /api/tasks lists them");
    }
    Touch touch =
        inbox
            .task(id)
            .orElseThrow(
                () -> ProblemException.notFound("no task #" + id + "; GET /api/tasks lists them"));
    if (touch.status() != Touch.Status.PLANNED) {
      throw ProblemException.conflict(
          "task #"
              + id
              + " is "
              + touch.status().name().toLowerCase()
              + " already; nothing was changed");
    }
    String reason = null;
    if (!ctx.body().isBlank()) {
      JsonNode body = Requests.json(ctx, json);
      JsonNode given = body.get("reason");
      reason = given == null || given.isNull() ? null : given.asText();
    }
    Instant now = clock.instant();
    List<Long> marked;
    try {
      marked = inbox.finish(List.of(id), status, now, reason);
    } catch (UserError e) {
      throw ProblemException.conflict(e.getMessage());
    }
    if (marked.isEmpty()) {
      throw ProblemException.conflict(
          "task #" + id + " was handled meanwhile; nothing was changed");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", id);
    out.put("status", status.name());
    ctx.json(out);
  }

  /** The touches a crash left uncertain, for the user to confirm. */
  public void uncertain(Context ctx) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (Touch t : inbox.uncertain(1000)) {
      Map<String, Object> row = view(t, prospects.prospect(t.prospectId()).orElse(null));
      row.put("attemptedAt", t.doneAt().toString());
      row.put("why", t.reason());
      items.add(row);
    }
    ctx.json(Map.of("items", items));
  }

  public void confirmSent(Context ctx) {
    confirm(ctx, true);
  }

  public void confirmNotSent(Context ctx) {
    confirm(ctx, false);
  }

  private void confirm(Context ctx, boolean sent) {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw ProblemException.notFound(
          "'"
              + ctx.pathParam("id")
              + "' is not a touch number; GET /api/tasks/uncertain lists them");
    }
    if (inbox.task(id).isEmpty()) {
      throw ProblemException.notFound("no touch #" + id + "; GET /api/tasks/uncertain lists them");
    }
    List<Long> settled;
    try {
      settled = inbox.confirm(List.of(id), sent);
    } catch (UserError e) {
      throw ProblemException.conflict(e.getMessage());
    }
    if (settled.isEmpty()) {
      throw ProblemException.conflict(
          "touch #" + id + " was confirmed meanwhile; nothing was changed");
    }
    Touch after = inbox.task(id).orElseThrow();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", id);
    out.put("status", after.status().name());
    ctx.json(out);
  }

  static Map<String, Object> view(Touch t, Prospect p) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", t.id());
    row.put("account", t.senderAccount());
    row.put("channel", t.channel().name());
    row.put("withNote", t.withNote());
    row.put("step", t.step());
    row.put("due", t.dueAt().toString());
    row.put("what", TaskInbox.what(t));
    row.put("prospect", t.prospectId());
    row.put("name", p == null ? null : p.profile().fullName());
    row.put(
        "profileUrl",
        p == null || p.profile().profileUrl() == null ? null : p.profile().profileUrl().value());
    row.put("email", p == null || p.profile().email() == null ? null : p.profile().email().value());
    Message m = t.message();
    row.put("subject", m == null ? null : m.subject());
    row.put("text", m == null ? null : m.body());
    row.put("variant", m == null ? null : m.variant());
    row.put("postUrl", m == null || m.post().none() ? null : m.post().href());
    return row;
  }
}
