package dev.warmreach.forecast;

import dev.warmreach.definition.CampaignFile;
import dev.warmreach.domain.Enrollment;
import dev.warmreach.domain.Prospect;
import dev.warmreach.domain.ProspectProfile;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.domain.UserError;
import dev.warmreach.message.Coach;
import dev.warmreach.policy.ChannelPolicy;
import dev.warmreach.policy.SegmentTags;
import dev.warmreach.sequence.CampaignDefinition;
import dev.warmreach.simulation.Forecast;
import dev.warmreach.simulation.ForecastResult;
import dev.warmreach.simulation.Scenario;
import dev.warmreach.simulation.Truth;
import dev.warmreach.store.Campaigns;
import dev.warmreach.store.Prospects;
import dev.warmreach.store.SenderAccounts;
import dev.warmreach.store.StoredCampaign;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;

/**
 * A forecast of a stored campaign before it is launched: its own definition, sender accounts and
 * enrolled prospects, on the simulated network with the default truth (SPEC §1's typical outcomes).
 * Prospects who look alike to the policy run as one segment. Nothing is stored. Thread-safe.
 */
public final class CampaignForecast {

  private final Prospects prospects;
  private final Campaigns campaigns;
  private final SenderAccounts senderAccounts;
  private final Coach coach;

  public CampaignForecast(
      Prospects prospects, Campaigns campaigns, SenderAccounts senderAccounts, Coach coach) {
    this.prospects = prospects;
    this.campaigns = campaigns;
    this.senderAccounts = senderAccounts;
    this.coach = coach;
  }

  /**
   * @param weeks how long to simulate, 1 to 104
   * @param policy the policy to try, or {@code null} for the campaign's own
   */
  public ForecastResult run(
      StoredCampaign campaign, Instant start, int weeks, long seed, String policy) {
    return run(campaign, start, weeks, seed, policy, null);
  }

  /**
   * As {@link #run(StoredCampaign, Instant, int, long, String)}, refusing a forecast larger than
   * {@code limits} before it starts (their time budget is the caller's to keep). Interrupting the
   * thread stops it with a {@link java.util.concurrent.CancellationException}.
   *
   * @param limits the size limits, or {@code null} for none
   * @throws ForecastTooLarge naming the limit exceeded
   */
  public ForecastResult run(
      StoredCampaign campaign,
      Instant start,
      int weeks,
      long seed,
      String policy,
      ForecastLimits limits) {
    if (weeks < 1 || weeks > 104) {
      throw new UserError("weeks " + weeks + " must be between 1 and 104");
    }
    String chosen = policy == null ? campaign.campaign().policy() : policy;
    ChannelPolicy.named(chosen);
    CampaignDefinition definition = CampaignFile.fromJson(campaign.definition());
    List<Scenario.Account> accounts = new ArrayList<>();
    for (String name : campaign.campaign().senderAccounts()) {
      SenderAccount account =
          senderAccounts
              .account(name)
              .orElseThrow(() -> new UserError("the campaign's account '" + name + "' is gone"));
      accounts.add(new Scenario.Account(account, false));
    }
    int most = limits == null ? 1_000_000 : limits.maxProspects();
    List<Enrollment> enrollments = campaigns.enrollments(campaign.campaign().id(), most + 1);
    if (limits != null) {
      checkSize(campaign, enrollments.size(), weeks, limits);
    }
    List<Prospect> enrolled = new ArrayList<>();
    Map<String, Long> carriers = new HashMap<>();
    for (int i = 0; i < enrollments.size(); i++) {
      if (i % 500 == 0 && Thread.currentThread().isInterrupted()) {
        throw new CancellationException("the forecast was interrupted");
      }
      prospects.prospect(enrollments.get(i).prospectId()).ifPresent(enrolled::add);
    }
    for (Prospect p : enrolled) {
      p.profile().tags().forEach(tag -> carriers.merge(tag, 1L, Long::sum));
    }
    // Only the tags its segments are split by shape a prospect: the rest change no decision.
    Set<String> segmentTags =
        SegmentTags.chosen(carriers, enrolled.size(), definition.settings().highValueTag());
    Map<Scenario.ProspectShape, Integer> shapes = new LinkedHashMap<>();
    for (Prospect p : enrolled) {
      shapes.merge(shape(p, definition, segmentTags), 1, Integer::sum);
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

  private static void checkSize(
      StoredCampaign campaign, int prospects, int weeks, ForecastLimits limits) {
    String name = "campaign '" + campaign.campaign().name() + "'";
    String instead =
        "; or forecast it from the command line, which has no limit: 'warmreach forecast"
            + " --scenario FILE' (docs/forecast.md)";
    if (prospects > limits.maxProspects()) {
      throw new ForecastTooLarge(
          "prospects",
          String.format(
              Locale.ROOT,
              "%s has more than %,d prospects, the most the server forecasts at once; split it"
                  + " into smaller campaigns%s",
              name,
              limits.maxProspects(),
              instead));
    }
    if ((long) prospects * weeks > limits.maxProspectWeeks()) {
      throw new ForecastTooLarge(
          "prospectWeeks",
          String.format(
              Locale.ROOT,
              "%s: %,d prospects for %d weeks is %,d prospect-weeks, and the server forecasts at"
                  + " most %,d prospect-weeks (prospects × weeks) at once; ask for at most %d"
                  + " weeks%s",
              name,
              prospects,
              weeks,
              (long) prospects * weeks,
              limits.maxProspectWeeks(),
              limits.weeksFor(prospects),
              instead));
    }
  }

  private static Scenario.ProspectShape shape(
      Prospect prospect, CampaignDefinition definition, Set<String> segmentTags) {
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
        prospect.doNotContact() ? 1.0 : 0.0,
        p.tags().stream().filter(segmentTags::contains).collect(Collectors.toSet()));
  }
}
