package dev.warmreach.store;

/**
 * Everything Warmreach keeps, handed out port by port: the composition root opens one and gives
 * each consumer only the roles it needs. Each port method is one transaction: it lands whole or not
 * at all. Implementations are thread-safe.
 */
public interface Store extends AutoCloseable {

  /** Prospects, their profiles, states and event histories. */
  Prospects prospects();

  /** The people no campaign may contact. */
  DoNotContactList doNotContact();

  /** The sender accounts and their quota state. */
  SenderAccounts accounts();

  /** The workspace's named settings, such as the outbound channels. */
  WorkspaceSettings settings();

  /** Campaigns and their enrollments. */
  Campaigns campaigns();

  /** What the live engine needs to advance enrollments: due work, steps, claims and events. */
  EngineSteps engineSteps();

  /** The touches the engine planned, as the task inbox and the executors see them. */
  Touches touches();

  /** Email and webhook deliveries with their retries. */
  Deliveries deliveries();

  /** The LinkedIn provider's accounts, people, chats and pauses. */
  ProviderLinks providerLinks();

  /** Campaign totals, activity and recorded decisions. */
  Analytics analytics();

  /** The simulated network's pending reactions; only dry runs and the demo use them. */
  SimulatedReactions simulatedReactions();

  /** The signals received, with what was done about each. */
  SignalFeed signals();

  @Override
  void close();
}
