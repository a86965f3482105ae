package dev.warmreach.cli;

import dev.warmreach.Warmreach;
import dev.warmreach.store.DecisionRecord;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A stored decision as its reader sees it on the sender account's clock: a wait's instant in the
 * zone of the account that enrollment sends from, as the campaign plan shows it.
 */
final class DecisionText {

  private DecisionText() {}

  /** "prospect 12 at connect: Wait until Mon 9 Mar 2026, 09:12 (Europe/Berlin): …". */
  static String line(Warmreach app, DecisionRecord d) {
    return "prospect " + d.prospectId() + " at " + d.step() + ": " + d.summaryIn(zoneOf(app, d));
  }

  private static ZoneId zoneOf(Warmreach app, DecisionRecord d) {
    return app.campaigns().enrollmentsOf(d.prospectId()).stream()
        .filter(e -> e.id() == d.enrollmentId())
        .findFirst()
        .map(app.campaignEngines()::zoneOf)
        .orElse(ZoneOffset.UTC);
  }
}
