import dev.warmreach.Warmreach;
import dev.warmreach.domain.Campaign;
import dev.warmreach.live.LiveEngine;
import dev.warmreach.store.StoredCampaign;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Gives a benchmark workspace (prospects and accounts already stored) a history: a campaign that
 * started WEEKS weeks ago and ran on the simulated network up to now, so the pages have touches,
 * events and decisions to show. Run with the jar on the class path:
 *
 * <pre>java -cp target/warmreach.jar bench/PagesWorkspace.java HOME ACCOUNTS WEEKS TAG [JDBC_URL]</pre>
 *
 * <p>With JDBC_URL the workspace's database is that one (e.g. PostgreSQL) instead of HOME's
 * embedded one.
 *
 * <p>Only prospects tagged TAG are enrolled: the engine advances each enrollment in its own
 * transaction, so a campaign of every one of 100,000 prospects would take hours to simulate.
 */
public class PagesWorkspace {
  public static void main(String[] args) throws Exception {
    Path home = Path.of(args[0]);
    List<String> accounts = List.of(args[1].split(","));
    int weeks = Integer.parseInt(args[2]);
    String tag = args[3];
    String database = args.length > 4 ? args[4] : null;
    try (Warmreach app = Warmreach.builder().home(home).database(database).build()) {
      Instant now = app.clock().instant();
      Instant start = now.minus(Duration.ofDays(7L * weeks));
      StoredCampaign campaign =
          app.campaignSetup().create(start,
              "history",
              accounts,
              "playbook",
              dev.warmreach.definition.CampaignFile.defaultJson(),
              tag);
      LiveEngine.prepareAccounts(app.accounts(), campaign.campaign(), start);
      app.campaigns().setCampaignStatus(campaign.campaign().id(), Campaign.Status.ACTIVE);
      LiveEngine engine = app.liveEngine(app.simulatedExecutor(7, home.resolve("history.log")));
      for (int day = 1; day <= 7 * weeks; day++) {
        long began = System.nanoTime();
        int work = engine.runUntil(start.plus(Duration.ofDays(day)));
        System.out.printf(
            "day %d of %d: %d steps (%.1f s)%n",
            day, 7 * weeks, work, (System.nanoTime() - began) / 1e9);
        System.out.flush();
      }
    }
  }
}
