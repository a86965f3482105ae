package dev.warmreach.forecast;

import dev.warmreach.definition.CampaignFile;
import dev.warmreach.domain.Enrollment;
import dev.warmreach.domain.Prospect;
import dev.warmreach.domain.ProspectProfile;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.domain.UserError;
import dev.warmreach.message.Coach;
import dev.warmreach.policy.ChannelPolicy;
import dev.warmreach.sequence.CampaignDefinition;
import dev.warmreach.simulation.Forecast;
import dev.warmreach.simulation.ForecastResult;
import dev.warmreach.simulation.Scenario;
import dev.warmreach.simulation.Truth;
import dev.warmreach.store.Store;
import dev.warmreach.store.StoredCampaign;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A forecast of a stored campaign before it is launched: its own definition, sender accounts and
 * enrolled prospects, on the simulated network with the default truth (SPEC §1's typical outcomes).
 * Prospects who look alike to the policy run as one segment. Nothing is stored. Thread-safe.
 */
public final class CampaignForecast {

  private final Store store;
  private final Coach coach;

  public CampaignForecast(Store store, Coach coach) {
    this.store = store;
    this.coach = coach;
  }

  /**
   * @param weeks how long to simulate, 1 to 104
   * @param policy the policy to try, or {@code null} for the campaign's own
   */
  public ForecastResult run(
      StoredCampaign campaign, Instant start, int weeks, long seed, String policy) {
    if (weeks < 1 || weeks > 104) {
      throw new UserError("weeks " + weeks + " must be between 1 and 104");
    }
    String chosen = policy == null ? campaign.campaign().policy() : policy;
    ChannelPolicy.named(chosen);
    CampaignDefinition definition = CampaignFile.fromJson(campaign.definition());
    List<Scenario.Account> accounts = new ArrayList<>();
    for (String name : campaign.campaign().senderAccounts()) {
      SenderAccount account =
          store
              .account(name)
              .orElseThrow(() -> new UserError("the campaign's account '" + name + "' is gone"));
      accounts.add(new Scenario.Account(account, false));
    }
    Map<Scenario.ProspectShape, Integer> shapes = new LinkedHashMap<>();
    for (Enrollment e : store.enrollments(campaign.campaign().id(), 1_000_000)) {
      store
          .prospect(e.prospectId())
          .ifPresent(p -> shapes.merge(shape(p, definition), 1, Integer::sum));
    }
    if (shapes.isEmpty()) {
      throw new UserError(
          "campaign '" + campaign.campaign().name() + "' has no prospects to forecast");
    }
    List<Scenario.Segment> segments = new ArrayList<>();
    shapes.forEach(
        (shape, count) ->
            segments.add(
                new Scenario.Segment(
                    shape.title() + " #" + (segments.size() + 1), count, shape, Truth.DEFAULT)));
    Scenario scenario = new Scenario(seed, start, weeks, chosen, accounts, segments, definition);
    long began = System.nanoTime();
    ForecastResult result = new Forecast(scenario, coach).run(Forecast.Progress.NONE);
    return result.withWallMillis((System.nanoTime() - began) / 1_000_000);
  }

  private static Scenario.ProspectShape shape(Prospect prospect, CampaignDefinition definition) {
    ProspectProfile p = prospect.profile();
    boolean highValue =
        p.tags().contains(definition.settings().highValueTag())
            || definition.settings().highValue().contains(p.seniority());
    return new Scenario.ProspectShape(
        p.title(),
        p.activity(),
        p.hasEmail(),
        highValue,
        p.openProfile(),
        p.degree(),
        prospect.doNotContact() ? 1.0 : 0.0);
  }
}
