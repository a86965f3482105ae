package dev.warmreach.web;

import dev.warmreach.execute.outbound.OutboundSettings;
import dev.warmreach.execute.provider.ProviderSetup;
import dev.warmreach.forecast.CampaignForecast;
import dev.warmreach.importer.ProspectImport;
import dev.warmreach.live.CampaignPlan;
import dev.warmreach.live.CampaignSetup;
import dev.warmreach.live.OutreachAnalytics;
import dev.warmreach.live.SignalIntake;
import dev.warmreach.live.TaskInbox;
import dev.warmreach.message.Coach;
import dev.warmreach.store.Analytics;
import dev.warmreach.store.Campaigns;
import dev.warmreach.store.Deliveries;
import dev.warmreach.store.DoNotContactList;
import dev.warmreach.store.EngineSteps;
import dev.warmreach.store.Prospects;
import dev.warmreach.store.ProviderLinks;
import dev.warmreach.store.SenderAccounts;
import dev.warmreach.store.Store;
import dev.warmreach.store.Touches;
import dev.warmreach.store.UserStore;
import java.time.Clock;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * What the HTTP server serves, as the composition root built it: the store's ports, its users, the
 * clock, and the use cases the handlers call. Each handler is given only the parts it needs; none
 * is given the store itself.
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
    ProviderSetup providerSetup,
    TaskInbox taskInbox,
    OutreachAnalytics outreachAnalytics,
    SignalIntake signalIntake,
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
    Objects.requireNonNull(providerSetup, "providerSetup");
    Objects.requireNonNull(taskInbox, "taskInbox");
    Objects.requireNonNull(outreachAnalytics, "outreachAnalytics");
    Objects.requireNonNull(signalIntake, "signalIntake");
    Objects.requireNonNull(coach, "coach");
  }

  public Prospects prospects() {
    return store.prospects();
  }

  public DoNotContactList doNotContact() {
    return store.doNotContact();
  }

  public ProviderLinks providerLinks() {
    return store.providerLinks();
  }

  public SenderAccounts accounts() {
    return store.accounts();
  }

  public Campaigns campaigns() {
    return store.campaigns();
  }

  public EngineSteps engineSteps() {
    return store.engineSteps();
  }

  public Touches touches() {
    return store.touches();
  }

  public Deliveries deliveries() {
    return store.deliveries();
  }

  public Analytics analytics() {
    return store.analytics();
  }
}
