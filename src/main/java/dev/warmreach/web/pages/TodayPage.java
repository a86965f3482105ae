package dev.warmreach.web.pages;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Message;
import dev.warmreach.domain.Prospect;
import dev.warmreach.domain.ProspectProfile;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.domain.Touch;
import dev.warmreach.domain.UserError;
import dev.warmreach.execute.provider.ProviderSetup;
import dev.warmreach.execute.provider.ProviderStanding;
import dev.warmreach.live.AccountStanding;
import dev.warmreach.live.SignalIntake;
import dev.warmreach.live.TaskInbox;
import dev.warmreach.store.Prospects;
import dev.warmreach.store.SenderAccounts;
import dev.warmreach.store.SignalFeed;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The task inbox: what is due today in assisted mode, with the text ready to copy, marked done or
 * skipped in place. Marking uses {@link TaskInbox#finish}, as {@code /api/tasks} and the CLI do.
 */
public final class TodayPage {

  /** At most this many tasks are listed; the rest are counted. */
  static final int SHOWN = 50;

  /** Uncertain touches listed at most; a crash leaves a handful at the very most. */
  static final int UNCERTAIN_SHOWN = 100;

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);

  private final TaskInbox inbox;
  private final Prospects prospects;
  private final SenderAccounts senderAccounts;
  private final Clock clock;
  private final Views views;
  private final SignalIntake signals;
  private final ProviderSetup provider;

  /** How many of the latest signals the page shows. */
  static final int SIGNALS_SHOWN = 10;

  public TodayPage(
      TaskInbox inbox,
      Prospects prospects,
      SenderAccounts senderAccounts,
      Clock clock,
      Views views,
      SignalIntake signals,
      ProviderSetup provider) {
    this.signals = signals;
    this.provider = provider;
    this.inbox = inbox;
    this.prospects = prospects;
    this.senderAccounts = senderAccounts;
    this.clock = clock;
    this.views = views;
  }

  /** One task as listed. {@code notice} says what just happened to it; null while planned. */
  public record Task(
      long id,
      long prospectId,
      String name,
      String headline,
      String profileUrl,
      String email,
      Channel channel,
      String what,
      String account,
      Instant dueAt,
      String due,
      String subject,
      String body,
      boolean planned,
      String notice,
      String postUrl) {

    /** The id of the element holding the text to copy. */
    public String bodyId() {
      return "task-" + id + "-text";
    }

    public String subjectId() {
      return "task-" + id + "-subject";
    }

    public String nameId() {
      return "task-" + id + "-name";
    }
  }

  /** What is left today for one sender account. */
  public record Left(
      String account,
      long tasks,
      int invitationsLeft,
      int weeklyCap,
      boolean inmail,
      int creditsLeft,
      String health) {}

  /** The "left today" figures at the top, swapped anew after each done or skip. */
  public record Summary(List<Left> accounts, long total) {}

  /**
   * @param more tasks due today beyond those listed
   * @param next when the next task is due, in words, when nothing is due today
   * @param signals the latest buying signals with what was done about each
   * @param uncertain touches a crash left uncertain, for the user to confirm
   * @param stalled each sender account that sends nothing on LinkedIn, and why
   */
  public record Model(
      List<Task> tasks,
      Summary summary,
      long more,
      String next,
      String notice,
      String csrf,
      List<Signal> signals,
      List<Uncertain> uncertain,
      List<String> stalled) {}

  /**
   * A buying signal as the feed shows it.
   *
   * @param postUrl where the post it names opens on LinkedIn; empty when it names none
   */
  public record Signal(
      long prospectId,
      String name,
      String when,
      String signal,
      String outcome,
      String action,
      String postUrl) {}

  /** A signal as the feed shows it: when, in the zone of the account working them. */
  private Signal signal(SignalFeed.Entry e) {
    java.time.ZoneId zone =
        signals
            .accountOf(e.prospectId())
            .flatMap(senderAccounts::account)
            .map(a -> a.timeZone())
            .orElse(java.time.ZoneOffset.UTC);
    return new Signal(
        e.prospectId(),
        e.prospectName(),
        WHEN.format(e.at().atZone(zone))
            + (zone.normalized().equals(java.time.ZoneOffset.UTC)
                ? " UTC"
                : " (" + zone.getId() + ")"),
        SignalIntake.kindInWords(e.kind()) + (e.detail().isEmpty() ? "" : ": " + e.detail()),
        e.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '),
        e.action(),
        e.post().href());
  }

  /**
   * A touch a crash left uncertain, for the user to confirm sent or not sent.
   *
   * @param attempted when it was handed over, in the account's time zone
   */
  public record Uncertain(long id, String name, String what, String account, String attempted) {}

  public void confirmSent(Context ctx) {
    confirm(ctx, true);
  }

  public void confirmNotSent(Context ctx) {
    confirm(ctx, false);
  }

  /** Settles an uncertain touch and goes back to the page, which says what happened. */
  private void confirm(Context ctx, boolean sent) {
    Long id = number(ctx.pathParam("id"));
    String outcome;
    if (id == null || inbox.task(id).isEmpty()) {
      outcome = "missing";
    } else {
      try {
        outcome =
            inbox.confirm(List.of(id), sent).isEmpty()
                ? "not-uncertain"
                : sent ? "confirmed-sent" : "confirmed-not-sent";
      } catch (UserError e) {
        outcome = "not-uncertain";
      }
    }
    ctx.redirect(
        "/today?task=" + (id == null ? "" : id) + "&outcome=" + outcome, HttpStatus.SEE_OTHER);
  }

  private List<Uncertain> uncertain(Map<String, SenderAccount> accounts) {
    List<Touch> touches = inbox.uncertain(UNCERTAIN_SHOWN);
    Map<Long, Prospect> people =
        prospects.prospectsById(touches.stream().map(Touch::prospectId).toList());
    List<Uncertain> out = new ArrayList<>();
    for (Touch t : touches) {
      Prospect p = people.get(t.prospectId());
      out.add(
          new Uncertain(
              t.id(),
              p == null ? "(erased)" : p.profile().fullName(),
              TaskInbox.what(t),
              t.senderAccount(),
              when(t.doneAt(), zoneOf(t, accounts))));
    }
    return out;
  }

  public void show(Context ctx) {
    Instant now = clock.instant();
    TaskInbox.Today today = inbox.first(now, SHOWN);
    Map<String, SenderAccount> accounts = accounts();
    Map<Long, Prospect> prospects =
        this.prospects.prospectsById(today.tasks().stream().map(Touch::prospectId).toList());
    List<Task> tasks = new ArrayList<>();
    for (Touch t : today.tasks()) {
      tasks.add(task(t, prospects.get(t.prospectId()), accounts, null));
    }
    String next = null;
    if (today.total() == 0) {
      next =
          inbox
              .next()
              .map(t -> "The next task is due " + when(t.dueAt(), zoneOf(t, accounts)) + ".")
              .orElse(null);
    }
    Chrome chrome = views.chrome(ctx, "Today", Chrome.Section.TODAY);
    views.page(
        ctx,
        "today/today.jte",
        chrome,
        new Model(
            tasks,
            summary(today, now, accounts),
            today.total() - tasks.size(),
            next,
            notice(ctx.queryParam("task"), ctx.queryParam("outcome")),
            chrome.csrfToken(),
            signals.feed().stream().limit(SIGNALS_SHOWN).map(this::signal).toList(),
            uncertain(accounts),
            stalled(accounts)));
  }

  /** The accounts whose LinkedIn steps wait on the provider, with why; none without a provider. */
  private List<String> stalled(Map<String, SenderAccount> accounts) {
    if (provider.settings().isEmpty()) {
      return List.of();
    }
    List<String> stalled = new ArrayList<>();
    for (String name : accounts.keySet().stream().sorted().toList()) {
      ProviderStanding standing = ProviderStanding.of(provider.links(), name);
      if (!standing.sends()) {
        stalled.add(name + " sends nothing on LinkedIn: " + standing.why());
      }
    }
    return stalled;
  }

  public void done(Context ctx) {
    finish(ctx, Touch.Status.DONE);
  }

  public void skip(Context ctx) {
    finish(ctx, Touch.Status.SKIPPED);
  }

  /**
   * Marks the task and answers with its row in the new state plus the "left today" figures (an
   * out-of-band swap); a browser without htmx is sent back to the page.
   */
  private void finish(Context ctx, Touch.Status status) {
    Long id = number(ctx.pathParam("id"));
    Instant now = clock.instant();
    String outcome;
    if (id == null || inbox.task(id).isEmpty()) {
      outcome = "missing";
    } else {
      try {
        List<Long> marked = inbox.finish(List.of(id), status, now, null);
        outcome = marked.isEmpty() ? null : status == Touch.Status.DONE ? "done" : "skipped";
      } catch (UserError e) {
        outcome = null;
      }
      if (outcome == null) {
        outcome =
            "already-"
                + inbox
                    .task(id)
                    .map(t -> t.status().name())
                    .orElse("handled")
                    .toLowerCase(Locale.ROOT);
      }
    }
    if (!Views.fromHtmx(ctx)) {
      ctx.redirect(
          "/today?task=" + (id == null ? "" : id) + "&outcome=" + outcome, HttpStatus.SEE_OTHER);
      return;
    }
    Map<String, SenderAccount> accounts = accounts();
    StringBuilder html = new StringBuilder();
    Optional<Touch> touch = id == null ? Optional.empty() : inbox.task(id);
    if (touch.isPresent()) {
      Map<String, Object> row = new HashMap<>();
      row.put(
          "task",
          task(
              touch.get(),
              prospects.prospect(touch.get().prospectId()).orElse(null),
              accounts,
              notice(String.valueOf(id), outcome)));
      row.put("csrf", "");
      html.append(views.html("today/task.jte", row));
    } else {
      // Nothing to replace the row with: say so where the task was.
      Map<String, Object> row = new HashMap<>();
      row.put("id", ctx.pathParam("id"));
      row.put("notice", notice(ctx.pathParam("id"), outcome));
      html.append(views.html("today/gone.jte", row));
    }
    Map<String, Object> left = new HashMap<>();
    left.put("summary", summary(inbox.first(now, 0), now, accounts));
    left.put("oob", true);
    html.append(views.html("today/left.jte", left));
    Map<String, Object> announce = new HashMap<>();
    announce.put("text", notice(id == null ? ctx.pathParam("id") : String.valueOf(id), outcome));
    html.append(views.html("today/status.jte", announce));
    ctx.html(html.toString());
    Views.secure(ctx);
  }

  private Map<String, SenderAccount> accounts() {
    Map<String, SenderAccount> byName = new HashMap<>();
    senderAccounts.accounts().forEach(a -> byName.put(a.name(), a));
    return byName;
  }

  private Summary summary(TaskInbox.Today today, Instant now, Map<String, SenderAccount> accounts) {
    List<Left> left = new ArrayList<>();
    for (SenderAccount a :
        accounts.values().stream()
            .sorted(java.util.Comparator.comparing(SenderAccount::name))
            .toList()) {
      AccountStanding s = AccountStanding.of(senderAccounts, a, now);
      left.add(
          new Left(
              a.name(),
              today.left().getOrDefault(a.name(), 0L),
              s.invitationsLeft(),
              s.usage().weeklyCap(),
              s.creditCap() > 0,
              s.usage().creditsLeft(),
              s.usage().health()));
    }
    return new Summary(left, today.total());
  }

  private static Task task(
      Touch t, Prospect prospect, Map<String, SenderAccount> accounts, String notice) {
    ProspectProfile p = prospect == null ? null : prospect.profile();
    Message m = t.message();
    String what = TaskInbox.what(t, false);
    return new Task(
        t.id(),
        t.prospectId(),
        p == null ? "Prospect #" + t.prospectId() + " (erased)" : p.fullName(),
        p == null ? "" : headline(p),
        p == null || p.profileUrl() == null ? null : p.profileUrl().value(),
        p == null || p.email() == null ? null : p.email().value(),
        t.channel(),
        what.substring(0, 1).toUpperCase(Locale.ROOT) + what.substring(1),
        t.senderAccount(),
        t.dueAt(),
        when(t.dueAt(), zoneOf(t, accounts)),
        m == null || m.subject() == null || m.subject().isBlank() ? null : m.subject(),
        m == null || m.body() == null || m.body().isBlank() ? null : m.body(),
        t.status() == Touch.Status.PLANNED,
        notice,
        m == null || m.post().none() ? null : m.post().href());
  }

  private static String headline(ProspectProfile p) {
    if (p.title().isEmpty()) {
      return p.company();
    }
    return p.company().isEmpty() ? p.title() : p.title() + " at " + p.company();
  }

  private static ZoneId zoneOf(Touch t, Map<String, SenderAccount> accounts) {
    SenderAccount a = accounts.get(t.senderAccount());
    return a == null ? ZoneId.of("UTC") : a.timeZone();
  }

  private static String when(Instant at, ZoneId zone) {
    String name = zone.getId().equals("Z") ? "UTC" : zone.getId();
    return WHEN.format(at.atZone(zone)) + " (" + name + ")";
  }

  /** What happened to a task, in words; null when nothing did. */
  static String notice(String id, String outcome) {
    if (id == null || id.isBlank() || outcome == null) {
      return null;
    }
    return switch (outcome) {
      case "done" -> "Done ✓ — task #" + id + " is marked done; this cannot be undone.";
      case "skipped" -> "Skipped — task #" + id + " will not be done; this cannot be undone.";
      case "missing" -> "There is no task #" + id + "; reload the page to see today's tasks.";
      case "confirmed-sent" ->
          "Done ✓ — touch #" + id + " is confirmed sent; the sequence goes on from it.";
      case "confirmed-not-sent" ->
          "Touch #" + id + " is confirmed not sent: marked failed, and never sent again.";
      case "not-uncertain" -> "Touch #" + id + " is not uncertain (any more); nothing was changed.";
      default ->
          outcome.matches("already-(done|skipped|failed|handled)")
              ? "Task #"
                  + id
                  + " is "
                  + outcome.substring("already-".length())
                  + " already (marked by someone else or in another tab); nothing was changed."
              : null;
    };
  }

  private static Long number(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
