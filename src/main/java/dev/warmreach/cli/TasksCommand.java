package dev.warmreach.cli;

import dev.warmreach.Warmreach;
import dev.warmreach.domain.Message;
import dev.warmreach.domain.Prospect;
import dev.warmreach.domain.Touch;
import dev.warmreach.domain.UserError;
import dev.warmreach.live.TaskInbox;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code warmreach tasks}: the task inbox of assisted mode. */
@Command(
    name = "tasks",
    mixinStandardHelpOptions = true,
    description = {
      "The task inbox. In assisted mode (the default for LinkedIn steps) Warmreach never sends on"
          + " your behalf: each due touch waits here with its text ready to copy. Send it on"
          + " LinkedIn, then mark it done; or skip it, or mark it failed.",
      "'warmreach run' (or 'serve') keeps the inbox filled as steps fall due."
    },
    subcommands = {
      TasksCommand.Today.class,
      TasksCommand.Done.class,
      TasksCommand.Skip.class,
      TasksCommand.Fail.class,
      TasksCommand.Uncertain.class,
      TasksCommand.ConfirmSent.class,
      TasksCommand.ConfirmNotSent.class
    })
final class TasksCommand implements Runnable {

  @ParentCommand WarmreachCli root;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "today",
      mixinStandardHelpOptions = true,
      description =
          "What to do today: each task due by the end of today in its account's time zone, with"
              + " the prospect, the profile link and the text to copy; and how many are left per"
              + " account.")
  static final class Today implements Callable<Integer> {
    @ParentCommand TasksCommand parent;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--account", paramLabel = "NAME", description = "Only this sender account.")
    String account;

    @Option(
        names = "--limit",
        defaultValue = "100",
        paramLabel = "N",
        description = "At most N tasks (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
      if (limit < 1 || limit > 10_000) {
        throw new UserError("--limit " + limit + " must be between 1 and 10000");
      }
      Warmreach app = parent.root.app();
      Instant now = app.clock().instant();
      List<Touch> today = app.taskInbox().today(now, account, limit);
      Map<String, Long> left = new TreeMap<>();
      today.forEach(t -> left.merge(t.senderAccount(), 1L, Long::sum));
      PrintWriter out = spec.commandLine().getOut();
      Optional<TaskInbox.NextTasks> next =
          today.isEmpty() ? app.taskInbox().nextTasks(now, account) : Optional.empty();
      if (parent.root.json()) {
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (Touch t : today) {
          tasks.add(json(t, app.prospects().prospect(t.prospectId()).orElse(null)));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("tasks", tasks);
        result.put("leftToday", left);
        next.ifPresent(
            n -> {
              Map<String, Object> when = new LinkedHashMap<>();
              when.put("at", n.at().toInstant().toString());
              when.put("planned", n.planned());
              when.put("account", n.account().name());
              when.put("local", n.at().toOffsetDateTime().toString());
              when.put("timeZone", TaskInbox.zoneName(n.account().timeZone()));
              when.put("outsideWorkingHours", n.afterHours());
              result.put("next", when);
            });
        Output.json(out, result);
        return 0;
      }
      if (today.isEmpty()) {
        out.println(
            "Nothing to do today"
                + (account == null ? "" : " for " + account)
                + ". "
                + next.map(TaskInbox.NextTasks::sentence)
                    .orElse(
                        "No task is planned: launch a campaign ('warmreach campaigns launch NAME')"
                            + " and keep 'warmreach run' or 'serve' running."));
        return 0;
      }
      for (Touch t : today) {
        print(out, t, app.prospects().prospect(t.prospectId()).orElse(null));
      }
      out.println(
          "Left today: "
              + left.toString().replace("{", "").replace("}", "").replace("=", " ")
              + ". Mark each with 'warmreach tasks done|skip|fail ID'.");
      return 0;
    }

    private static void print(PrintWriter out, Touch t, Prospect p) {
      out.printf(
          Locale.ROOT,
          "#%d  %s  %s → %s%s  (due %s)%n",
          t.id(),
          t.senderAccount(),
          what(t),
          p == null ? "prospect " + t.prospectId() : p.profile().fullName(),
          p == null || p.profile().profileUrl() == null
              ? ""
              : "  " + p.profile().profileUrl().value(),
          t.dueAt().toString().substring(0, 16).replace('T', ' '));
      Message m = t.message();
      if (m != null) {
        if (!m.subject().isEmpty()) {
          out.println("    Subject: " + m.subject());
        }
        m.body().lines().forEach(line -> out.println("    " + line));
      }
      out.println();
    }

    private static Map<String, Object> json(Touch t, Prospect p) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", t.id());
      row.put("account", t.senderAccount());
      row.put("channel", t.channel().name());
      row.put("withNote", t.withNote());
      row.put("step", t.step());
      row.put("due", t.dueAt().toString());
      row.put("prospect", t.prospectId());
      row.put("name", p == null ? null : p.profile().fullName());
      row.put(
          "profileUrl",
          p == null || p.profile().profileUrl() == null ? null : p.profile().profileUrl().value());
      row.put(
          "email", p == null || p.profile().email() == null ? null : p.profile().email().value());
      row.put("subject", t.message() == null ? null : t.message().subject());
      row.put("text", t.message() == null ? null : t.message().body());
      row.put("variant", t.message() == null ? null : t.message().variant());
      row.put(
          "postUrl",
          t.message() == null || t.message().post().none() ? null : t.message().post().href());
      return row;
    }
  }

  /** What the user is to do, in words. */
  static String what(Touch t) {
    return TaskInbox.what(t);
  }

  /** Marks planned tasks as done, skipped or failed. */
  abstract static class Finish implements Callable<Integer> {
    @ParentCommand TasksCommand parent;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "ID", description = "Task numbers from 'tasks today'.")
    List<Long> ids;

    abstract Touch.Status status();

    String reason() {
      return null;
    }

    @Override
    public Integer call() {
      Warmreach app = parent.root.app();
      // Checks them all first: a typo in one leaves the others as they were.
      List<Long> marked = app.taskInbox().finish(ids, status(), app.clock().instant(), reason());
      PrintWriter out = spec.commandLine().getOut();
      if (parent.root.json()) {
        Output.json(out, Map.of("status", status().name(), "tasks", marked));
      } else {
        out.println(
            "Marked " + status().name().toLowerCase(Locale.ROOT) + ": " + numbered(marked) + ".");
      }
      return 0;
    }
  }

  @Command(
      name = "done",
      mixinStandardHelpOptions = true,
      description = "You sent it: the tasks are done, and the sequence goes on from them.")
  static final class Done extends Finish {
    @Override
    Touch.Status status() {
      return Touch.Status.DONE;
    }
  }

  /** Skip and fail keep why, for the record. */
  abstract static class FinishWithReason extends Finish {
    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the record.")
    String reason;

    @Override
    String reason() {
      return reason;
    }
  }

  @Command(
      name = "skip",
      mixinStandardHelpOptions = true,
      description = "Leave these tasks out: nothing was sent.")
  static final class Skip extends FinishWithReason {
    @Override
    Touch.Status status() {
      return Touch.Status.SKIPPED;
    }
  }

  @Command(
      name = "fail",
      mixinStandardHelpOptions = true,
      description = "You tried and it did not go out (e.g. LinkedIn refused it).")
  static final class Fail extends FinishWithReason {
    @Override
    Touch.Status status() {
      return Touch.Status.FAILED;
    }
  }

  @Command(
      name = "uncertain",
      mixinStandardHelpOptions = true,
      description =
          "Touches a crash left uncertain: Warmreach was handing them over (an email's DATA had"
              + " begun) when it stopped, and the receiver cannot be asked whether they arrived."
              + " They are never sent again; look in the sent mail, then 'confirm-sent' or"
              + " 'confirm-not-sent'.")
  static final class Uncertain implements Callable<Integer> {
    @ParentCommand TasksCommand parent;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      Warmreach app = parent.root.app();
      List<Touch> uncertain = app.taskInbox().uncertain(1000);
      PrintWriter out = spec.commandLine().getOut();
      if (parent.root.json()) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Touch t : uncertain) {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("id", t.id());
          row.put("touch", t.idempotencyKey());
          row.put("channel", t.channel().name());
          row.put("account", t.senderAccount());
          row.put("attemptedAt", t.doneAt().toString());
          row.put("why", t.reason());
          rows.add(row);
        }
        Output.json(out, Map.of("uncertain", rows));
        return 0;
      }
      if (uncertain.isEmpty()) {
        out.println("No uncertain touches: every touch is known sent or not.");
        return 0;
      }
      for (Touch t : uncertain) {
        String who =
            app.prospects().prospect(t.prospectId()).map(Prospect::fullName).orElse("(erased)");
        out.println(
            "#"
                + t.id()
                + "  "
                + what(t)
                + " to "
                + who
                + " from "
                + t.senderAccount()
                + ", attempted "
                + t.doneAt());
      }
      out.println(
          "Check whether each arrived, then: warmreach tasks confirm-sent ID… |"
              + " confirm-not-sent ID…");
      return 0;
    }
  }

  /** Settles uncertain touches as the user found them. */
  abstract static class Confirm implements Callable<Integer> {
    @ParentCommand TasksCommand parent;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(
        arity = "1..*",
        paramLabel = "ID",
        description = "Touch numbers from 'tasks uncertain'.")
    List<Long> ids;

    abstract boolean sent();

    @Override
    public Integer call() {
      Warmreach app = parent.root.app();
      List<Long> settled = app.taskInbox().confirm(ids, sent());
      PrintWriter out = spec.commandLine().getOut();
      if (parent.root.json()) {
        Output.json(out, Map.of("sent", sent(), "tasks", settled));
      } else {
        out.println(
            (sent() ? "Confirmed sent: " : "Confirmed not sent: ") + numbered(settled) + ".");
      }
      return 0;
    }
  }

  @Command(
      name = "confirm-sent",
      mixinStandardHelpOptions = true,
      description = "It arrived: the touches are done, and the sequence goes on from them.")
  static final class ConfirmSent extends Confirm {
    @Override
    boolean sent() {
      return true;
    }
  }

  @Command(
      name = "confirm-not-sent",
      mixinStandardHelpOptions = true,
      description = "It did not arrive: the touches are failed, and never sent again.")
  static final class ConfirmNotSent extends Confirm {
    @Override
    boolean sent() {
      return false;
    }
  }

  /** Task numbers as the user types them: "#3, #7". */
  private static String numbered(List<Long> ids) {
    return ids.stream().map(id -> "#" + id).collect(java.util.stream.Collectors.joining(", "));
  }
}
