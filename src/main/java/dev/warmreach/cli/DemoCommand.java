package dev.warmreach.cli;

import dev.warmreach.Warmreach;
import dev.warmreach.domain.ActivityLevel;
import dev.warmreach.domain.Campaign;
import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Message;
import dev.warmreach.domain.Plan;
import dev.warmreach.domain.Prospect;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.domain.Seniority;
import dev.warmreach.domain.Touch;
import dev.warmreach.importer.CsvFile;
import dev.warmreach.importer.ImportOptions;
import dev.warmreach.importer.ImportReport;
import dev.warmreach.live.LimitAudit;
import dev.warmreach.live.LiveEngine;
import dev.warmreach.live.ProspectJson;
import dev.warmreach.quota.CreditLedger;
import dev.warmreach.store.CampaignStats;
import dev.warmreach.store.DecisionRecord;
import dev.warmreach.store.ProspectQuery;
import dev.warmreach.store.StoredCampaign;
import dev.warmreach.store.Touches;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code warmreach demo}: the guided tour on the bundled sample prospects. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run the demo: import the bundled sample prospects (300 people, varied in seniority and"
          + " LinkedIn activity), add two demo sender accounts, create a campaign on the combined"
          + " sequence, and run it against the simulated network for 8 virtual weeks (ending now)."
          + " Prints the funnel per channel, InMail credits spent and refunded, the limits held,"
          + " and some decisions with their reasons.",
      "The results stay in the workspace: see 'warmreach campaigns show demo'. Safe to run"
          + " again: people are updated, never duplicated, and an existing demo campaign is shown,"
          + " not run twice."
    })
final class DemoCommand implements Callable<Integer> {

  static final String SAMPLE = "/sample/prospects.csv";
  static final String SAMPLE_TAG = "demo-sample";
  static final String DEMO_ACCOUNT = "demo-sdr";
  static final String DEMO_FOUNDER = "demo-founder";
  static final String DEMO_CAMPAIGN = "demo";

  /** The combined sequence with the built-in templates, signed by the demo's sender. */
  private static final String DEMO_DEFINITION =
      "{\"sequence\": \"combined\", \"author\": {\"name\": \"Sam Carter\","
          + " \"company\": \"Brightline\"}}";

  static final int WEEKS = 8;

  @ParentCommand WarmreachCli root;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Warmreach app = root.app();
    CsvFile sample = CsvFile.of(Path.of("sample", "prospects.csv"), sampleBytes());
    ImportReport report =
        app.prospectImport()
            .run(
                sample,
                new ImportOptions(null, Map.of(), Set.of(SAMPLE_TAG), false),
                ProgressBar.onTerminal(spec.commandLine().getErr()));
    boolean accountAdded =
        app.accounts()
            .addAccount(
                SenderAccount.withPlanDefaults(
                    DEMO_ACCOUNT, Plan.SALES_NAVIGATOR, ZoneId.of("Europe/Berlin")));
    app.accounts()
        .addAccount(
            SenderAccount.withPlanDefaults(
                DEMO_FOUNDER, Plan.PREMIUM_BUSINESS, ZoneId.of("America/New_York")));
    PrintWriter out = spec.commandLine().getOut();
    boolean ran = app.campaigns().campaign(DEMO_CAMPAIGN).isEmpty();
    if (ran) {
      runCampaign(app, spec.commandLine().getErr());
    }
    StoredCampaign campaign = app.campaigns().campaign(DEMO_CAMPAIGN).orElseThrow();
    List<Prospect> people =
        app.prospects()
            .prospects(new ProspectQuery(null, SAMPLE_TAG, null, ProspectQuery.MAX_LIMIT, 0));
    Summary summary = Summary.of(people);
    CampaignStats stats = app.analytics().campaignStats(campaign.campaign().id());
    Map<String, Long> limits = audit(app, campaign, people);
    Map<String, Object> accounts = new LinkedHashMap<>();
    Instant now = app.clock().instant();
    for (String name : campaign.campaign().senderAccounts()) {
      app.accounts()
          .accountState(name)
          .ifPresent(state -> accounts.put(name, dev.warmreach.live.AccountSummary.of(state, now)));
    }
    List<String> decisions =
        sampleDecisions(app, app.analytics().decisions(campaign.campaign().id(), null, 2000));
    Map<String, String> messages = sampleMessages(app.touches(), people);
    if (root.json()) {
      Map<String, Object> json =
          summary.json(report, app.prospects().countProspects(ProspectQuery.all(1)));
      json.put("campaign", DEMO_CAMPAIGN);
      json.put("ranNow", ran);
      json.put("weeks", WEEKS);
      json.put("enrollments", stats.enrollments());
      json.put("sent", stats.touches());
      json.put("events", stats.events());
      json.put("replies", stats.replies());
      json.put("accounts", accounts);
      json.put("violations", limits);
      json.put("decisions", decisions);
      json.put("messages", messages);
      Output.json(out, json);
      return 0;
    }
    out.println("Warmreach demo");
    out.println("==============");
    out.printf(
        Locale.ROOT,
        "Imported the sample prospects (%s, %d rows): %d new, %d updated, %d unchanged.%n",
        report.format().description(),
        report.rows(),
        report.write().created(),
        report.write().updated(),
        report.write().unchanged());
    out.println(
        (accountAdded ? "Added" : "Kept")
            + " the sender accounts "
            + DEMO_ACCOUNT
            + " (SALES_NAVIGATOR, Europe/Berlin) and "
            + DEMO_FOUNDER
            + " (PREMIUM_BUSINESS, America/New_York).");
    out.printf(
        Locale.ROOT,
        "Stored: %d sample prospects, %d with a business email. By seniority: %s. By activity: %s.%n",
        people.size(),
        summary.withEmail,
        summary.bySeniority,
        summary.byActivity);
    out.println();
    out.println(
        (ran ? "Ran" : "Already ran")
            + " campaign '"
            + DEMO_CAMPAIGN
            + "' (combined sequence, playbook policy) on the simulated network for "
            + WEEKS
            + " virtual weeks:");
    CampaignsCommand.print(out, campaign, stats, accounts, List.of());
    out.println(
        "Limits held: "
            + (limits.values().stream().allMatch(v -> v == 0) ? "all " : "NOT all ")
            + limits.toString().replace("{", "(").replace("}", ")").replace("=", " "));
    out.println();
    out.println("Some decisions, with their reasons:");
    decisions.forEach(d -> out.println("  " + d));
    out.println();
    out.println("Messages it wrote (each prospect's own, from the built-in templates):");
    messages.forEach(
        (what, text) -> out.println("  " + what + ":\n    " + text.replace("\n", "\n    ")));
    out.println();
    out.println("Next: 'warmreach campaigns show demo', 'warmreach plan --campaign demo',");
    out.println("'warmreach forecast --scenario examples/default.json', or import your own list.");
    out.flush();
    return 0;
  }

  /** Creates and launches the demo campaign 8 weeks back, then runs it up to now. */
  private void runCampaign(Warmreach app, PrintWriter err) {
    Instant now = app.clock().instant();
    Instant start = now.minus(Duration.ofDays(7L * WEEKS));
    StoredCampaign campaign =
        CampaignsCommand.create(
            app,
            start,
            DEMO_CAMPAIGN,
            List.of(DEMO_ACCOUNT, DEMO_FOUNDER),
            "playbook",
            DEMO_DEFINITION,
            SAMPLE_TAG);
    LiveEngine.prepareAccounts(app.accounts(), campaign.campaign(), start);
    app.campaigns().setCampaignStatus(campaign.campaign().id(), Campaign.Status.ACTIVE);
    LiveEngine engine =
        app.liveEngine(app.simulatedExecutor(7, root.homeFolder().resolve("demo-deliveries.log")));
    ProgressBar bar = ProgressBar.onTerminal(err);
    try {
      for (int week = 1; week <= WEEKS; week++) {
        engine.runUntil(start.plus(Duration.ofDays(7L * week)));
        bar.advanced("weeks", week, WEEKS);
      }
    } finally {
      bar.finish();
    }
    // The simulated weeks are over; a later 'warmreach run' must not carry the demo on for real.
    app.campaigns().setCampaignStatus(campaign.campaign().id(), Campaign.Status.COMPLETED);
  }

  private static Map<String, Long> audit(
      Warmreach app, StoredCampaign campaign, List<Prospect> people) {
    List<Touch> touches = new ArrayList<>();
    Set<Long> doNotContact = new java.util.HashSet<>();
    for (Prospect p : people) {
      touches.addAll(app.touches().touches(p.id()));
      if (p.doNotContact()) {
        doNotContact.add(p.id());
      }
    }
    Map<String, SenderAccount> accounts = new LinkedHashMap<>();
    Map<String, CreditLedger> ledgers = new LinkedHashMap<>();
    for (String name : campaign.campaign().senderAccounts()) {
      app.accounts().account(name).ifPresent(a -> accounts.put(name, a));
      app.accounts().accountState(name).ifPresent(s -> ledgers.put(name, s.credits()));
    }
    // A follow-up DM may go on a day off, in the usual hours, when its window holds no working
    // time and the account (else the campaign) allows it: the window counts from the acceptance.
    dev.warmreach.sequence.CampaignDefinition definition =
        dev.warmreach.definition.CampaignFile.fromJson(campaign.definition());
    Map<Long, Instant> acceptedAt = new java.util.HashMap<>();
    for (Prospect p : people) {
      for (dev.warmreach.store.StoredEvent e : app.prospects().events(p.id())) {
        if (e.kind().equals("ACCEPTED")) {
          acceptedAt.merge(p.id(), e.at(), (a, b) -> a.isAfter(b) ? a : b);
        }
      }
    }
    return LimitAudit.of(
        touches,
        accounts,
        ledgers,
        doNotContact,
        t ->
            accounts.containsKey(t.senderAccount())
                ? definition.followUpWindow(
                    t.step(), acceptedAt.get(t.prospectId()), accounts.get(t.senderAccount()))
                : definition.followUpWindow(t.step(), acceptedAt.get(t.prospectId())));
  }

  /** The first note, message, InMail and email sent, as the prospect received it. */
  private static Map<String, String> sampleMessages(Touches touches, List<Prospect> people) {
    Map<Channel, String> byChannel = new java.util.EnumMap<>(Channel.class);
    for (Prospect p : people) {
      for (Touch t : touches.touches(p.id())) {
        // A warm-up's like carries no words: it is no sample of what a person reads.
        if (t.status() == Touch.Status.DONE
            && t.message() != null
            && !t.message().body().isBlank()) {
          byChannel.putIfAbsent(t.channel(), describe(t, p));
        }
      }
      if (byChannel.size() == 4) {
        break;
      }
    }
    Map<String, String> samples = new LinkedHashMap<>();
    byChannel.forEach(
        (channel, text) -> samples.put(channel.name().toLowerCase(Locale.ROOT), text));
    return samples;
  }

  private static String describe(Touch t, Prospect p) {
    Message m = t.message();
    return "to "
        + p.profile().fullName()
        + " (variant "
        + m.variant()
        + "): "
        + (m.subject().isEmpty() ? "" : "[" + m.subject() + "] ")
        + m.body();
  }

  /** The first decision of each kind, so the sample shows the policy's range. */
  private static List<String> sampleDecisions(Warmreach app, List<DecisionRecord> all) {
    Map<String, DecisionRecord> byKind = new LinkedHashMap<>();
    for (int i = all.size() - 1; i >= 0; i--) {
      DecisionRecord d = all.get(i);
      String kind = d.step() + "/" + d.kind() + "/" + d.summary().split(":")[0];
      if (!d.kind().equals("FINISHED")) {
        byKind.putIfAbsent(kind, d);
      }
    }
    return byKind.values().stream().limit(10).map(d -> DecisionText.line(app, d)).toList();
  }

  private static byte[] sampleBytes() {
    try (InputStream in = DemoCommand.class.getResourceAsStream(SAMPLE)) {
      if (in == null) {
        throw new IllegalStateException(
            "the sample prospects are missing from the build: " + SAMPLE);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Counts over the sample prospects, and one example of each seniority. */
  private record Summary(
      Map<Seniority, Integer> bySeniority,
      Map<ActivityLevel, Integer> byActivity,
      int withEmail,
      List<Prospect> examples) {

    static Summary of(List<Prospect> people) {
      Map<Seniority, Integer> bySeniority = new EnumMap<>(Seniority.class);
      Map<ActivityLevel, Integer> byActivity = new EnumMap<>(ActivityLevel.class);
      Map<Seniority, Prospect> example = new EnumMap<>(Seniority.class);
      int withEmail = 0;
      for (Prospect p : people) {
        bySeniority.merge(p.seniority(), 1, Integer::sum);
        byActivity.merge(p.profile().activity(), 1, Integer::sum);
        example.putIfAbsent(p.seniority(), p);
        withEmail += p.profile().hasEmail() ? 1 : 0;
      }
      return new Summary(bySeniority, byActivity, withEmail, List.copyOf(example.values()));
    }

    Map<String, Object> json(ImportReport report, long workspaceTotal) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("imported", ImportCommand.ImportJson.of(report));
      json.put("sampleProspects", bySeniority.values().stream().mapToInt(Integer::intValue).sum());
      json.put("workspaceProspects", workspaceTotal);
      json.put("bySeniority", bySeniority);
      json.put("byActivity", byActivity);
      json.put("withEmail", withEmail);
      json.put("examples", examples.stream().map(ProspectJson::of).toList());
      return json;
    }
  }
}
