package dev.warmreach.cli;

import dev.warmreach.Warmreach;
import dev.warmreach.domain.ProfileUrl;
import dev.warmreach.domain.Prospect;
import dev.warmreach.domain.ProspectProfile;
import dev.warmreach.domain.Seniority;
import dev.warmreach.domain.Tags;
import dev.warmreach.domain.UserError;
import dev.warmreach.live.ProspectJson;
import dev.warmreach.live.ProspectTimeline;
import dev.warmreach.store.ProspectQuery;
import dev.warmreach.store.Prospects;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code warmreach prospects}: list, show and erase stored prospects. */
@Command(
    name = "prospects",
    mixinStandardHelpOptions = true,
    description = "List, show and erase prospects.",
    subcommands = {
      ProspectsCommand.ListProspects.class,
      ProspectsCommand.ShowProspect.class,
      ProspectsCommand.ForgetProspect.class
    })
final class ProspectsCommand implements Runnable {

  @ParentCommand WarmreachCli root;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Finds a prospect by number or profile URL, or fails naming the input. */
  static Prospect find(Prospects prospects, String reference) {
    Optional<Prospect> found;
    if (reference.matches("\\d{1,18}")) {
      found = prospects.prospect(Long.parseLong(reference));
    } else {
      ProfileUrl.Parsed parsed = ProfileUrl.parse(reference);
      if (parsed instanceof ProfileUrl.Invalid invalid) {
        throw new UserError(
            "'"
                + reference
                + "' is neither a prospect number nor a profile URL: "
                + invalid.reason());
      }
      found = prospects.prospectByUrl(((ProfileUrl.Valid) parsed).url());
    }
    return found.orElseThrow(
        () ->
            new UserError(
                "no prospect '"
                    + reference
                    + "'; see 'warmreach prospects list' for numbers and profile URLs"));
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List prospects, filtered by text, tag or seniority, a page at a time.")
  static final class ListProspects implements Callable<Integer> {
    @ParentCommand ProspectsCommand parent;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--search",
        paramLabel = "TEXT",
        description = "Only people whose name, company or title contains TEXT (any case).")
    String search;

    @Option(names = "--tag", paramLabel = "TAG", description = "Only people tagged TAG.")
    String tag;

    @Option(
        names = "--seniority",
        paramLabel = "LEVEL",
        description = "Only people at LEVEL: ${COMPLETION-CANDIDATES}.")
    Seniority seniority;

    @Option(
        names = "--limit",
        defaultValue = "50",
        paramLabel = "N",
        description = "At most N people (default ${DEFAULT-VALUE}, at most 10000).")
    int limit;

    @Option(
        names = "--offset",
        defaultValue = "0",
        paramLabel = "N",
        description = "Skip the first N people, to page through.")
    int offset;

    @Override
    public Integer call() {
      if (limit < 1 || limit > ProspectQuery.MAX_LIMIT) {
        throw new UserError(
            "--limit " + limit + " must be between 1 and " + ProspectQuery.MAX_LIMIT);
      }
      if (offset < 0) {
        throw new UserError("--offset " + offset + " must not be negative");
      }
      String canonicalTag = tag == null ? null : Tags.normalise(tag);
      if (tag != null && canonicalTag == null) {
        throw new UserError("--tag '" + tag + "' is not a usable tag");
      }
      ProspectQuery query = new ProspectQuery(search, canonicalTag, seniority, limit, offset);
      Warmreach app = parent.root.app();
      List<Prospect> prospects = app.prospects().prospects(query);
      long total = app.prospects().countProspects(query);
      PrintWriter out = spec.commandLine().getOut();
      if (parent.root.json()) {
        Output.json(
            out,
            Map.of(
                "total", total,
                "limit", limit,
                "offset", offset,
                "prospects", prospects.stream().map(ProspectJson::of).toList()));
        return 0;
      }
      List<List<String>> rows = new ArrayList<>();
      for (Prospect p : prospects) {
        ProspectProfile profile = p.profile();
        rows.add(
            List.of(
                String.valueOf(p.id()),
                profile.fullName(),
                profile.title(),
                profile.company(),
                profile.seniority().name(),
                profile.activity().name(),
                profile.profileUrl() == null
                    ? profile.email().value()
                    : profile.profileUrl().value(),
                p.doNotContact() ? "do-not-contact" : ""));
      }
      Output.table(
          out,
          List.of("ID", "NAME", "TITLE", "COMPANY", "SENIORITY", "ACTIVITY", "PROFILE", "NOTE"),
          rows);
      out.printf(
          Locale.ROOT,
          "%,d of %,d people%s%n",
          prospects.size(),
          total,
          offset + prospects.size() < total
              ? " (next page: --offset " + (offset + prospects.size()) + ")"
              : "");
      return 0;
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Show everything stored about one prospect.")
  static final class ShowProspect implements Callable<Integer> {
    @ParentCommand ProspectsCommand parent;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PROSPECT", description = "The prospect's number or profile URL.")
    String reference;

    @Override
    public Integer call() {
      Warmreach app = parent.root.app();
      Prospect p = find(app.prospects(), reference);
      ProspectTimeline timeline =
          ProspectTimeline.of(
              app.prospects(), app.campaigns(), app.analytics(), app.touches(), app.accounts(), p);
      PrintWriter out = spec.commandLine().getOut();
      if (parent.root.json()) {
        Map<String, Object> json = Output.fields(ProspectJson.of(p));
        json.put("campaigns", timeline.enrollments());
        json.put("timeline", timeline.entries());
        Output.json(out, json);
        return 0;
      }
      ProspectJson j = ProspectJson.of(p);
      Output.table(
          out,
          List.of("FIELD", "VALUE"),
          List.of(
              List.of("id", String.valueOf(j.id())),
              List.of("name", j.name()),
              List.of("title", j.title()),
              List.of("seniority", j.seniority()),
              List.of("company", j.company()),
              List.of("location", j.location()),
              List.of("profile", j.profileUrl() == null ? "" : j.profileUrl()),
              List.of("sales navigator lead", j.leadId() == null ? "" : j.leadId()),
              List.of("email", j.email() == null ? "" : j.email()),
              List.of("tags", String.join(", ", j.tags())),
              List.of("activity", j.activity()),
              List.of("degree", j.degree()),
              List.of("open profile", j.openProfile() ? "yes" : "no"),
              List.of("do not contact", j.doNotContact() ? "yes" : "no"),
              List.of("status", timeline.status()),
              List.of("added", j.createdAt().toString()),
              List.of("updated", j.updatedAt().toString())));
      printTimeline(out, timeline);
      return 0;
    }

    /** The campaigns they are in and what happened, oldest first, as the dashboard shows it. */
    private static void printTimeline(PrintWriter out, ProspectTimeline timeline) {
      out.println();
      if (timeline.enrollments().isEmpty()) {
        out.println("Campaigns: none yet (add them with 'warmreach campaigns create')");
      } else {
        out.println("Campaigns");
        Output.table(
            out,
            List.of("CAMPAIGN", "ACCOUNT", "STEP", "STATUS", "SINCE", "NEXT"),
            timeline.enrollments().stream()
                .map(
                    e ->
                        List.of(
                            e.campaign(),
                            e.account(),
                            e.step(),
                            e.status(),
                            e.since(),
                            e.nextDue()))
                .toList());
      }
      out.println();
      if (timeline.entries().isEmpty()) {
        out.println("Timeline: nothing has happened yet");
        out.flush();
        return;
      }
      out.println("Timeline, oldest first");
      Output.table(
          out,
          List.of("WHEN", "WHAT", "CAMPAIGN", "DETAIL"),
          timeline.entries().stream()
              .map(e -> List.of(e.when(), e.kind() + ": " + e.title(), e.campaign(), detail(e)))
              .toList());
    }

    private static String detail(ProspectTimeline.Entry e) {
      StringBuilder text = new StringBuilder(e.detail());
      if (!e.subject().isEmpty()) {
        text.append(text.length() > 0 ? " " : "").append("Subject: ").append(e.subject());
      }
      if (!e.body().isEmpty()) {
        text.append(text.length() > 0 ? " " : "").append("Text: ").append(e.body());
      }
      return text.toString();
    }
  }

  @Command(
      name = "forget",
      mixinStandardHelpOptions = true,
      description = {
        "Erase a person on request (right to erasure): everything stored about them is deleted.",
        "Only a keyed hash of their profile URL and email stays, on the do-not-contact list, so a"
            + " later import cannot bring them back."
      })
  static final class ForgetProspect implements Callable<Integer> {
    @ParentCommand ProspectsCommand parent;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PROSPECT", description = "The prospect's number or profile URL.")
    String reference;

    @Option(names = "--yes", description = "Do not ask for confirmation.")
    boolean yes;

    @Override
    public Integer call() throws IOException {
      Warmreach app = parent.root.app();
      Prospect p = find(app.prospects(), reference);
      PrintWriter out = spec.commandLine().getOut();
      if (!yes && !confirmed(out, p)) {
        throw new UserError(
            "not erased: confirm by answering 'yes', or pass --yes when running without a terminal");
      }
      app.prospects().forgetProspect(p.id());
      if (parent.root.json()) {
        Output.json(out, Map.of("erased", p.id(), "doNotContact", true));
      } else {
        out.println(
            "Erased prospect "
                + p.id()
                + "; their hashed profile URL and email are on the do-not-contact list.");
      }
      return 0;
    }

    private static boolean confirmed(PrintWriter out, Prospect p) throws IOException {
      if (System.console() == null) {
        return false;
      }
      out.print(
          "Erase "
              + p.fullName()
              + " ("
              + p.id()
              + ") and everything stored about them? [yes/no] ");
      out.flush();
      String answer =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      return answer != null && answer.strip().equalsIgnoreCase("yes");
    }
  }
}
