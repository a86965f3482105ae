package dev.warmreach.web;

import dev.warmreach.execute.outbound.OutboundSettings;
import dev.warmreach.forecast.CampaignForecast;
import dev.warmreach.importer.ProspectImport;
import dev.warmreach.live.CampaignPlan;
import dev.warmreach.live.CampaignSetup;
import dev.warmreach.message.Coach;
import dev.warmreach.store.Store;
import dev.warmreach.store.UserStore;
import java.time.Clock;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * What the HTTP server serves, as the composition root built it: the store and its users, the
 * clock, and the use cases the handlers call. Each handler takes only the parts it needs.
 *
 * @param storeReachable whether the database answers, for the health check
 */
public record Workspace(
    Store store,
    UserStore users,
    Clock clock,
    BooleanSupplier storeReachable,
    ProspectImport prospectImport,
    CampaignSetup campaignSetup,
    CampaignPlan campaignPlan,
    CampaignForecast campaignForecast,
    OutboundSettings outboundSettings,
    Coach coach) {

  public Workspace {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(users, "users");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(storeReachable, "storeReachable");
    Objects.requireNonNull(prospectImport, "prospectImport");
    Objects.requireNonNull(campaignSetup, "campaignSetup");
    Objects.requireNonNull(campaignPlan, "campaignPlan");
    Objects.requireNonNull(campaignForecast, "campaignForecast");
    Objects.requireNonNull(outboundSettings, "outboundSettings");
    Objects.requireNonNull(coach, "coach");
  }
}
