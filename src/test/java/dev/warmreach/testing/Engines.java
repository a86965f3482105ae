package dev.warmreach.testing;

import dev.warmreach.Warmreach;
import dev.warmreach.definition.CampaignFile;
import dev.warmreach.execute.Executor;
import dev.warmreach.live.CampaignEngines;
import dev.warmreach.live.LiveEngine;
import dev.warmreach.message.CampaignMessages;
import dev.warmreach.message.Coach;
import dev.warmreach.policy.ChannelPolicy;
import dev.warmreach.sequence.CampaignDefinition;
import dev.warmreach.sequence.SequenceEngine;
import dev.warmreach.store.Store;

/** Engines wired as the composition root wires them, for tests that hold only a store. */
public final class Engines {

  /** The coach with the English phrase lists, loaded once for all tests. */
  public static final Coach COACH = Warmreach.defaultCoach();

  private Engines() {}

  public static CampaignEngines campaigns(Store store) {
    return new CampaignEngines(
        store.campaigns(),
        store.prospects(),
        store.accounts(),
        store.analytics(),
        COACH,
        CampaignFile::fromJson);
  }

  public static LiveEngine live(Store store, Executor executor) {
    return new LiveEngine(
        store.engineSteps(),
        store.simulatedReactions(),
        store.campaigns(),
        store.accounts(),
        campaigns(store),
        executor);
  }

  public static LiveEngine live(Store store, Executor executor, String node) {
    return new LiveEngine(
        store.engineSteps(),
        store.simulatedReactions(),
        store.campaigns(),
        store.accounts(),
        campaigns(store),
        executor,
        node);
  }

  /** The engine for {@code definition} run with the policy named {@code policy}. */
  public static SequenceEngine engine(CampaignDefinition definition, String policy) {
    return definition.engine(ChannelPolicy.named(policy), CampaignMessages.of(definition, COACH));
  }

  /** The template reviews of {@code definition}. */
  public static CampaignMessages messages(CampaignDefinition definition) {
    return CampaignMessages.of(definition, COACH);
  }
}
