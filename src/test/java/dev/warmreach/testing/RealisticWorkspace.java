package dev.warmreach.testing;

import dev.warmreach.Warmreach;
import dev.warmreach.domain.Campaign;
import dev.warmreach.domain.Plan;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.execute.assisted.AssistedExecutor;
import dev.warmreach.execute.simulated.DeliveryLog;
import dev.warmreach.execute.simulated.SimulatedExecutor;
import dev.warmreach.importer.CsvFile;
import dev.warmreach.importer.ImportOptions;
import dev.warmreach.importer.ImportProgress;
import dev.warmreach.live.LiveEngine;
import dev.warmreach.simulation.Truth;
import dev.warmreach.store.StoredCampaign;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A workspace that looks like a team's a few weeks in: the 300 sample prospects, two sender
 * accounts, a campaign that ran five weeks on the simulated network ({@value #HISTORY}, finished),
 * and a live one launched today whose first steps wait in the task inbox ({@value #LIVE}). For
 * pages that need something to show, and for the screenshots in docs/.
 */
public final class RealisticWorkspace {

  public static final String HISTORY = "spring-founders";
  public static final String LIVE = "q4-vp-outreach";
  public static final List<String> ACCOUNTS = List.of("sdr-anna", "founder-sam");
  private static final int HISTORY_ROWS = 220;

  private RealisticWorkspace() {}

  /** Fills the workspace of {@code app}; {@code clock} is the clock it runs on (now stays now). */
  public static void fill(Warmreach app, SettableClock clock) {
    byte[] sample = sample();
    String[] lines = new String(sample, StandardCharsets.UTF_8).split("\r?\n");
    importRows(app, lines, 1, HISTORY_ROWS + 1, "spring");
    importRows(app, lines, HISTORY_ROWS + 1, lines.length, "q4");
    app.accounts()
        .addAccount(
            SenderAccount.withPlanDefaults(
                ACCOUNTS.get(0), Plan.SALES_NAVIGATOR, ZoneId.of("Europe/Berlin")));
    app.accounts()
        .addAccount(
            SenderAccount.withPlanDefaults(
                ACCOUNTS.get(1), Plan.PREMIUM_BUSINESS, ZoneId.of("America/New_York")));

    Instant now = clock.instant();
    Instant start = now.minus(Duration.ofDays(35));
    StoredCampaign history =
        app.campaignSetup().create(start, HISTORY, ACCOUNTS, "playbook", definition(), "spring");
    app.campaignSetup().changeStatus(history, Campaign.Status.ACTIVE, start);
    LiveEngine simulated =
        Engines.live(
            app.store(),
            new SimulatedExecutor(
                app.touches(),
                app.store().simulatedReactions(),
                11,
                Truth.DEFAULT,
                new DeliveryLog(Path.of("target", "realistic-workspace-deliveries.log"))));
    for (int day = 1; day <= 35; day++) {
      simulated.runUntil(start.plus(Duration.ofDays(day)));
    }
    app.campaigns().setCampaignStatus(history.campaign().id(), Campaign.Status.COMPLETED);

    StoredCampaign live =
        app.campaignSetup().create(now, LIVE, ACCOUNTS, "playbook", definition(), "q4");
    app.campaignSetup().changeStatus(live, Campaign.Status.ACTIVE, now);
    LiveEngine assisted = Engines.live(app.store(), new AssistedExecutor());
    // Run the live campaign's first working day so its first steps wait in the inbox
    Instant until = now.plus(Duration.ofHours(30));
    while (clock.instant().isBefore(until)) {
      assisted.runUntil(clock.instant());
      clock.tick(Duration.ofHours(1));
    }
    assisted.runUntil(clock.instant());
  }

  private static String definition() {
    return "{\"sequence\": \"combined\", \"author\": {\"name\": \"Sam Carter\","
        + " \"company\": \"Brightline\"}}";
  }

  private static void importRows(Warmreach app, String[] lines, int from, int to, String tag) {
    StringBuilder csv = new StringBuilder(lines[0]).append('\n');
    for (int i = from; i < to; i++) {
      csv.append(lines[i]).append('\n');
    }
    app.prospectImport()
        .run(
            CsvFile.of(Path.of(tag + ".csv"), csv.toString().getBytes(StandardCharsets.UTF_8)),
            new ImportOptions(null, Map.of(), Set.of(tag), false),
            ImportProgress.NONE);
  }

  private static byte[] sample() {
    try (InputStream in = RealisticWorkspace.class.getResourceAsStream("/sample/prospects.csv")) {
      if (in == null) {
        throw new IllegalStateException("the sample prospects are missing from the build");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
