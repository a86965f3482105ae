package dev.warmreach.store;

/**
 * Everything Warmreach keeps, as one object that plays every role port: {@link Prospects}, {@link
 * DoNotContactList}, {@link SenderAccounts}, {@link WorkspaceSettings}, {@link Campaigns}, {@link
 * EngineSteps}, {@link Touches}, {@link Deliveries}, {@link Analytics} and, for dry runs, {@link
 * SimulatedReactions}. The composition root opens one and hands it out; a consumer should ask for
 * the ports it needs. Each method is one transaction: it lands whole or not at all. Implementations
 * are thread-safe.
 */
public interface Store
    extends Prospects,
        DoNotContactList,
        SenderAccounts,
        WorkspaceSettings,
        Campaigns,
        EngineSteps,
        Touches,
        Deliveries,
        Analytics,
        SimulatedReactions,
        AutoCloseable {

  @Override
  void close();
}
