package dev.warmreach.cli;

import dev.warmreach.Warmreach;
import dev.warmreach.definition.CampaignFile;
import dev.warmreach.domain.Author;
import dev.warmreach.domain.Campaign;
import dev.warmreach.domain.Tags;
import dev.warmreach.domain.UserError;
import dev.warmreach.live.AccountSummary;
import dev.warmreach.live.CampaignSetup;
import dev.warmreach.live.CoachReport;
import dev.warmreach.message.VariantTally;
import dev.warmreach.store.CampaignStats;
import dev.warmreach.store.Campaigns;
import dev.warmreach.store.DecisionRecord;
import dev.warmreach.store.StoredCampaign;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code warmreach campaigns}: create, launch, pause and inspect campaigns. */
@Command(
    name = "campaigns",
    mixinStandardHelpOptions = true,
    description = "Create, launch, pause, resume, list and show campaigns.",
    subcommands = {
      CampaignsCommand.Create.class,
      CampaignsCommand.ListCampaigns.class,
      CampaignsCommand.Show.class,
      CampaignsCommand.Launch.class,
      CampaignsCommand.Pause.class,
      CampaignsCommand.Resume.class
    })
final class CampaignsCommand implements Runnable {

  @ParentCommand WarmreachCli root;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static StoredCampaign find(Campaigns campaigns, String name) {
    return CampaignSetup.find(campaigns, name);
  }

  /** Creates a campaign and enrolls prospects, spreading them over its accounts. */
  static StoredCampaign create(
      Warmreach app,
      java.time.Instant start,
      String name,
      List<String> accounts,
      String policy,
      String definition,
      String tag) {
    return app.campaignSetup().create(start, name, accounts, policy, definition, tag);
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = {
        "Create a campaign and enroll prospects in it (all, or those with --tag), spread evenly"
            + " over its sender accounts. It starts as a draft: nothing is sent until it is"
            + " launched.",
        "Without --definition it runs the combined sequence with the built-in templates"
            + " (docs/sequences.md)."
      })
  static final class Create implements Callable<Integer> {
    @ParentCommand CampaignsCommand parent;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The campaign's name.")
    String name;

    @Option(
        names = "--accounts",
        split = ",",
        required = true,
        paramLabel = "NAME[,NAME…]",
        description = "The sender accounts that contact its prospects.")
    List<String> accounts;

    @Option(
        names = "--definition",
        paramLabel = "FILE",
        description = "A campaign definition (JSON or YAML).")
    Path definition;

    @Option(
        names = "--policy",
        paramLabel = "POLICY",
        description =
            "playbook (default), connect-only, inmail-first or adaptive (learns each segment's"
                + " rates from the workspace's own outcomes; docs/forecast.md). Replaces the"
                + " definition's policy, when it names one.")
    String policy;

    @Option(
        names = "--tag",
        paramLabel = "TAG",
        description = "Enroll only prospects with this tag.")
    String tag;

    @Option(
        names = "--author",
        paramLabel = "\"NAME, ROLE, COMPANY\"",
        description =
            "Who signs its messages ({{senderName}}, {{senderRole}}, {{senderCompany}}), e.g."
                + " \"Sam Carter, Head of Sales, Brightline\"; replaces the definition's author."
                + " Without one, messages are unsigned and name the account.")
    String author;

    @Option(
        names = "--take-signals",
        description =
            "This campaign takes buying signals for people in no running campaign: they are"
                + " enrolled (a person not stored yet is added first). It may start with nobody.")
    boolean takeSignals;

    @Option(
        names = "--time-sensitive",
        description =
            "The outreach loses value if it waits: senior decision-makers get an InMail first.")
    boolean timeSensitive;

    @Option(
        names = "--account-based",
        description =
            "Two or three named people at each company: senior decision-makers get an InMail"
                + " first.")
    boolean accountBased;

    @Option(
        names = "--comments",
        paramLabel = "approve|automatic",
        description =
            "Warm-up comments drafted by the coach wait for your approval (approve, the default)"
                + " or go with the like automatically when an executor carries warm-ups.")
    String comments;

    @Option(
        names = "--no-follow-ups-on-days-off",
        description =
            "A follow-up DM whose 24-48 h window holds no working time (after a Thursday-evening"
                + " acceptance on a Mon-Fri account) waits for the next working day instead of"
                + " going on the day off inside the account's usual hours.")
    boolean noFollowUpsOnDaysOff;

    @Override
    public Integer call() {
      Campaign.nameProblem(name)
          .ifPresent(
              why -> {
                throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "NAME '" + name + "' " + why);
              });
      String json =
          definition == null ? CampaignFile.defaultJson() : CampaignFile.toJson(definition);
      if (author != null) {
        json = CampaignFile.withAuthor(json, Author.parse(author));
      }
      if (comments != null && !comments.equals("approve") && !comments.equals("automatic")) {
        throw new UserError("--comments '" + comments + "': use approve or automatic");
      }
      json =
          CampaignFile.withSettings(
              json,
              timeSensitive ? Boolean.TRUE : null,
              accountBased ? Boolean.TRUE : null,
              comments == null ? null : comments.equals("approve"),
              noFollowUpsOnDaysOff ? Boolean.FALSE : null);
      String policy =
          this.policy != null ? this.policy : CampaignFile.policy(json).orElse("playbook");
      String canonicalTag = tag == null ? null : Tags.normalise(tag);
      Warmreach app = parent.root.app();
      StoredCampaign stored =
          app.campaignSetup()
              .create(
                  app.clock().instant(), name, accounts, policy, json, canonicalTag, takeSignals);
      if (takeSignals) {
        app.signalIntake().takeSignalsIn(name);
      }
      CampaignStats stats = parent.root.app().analytics().campaignStats(stored.campaign().id());
      PrintWriter out = spec.commandLine().getOut();
      long enrolled = stats.enrollments().values().stream().mapToLong(Long::longValue).sum();
      CoachReport coach = app.campaignSetup().review(json);
      if (parent.root.json()) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("campaign", name);
        result.put("enrolled", enrolled);
        result.put("status", "DRAFT");
        result.put("takesSignals", takeSignals);
        result.put("coach", coach.json());
        Output.json(out, result);
      } else {
        coach.printWarnings(out);
        out.printf(
            Locale.ROOT,
            "Created campaign %s (%s policy) with %,d prospects over %s. Launch it with 'warmreach"
                + " campaigns launch %s'.%n",
            name,
            policy,
            enrolled,
            String.join(", ", accounts),
            name);
        if (takeSignals) {
          out.println(
              "It takes signals: people in no running campaign are enrolled when a signal comes"
                  + " for them ('warmreach signals list' shows each).");
        }
      }
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List campaigns.")
  static final class ListCampaigns implements Callable<Integer> {
    @ParentCommand CampaignsCommand parent;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      List<StoredCampaign> campaigns = parent.root.app().campaigns().campaigns();
      PrintWriter out = spec.commandLine().getOut();
      if (parent.root.json()) {
        Output.json(
            out,
            campaigns.stream()
                .map(
                    c ->
                        Map.of(
                            "name", c.campaign().name(),
                            "policy", c.campaign().policy(),
                            "status", c.campaign().status().name(),
                            "accounts", c.campaign().senderAccounts()))
                .toList());
        return 0;
      }
      List<List<String>> rows = new ArrayList<>();
      for (StoredCampaign c : campaigns) {
        rows.add(
            List.of(
                c.campaign().name(),
                c.campaign().status().name(),
                c.campaign().policy(),
                String.join(",", c.campaign().senderAccounts())));
      }
      Output.table(out, List.of("NAME", "STATUS", "POLICY", "ACCOUNTS"), rows);
      return 0;
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description =
          "Show a campaign's funnel per channel, its accounts' limits and recent decisions.")
  static final class Show implements Callable<Integer> {
    @ParentCommand CampaignsCommand parent;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The campaign's name.")
    String name;

    @Override
    public Integer call() {
      Warmreach app = parent.root.app();
      StoredCampaign c = find(app.campaigns(), name);
      CampaignStats stats = app.analytics().campaignStats(c.campaign().id());
      List<DecisionRecord> decisions = app.analytics().decisions(c.campaign().id(), null, 8);
      PrintWriter out = spec.commandLine().getOut();
      Map<String, Object> accounts = new LinkedHashMap<>();
      for (String account : c.campaign().senderAccounts()) {
        app.accounts()
            .accountState(account)
            .ifPresent(
                s ->
                    accounts.put(
                        account, AccountSummary.of(s, parent.root.app().clock().instant())));
      }
      if (parent.root.json()) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", c.campaign().name());
        json.put("status", c.campaign().status().name());
        json.put("policy", c.campaign().policy());
        json.put("enrollments", stats.enrollments());
        json.put("sent", stats.touches());
        json.put("planned", stats.planned());
        json.put("events", stats.events());
        json.put("replies", stats.replies());
        json.put("variants", stats.variants());
        json.put("accounts", accounts);
        json.put("decisions", decisions);
        Output.json(out, json);
        return 0;
      }
      print(
          out, c, stats, accounts, decisions.stream().map(d -> DecisionText.line(app, d)).toList());
      return 0;
    }
  }

  static void print(
      PrintWriter out,
      StoredCampaign c,
      CampaignStats stats,
      Map<String, Object> accounts,
      List<String> decisions) {
    out.printf(
        Locale.ROOT,
        "Campaign %s: %s, policy %s, accounts %s%n",
        c.campaign().name(),
        c.campaign().status(),
        c.campaign().policy(),
        String.join(", ", c.campaign().senderAccounts()));
    out.println("Prospects by status: " + stats.enrollments());
    List<List<String>> rows = new ArrayList<>();
    for (String channel : List.of("ENGAGE", "CONNECT", "DM", "INMAIL", "EMAIL")) {
      rows.add(
          List.of(
              channel.toLowerCase(Locale.ROOT),
              String.valueOf(stats.touches().getOrDefault(channel, 0L)),
              String.valueOf(stats.planned().getOrDefault(channel, 0L)),
              channel.equals("CONNECT")
                  ? String.valueOf(stats.events().getOrDefault("ACCEPTED", 0L))
                  : "",
              String.valueOf(stats.replies().getOrDefault(channel, 0L))));
    }
    Output.table(out, List.of("CHANNEL", "SENT", "PLANNED", "ACCEPTED", "REPLIES"), rows);
    out.println(
        "Declined "
            + stats.events().getOrDefault("DECLINED", 0L)
            + ", withdrawn "
            + stats.events().getOrDefault("WITHDRAWN", 0L)
            + ".");
    if (stats.variants().stream().map(VariantTally::step).distinct().count()
        < stats.variants().size()) {
      printVariants(out, stats.variants());
    }
    accounts.forEach((name, summary) -> out.println("Account " + name + ": " + summary));
    if (!decisions.isEmpty()) {
      out.println("Latest decisions:");
      decisions.forEach(d -> out.println("  " + d));
    }
    out.flush();
  }

  /** The A/B test of each template that has several variants. */
  private static void printVariants(PrintWriter out, List<VariantTally> variants) {
    List<List<String>> rows = new ArrayList<>();
    for (VariantTally v : variants) {
      rows.add(
          List.of(
              v.step(),
              v.label(),
              String.valueOf(v.sent()),
              v.accepted() == 0
                  ? ""
                  : String.format(Locale.ROOT, "%.1f%%", 100 * v.acceptanceRate()),
              String.format(Locale.ROOT, "%.1f%%", 100 * v.replyRate())));
    }
    out.println("Variants (acceptances and replies that followed each message):");
    Output.table(out, List.of("TEMPLATE", "VARIANT", "SENT", "ACCEPTED", "REPLIED"), rows);
  }

  abstract static class StatusChange implements Callable<Integer> {
    @ParentCommand CampaignsCommand parent;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The campaign's name.")
    String name;

    abstract Campaign.Status target();

    @Override
    public Integer call() {
      Warmreach app = parent.root.app();
      StoredCampaign c = find(app.campaigns(), name);
      CoachReport coach = app.campaignSetup().changeStatus(c, target(), app.clock().instant());
      PrintWriter out = spec.commandLine().getOut();
      if (parent.root.json()) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("campaign", name);
        result.put("status", target().name());
        if (target() == Campaign.Status.ACTIVE) {
          result.put("coach", coach.json());
        }
        Output.json(out, result);
        return 0;
      }
      if (target() == Campaign.Status.ACTIVE) {
        coach.printWarnings(out);
      }
      out.println("Campaign " + name + " is now " + target() + ".");
      return 0;
    }
  }

  @Command(
      name = "launch",
      mixinStandardHelpOptions = true,
      description = "Start sending: the campaign becomes active.")
  static final class Launch extends StatusChange {
    @Override
    Campaign.Status target() {
      return Campaign.Status.ACTIVE;
    }
  }

  @Command(
      name = "pause",
      mixinStandardHelpOptions = true,
      description = "Stop sending until resumed; nothing is lost.")
  static final class Pause extends StatusChange {
    @Override
    Campaign.Status target() {
      return Campaign.Status.PAUSED;
    }
  }

  @Command(
      name = "resume",
      mixinStandardHelpOptions = true,
      description = "Continue a paused campaign.")
  static final class Resume extends StatusChange {
    @Override
    Campaign.Status target() {
      return Campaign.Status.ACTIVE;
    }
  }
}
