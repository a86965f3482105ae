package dev.warmreach.live;

import dev.warmreach.domain.SenderAccount;
import dev.warmreach.domain.Touch;
import dev.warmreach.domain.UserError;
import dev.warmreach.store.SenderAccounts;
import dev.warmreach.store.Touches;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The task inbox of assisted mode, as the CLI ({@code warmreach tasks}) and the HTTP API ({@code
 * /api/tasks}) both read and change it. Thread-safe.
 */
public final class TaskInbox {

  private final SenderAccounts accounts;
  private final Touches touches;

  public TaskInbox(SenderAccounts accounts, Touches touches) {
    this.accounts = accounts;
    this.touches = touches;
  }

  /**
   * Each planned touch due by the end of today in its account's time zone, oldest first.
   *
   * @param account only this sender account's; {@code null} for all
   * @throws UserError when there is no such account
   */
  public List<Touch> today(Instant now, String account, int limit) {
    if (account != null && accounts.account(account).isEmpty()) {
      throw new UserError(
          "--account: no account named '" + account + "'; see 'warmreach accounts list'");
    }
    Map<String, SenderAccount> byName = new LinkedHashMap<>();
    accounts.accounts().forEach(a -> byName.put(a.name(), a));
    // Due by the end of the latest "today" of any account; each task then by its own account's.
    List<Touch> today = new ArrayList<>();
    for (Touch t : touches.dueTouches(now.plus(Duration.ofDays(2)), account, limit)) {
      SenderAccount a = byName.get(t.senderAccount());
      ZoneId zone = a == null ? ZoneId.of("UTC") : a.timeZone();
      if (t.dueAt().isBefore(endOfToday(now, zone))) {
        today.add(t);
      }
    }
    return today;
  }

  /**
   * The first tasks due today across all accounts, and the size of each account's inbox.
   *
   * @param tasks at most {@code limit} tasks, oldest first
   * @param left per account (by name), the tasks due by the end of its today
   * @param total all tasks due today; more than {@code tasks} holds when the limit cut them
   */
  public record Today(List<Touch> tasks, Map<String, Long> left, long total) {}

  /**
   * Today's inbox in bounded queries: per account, a count and at most {@code limit} tasks due by
   * the end of its own day; then the oldest {@code limit} of those.
   */
  public Today first(Instant now, int limit) {
    Map<String, Instant> lastMoment = new LinkedHashMap<>();
    for (SenderAccount a : accounts.accounts()) {
      lastMoment.put(a.name(), endOfToday(now, a.timeZone()).minusMillis(1));
    }
    Map<String, Long> left = new TreeMap<>(touches.countDueTouches(lastMoment));
    long total = left.values().stream().mapToLong(Long::longValue).sum();
    List<Touch> merged = new ArrayList<>();
    if (limit > 0) {
      left.forEach(
          (account, count) -> {
            if (count > 0) {
              merged.addAll(touches.dueTouches(lastMoment.get(account), account, limit));
            }
          });
    }
    merged.sort(Comparator.comparing(Touch::dueAt).thenComparingLong(Touch::id));
    return new Today(List.copyOf(merged.subList(0, Math.min(limit, merged.size()))), left, total);
  }

  /** Task {@code id}, whatever its status; empty when there is none. */
  public Optional<Touch> task(long id) {
    return touches.touch(id);
  }

  /** The planned task due soonest, whenever that is; empty when none is planned. */
  public Optional<Touch> next() {
    return touches.dueTouches(Instant.parse("9999-12-31T23:59:59Z"), null, 1).stream().findFirst();
  }

  /**
   * When the next tasks appear, for an inbox with nothing due today: the soonest planned task's
   * time, or else, when an account is outside its working hours, the time they open again.
   *
   * @param at that time in the account's zone
   * @param afterHours whether {@code now} lies outside the account's working hours
   * @param planned whether a task is planned for then, or only the working hours open
   */
  public record NextTasks(
      SenderAccount account, ZonedDateTime at, boolean afterHours, boolean planned) {

    /**
     * In words, e.g. "It is outside sdr-1's working hours (Mon-Fri 09:00-17:30, Europe/Berlin); the
     * next tasks appear from Mon 7 Dec at 09:00 (Europe/Berlin)."
     */
    public String sentence() {
      String zone = zoneName(account.timeZone());
      String when = (planned ? "" : "from ") + NEXT.format(at) + " (" + zone + ")";
      return (afterHours
              ? "It is outside "
                  + account.name()
                  + "'s working hours ("
                  + account.workingHours()
                  + ", "
                  + zone
                  + "); the next tasks appear "
              : "The next tasks appear ")
          + when
          + ".";
    }
  }

  private static final DateTimeFormatter NEXT =
      DateTimeFormatter.ofPattern("EEE d MMM 'at' HH:mm", Locale.ENGLISH);

  /** The zone's name as users know it: "UTC" rather than "Z". */
  public static String zoneName(ZoneId zone) {
    return zone.getId().equals("Z") ? "UTC" : zone.getId();
  }

  /**
   * When the next tasks appear (see {@link NextTasks}) for {@code account}, or any account when
   * {@code null}; empty when none is planned and every account is within its working hours.
   */
  public Optional<NextTasks> nextTasks(Instant now, String account) {
    Optional<Touch> first =
        touches.dueTouches(Instant.parse("9999-12-31T23:59:59Z"), account, 1).stream().findFirst();
    if (first.isPresent()) {
      Optional<SenderAccount> owner = accounts.account(first.get().senderAccount());
      if (owner.isPresent()) {
        SenderAccount a = owner.get();
        return Optional.of(
            new NextTasks(
                a,
                first.get().dueAt().atZone(a.timeZone()),
                !a.workingHours().contains(now, a.timeZone()),
                true));
      }
    }
    NextTasks soonest = null;
    for (SenderAccount a : accounts.accounts()) {
      if ((account != null && !a.name().equals(account))
          || a.workingHours().contains(now, a.timeZone())) {
        continue;
      }
      ZonedDateTime opens = a.workingHours().nextOpen(now, a.timeZone()).atZone(a.timeZone());
      if (soonest == null || opens.toInstant().isBefore(soonest.at().toInstant())) {
        soonest = new NextTasks(a, opens, true, false);
      }
    }
    return Optional.ofNullable(soonest);
  }

  private static Instant endOfToday(Instant now, ZoneId zone) {
    return LocalDate.ofInstant(now, zone).plusDays(1).atStartOfDay(zone).toInstant();
  }

  /**
   * Marks planned tasks done, skipped or failed. All are checked first: an unknown or already
   * handled one leaves every task as it was. Returns the ids marked.
   *
   * @param reason why it was skipped or failed; may be {@code null}
   */
  public List<Long> finish(List<Long> ids, Touch.Status status, Instant now, String reason) {
    List<Touch> found = allIn(ids, Touch.Status.PLANNED, "task", "tasks today", " already");
    List<Long> marked = new ArrayList<>();
    for (Touch touch : found) {
      if (touches.finishTouch(touch.idempotencyKey(), status, now, reason)) {
        marked.add(touch.id());
      }
    }
    return marked;
  }

  /** Touches whose outcome a crash left unknown, oldest attempt first: for the user to confirm. */
  public List<Touch> uncertain(int limit) {
    return touches.uncertainTouches(limit);
  }

  /**
   * Settles uncertain touches as the user found them: sent (done at the time attempted, and the
   * sequence goes on from it) or not sent (failed). All are checked first: an unknown or settled
   * one leaves every touch as it was. Returns the ids settled.
   */
  public List<Long> confirm(List<Long> ids, boolean sent) {
    List<Touch> found =
        allIn(ids, Touch.Status.UNCERTAIN, "touch", "tasks uncertain", ", not uncertain");
    List<Long> settled = new ArrayList<>();
    for (Touch touch : found) {
      if (touches.confirmUncertain(
          touch.idempotencyKey(), sent, sent ? null : "confirmed not sent by the user")) {
        settled.add(touch.id());
      }
    }
    return settled;
  }

  /**
   * The touches with these ids, each checked to be {@code expected} before any is changed, so a
   * wrong id leaves every touch as it was.
   *
   * @param noun what the user calls them ("task")
   * @param listing the command that lists them, for the error
   * @param otherwise how an error ends when one is in another status
   */
  private List<Touch> allIn(
      List<Long> ids, Touch.Status expected, String noun, String listing, String otherwise) {
    List<Touch> found = new ArrayList<>();
    for (long id : ids) {
      Touch touch =
          touches
              .touch(id)
              .orElseThrow(
                  () ->
                      new UserError(
                          "no "
                              + noun
                              + " #"
                              + id
                              + "; see 'warmreach "
                              + listing
                              + "' for the numbers"));
      if (touch.status() != expected) {
        throw new UserError(
            noun
                + " #"
                + id
                + " is "
                + touch.status().name().toLowerCase(Locale.ROOT)
                + otherwise
                + "; nothing was changed");
      }
      found.add(touch);
    }
    return found;
  }

  /** What the user is to do, in words; a warm-up names its post's link. */
  public static String what(Touch t) {
    return what(t, true);
  }

  /**
   * What the user is to do, in words; {@code withLink} adds a warm-up post's link (a page shows it
   * as a link of its own).
   */
  public static String what(Touch t, boolean withLink) {
    return switch (t.channel()) {
      case ENGAGE -> warmUp(t, withLink);
      case CONNECT -> t.withNote() ? "connection request with this note" : "connection request";
      case DM -> "message";
      case INMAIL -> "InMail";
      case EMAIL -> "email";
    };
  }

  /**
   * A warm-up task names the post when it is known, links to it when its event gave its id or
   * address, and says whether a comment is drafted.
   */
  private static String warmUp(Touch t, boolean withLink) {
    boolean topic = t.message() != null && !t.message().subject().isBlank();
    boolean link = t.message() != null && !t.message().post().none();
    String post =
        topic
            ? "their post on \u201c" + t.message().subject() + "\u201d"
            : link ? "their post" : "their most recent post";
    if (link && withLink) {
      post += " (" + t.message().post().href() + ")";
    }
    boolean comment = t.message() != null && !t.message().body().isBlank();
    return "warm-up: like " + post + (comment ? " and comment (drafted below)" : "");
  }
}
