import dev.warmreach.Warmreach;
import dev.warmreach.domain.Campaign;
import dev.warmreach.live.LiveEngine;
import dev.warmreach.simulation.ForecastResult;
import dev.warmreach.store.StoredCampaign;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The live engine against the simulated network, and the forecast of the same campaign, timed in
 * one process. The workspace must hold the prospects (tagged TAG) and the accounts; this creates a
 * campaign of them that starts WEEKS weeks ago, runs the live engine day by day up to now exactly
 * as 'warmreach run --simulate' catches up (each due step at its own time, each in its own
 * transaction), then forecasts the same campaign for the same weeks. Run with the jar on the class
 * path:
 *
 * <pre>java -cp target/warmreach.jar bench/LiveRun.java HOME|JDBC_URL ACCOUNTS WEEKS TAG</pre>
 *
 * <p>Prints each simulated day's engine steps and wall time, then one summary line.
 */
public class LiveRun {
  public static void main(String[] args) throws Exception {
    String where = args[0];
    List<String> accounts = List.of(args[1].split(","));
    int weeks = Integer.parseInt(args[2]);
    String tag = args[3];
    Warmreach.Builder builder = Warmreach.builder();
    if (where.startsWith("jdbc:")) {
      builder.database(where);
    } else {
      builder.home(Path.of(where));
    }
    try (Warmreach app = builder.build()) {
      Instant now = app.clock().instant();
      Instant start = now.minus(Duration.ofDays(7L * weeks));
      String name = "live-" + now.toEpochMilli();
      StoredCampaign campaign =
          app.campaignSetup()
              .create(
                  start,
                  name,
                  accounts,
                  "playbook",
                  dev.warmreach.definition.CampaignFile.defaultJson(),
                  tag);
      long enrolled = app.campaigns().countEnrollments(campaign.campaign().id());
      app.campaignSetup().changeStatus(campaign, Campaign.Status.ACTIVE, start);
      LiveEngine engine =
          app.liveEngine(app.simulatedExecutor(7, Path.of(System.getProperty("java.io.tmpdir"))
              .resolve(name + ".log")));
      long began = System.nanoTime();
      long steps = 0;
      for (int day = 1; day <= 7 * weeks; day++) {
        long dayBegan = System.nanoTime();
        long before = engine.stepsTaken();
        engine.runUntil(start.plus(Duration.ofDays(day)));
        long taken = engine.stepsTaken() - before;
        steps += taken;
        System.out.printf(
            "day %d of %d: %d engine steps (%.1f s)%n",
            day, 7 * weeks, taken, (System.nanoTime() - dayBegan) / 1e9);
        System.out.flush();
      }
      double liveSeconds = (System.nanoTime() - began) / 1e9;
      var stats = app.analytics().campaignStats(campaign.campaign().id());
      long forecastBegan = System.nanoTime();
      ForecastResult forecast =
          app.campaignForecast()
              .run(app.campaigns().campaign(name).orElseThrow(), start, weeks, 7, null);
      double forecastSeconds = (System.nanoTime() - forecastBegan) / 1e9;
      System.out.printf(
          "live: %d enrollments, %d accounts, %d weeks: %.1f s, %d engine steps (%.0f per"
              + " simulated day), sent %s | forecast: %.2f s, sent %s | live/forecast %.1fx%n",
          enrolled,
          accounts.size(),
          weeks,
          liveSeconds,
          steps,
          steps / (7.0 * weeks),
          stats.touches(),
          forecastSeconds,
          forecast.sent(),
          liveSeconds / forecastSeconds);
    }
  }
}
