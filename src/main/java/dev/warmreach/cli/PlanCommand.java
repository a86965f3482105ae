package dev.warmreach.cli;

import dev.warmreach.Warmreach;
import dev.warmreach.domain.Enrollment;
import dev.warmreach.domain.Prospect;
import dev.warmreach.domain.UserError;
import dev.warmreach.live.CampaignEngines;
import dev.warmreach.policy.Decision;
import dev.warmreach.store.DecisionRecord;
import dev.warmreach.store.StoredCampaign;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code warmreach plan}: each prospect's next decision in a campaign, with its reasons. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {
      "Show each prospect's next step in a campaign and what the channel policy would decide"
          + " for it now, with the reasons — without sending anything."
    })
final class PlanCommand implements Callable<Integer> {

  @ParentCommand WarmreachCli root;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  // Times on the sender account's clock, as the dashboard shows them.
  private static final DateTimeFormatter DUE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ENGLISH);

  @Option(names = "--campaign", required = true, paramLabel = "NAME", description = "The campaign.")
  String campaign;

  @Option(
      names = "--prospect",
      paramLabel = "PROSPECT",
      description = "Only this prospect (number or profile URL).")
  String prospect;

  @Option(
      names = "--limit",
      defaultValue = "50",
      paramLabel = "N",
      description = "At most N prospects (default ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() {
    if (limit < 1 || limit > 100_000) {
      throw new UserError("--limit " + limit + " must be between 1 and 100000");
    }
    Warmreach app = root.app();
    StoredCampaign c = CampaignsCommand.find(app.campaigns(), campaign);
    Long only = prospect == null ? null : ProspectsCommand.find(app.prospects(), prospect).id();
    CampaignEngines engines = app.campaignEngines();
    Instant now = app.clock().instant();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Enrollment e : app.campaigns().enrollments(c.campaign().id(), 100_000)) {
      if (only != null && e.prospectId() != only) {
        continue;
      }
      if (rows.size() >= limit) {
        break;
      }
      Optional<Decision> next = engines.preview(e, now);
      ZoneId zone = engines.zoneOf(e);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("prospect", e.prospectId());
      row.put("name", app.prospects().prospect(e.prospectId()).map(Prospect::fullName).orElse(""));
      row.put("account", e.senderAccount());
      row.put("step", e.step());
      row.put("status", e.status().name());
      row.put("due", e.nextDueAt());
      row.put("timeZone", zone.getId());
      row.put(
          "decision",
          next.map(d -> d.summaryIn(zone))
              .orElse("finished: " + e.status().name().toLowerCase(Locale.ROOT)));
      row.put("reasons", next.map(Decision::reasons).orElse(List.of()));
      row.put("nextMessage", engines.nextMessage(e, now).map(NextMessage::json).orElse(null));
      row.put("path", engines.expectedPath(e, now));
      rows.add(row);
    }
    if (only != null && rows.isEmpty()) {
      throw new UserError(
          "prospect '"
              + prospect
              + "' is not in campaign '"
              + campaign
              + "'; see 'warmreach campaigns show "
              + campaign
              + "' for who is");
    }
    PrintWriter out = spec.commandLine().getOut();
    if (root.json()) {
      Output.json(out, rows);
      return 0;
    }
    List<List<String>> table = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      table.add(
          List.of(
              String.valueOf(row.get("prospect")),
              String.valueOf(row.get("name")),
              String.valueOf(row.get("step")),
              row.get("due") == null
                  ? ""
                  : DUE.format(
                      ((Instant) row.get("due")).atZone(ZoneId.of((String) row.get("timeZone")))),
              String.valueOf(row.get("decision")),
              String.valueOf(row.get("path"))));
    }
    Output.table(
        out,
        List.of("ID", "NAME", "STEP", "DUE (ACCOUNT'S TIME)", "NEXT DECISION", "EXPECTED PATH"),
        table);
    if (prospect != null) {
      ZoneId zone = ZoneId.of((String) rows.get(0).get("timeZone"));
      out.println();
      out.println(NextMessage.text(rows.get(0).get("nextMessage")));
      out.println();
      out.println("Decisions so far:");
      app.analytics().decisions(c.campaign().id(), only, 50).stream()
          .sorted(Comparator.comparing(DecisionRecord::at))
          .forEach(
              d ->
                  out.println(
                      "  "
                          + DUE.format(d.at().atZone(zone))
                          + "  "
                          + d.step()
                          + ": "
                          + d.summaryIn(zone)));
    }
    return 0;
  }
}
