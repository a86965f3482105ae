package dev.warmreach.execute.simulated;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Touch;
import dev.warmreach.execute.Executor;
import dev.warmreach.simulation.SimulatedNetwork;
import dev.warmreach.simulation.Truth;
import dev.warmreach.store.SimulatedReaction;
import dev.warmreach.store.SimulatedReactions;
import dev.warmreach.store.Touches;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Dry runs: touches go to the simulated network instead of LinkedIn. The network's reactions are
 * stored to arrive at their (virtual) time; a warm-up that found no post is marked skipped.
 * Delivery is recorded in a {@link DeliveryLog} first. The network is the receiver and can be
 * asked: a touch carried out again after a crash (delivered, then killed before the store heard) is
 * not delivered a second time — the network's answer stands and only the store catches up.
 */
public final class SimulatedExecutor implements Executor {

  private final Touches touches;
  private final SimulatedReactions reactions;
  private final SimulatedNetwork network;
  private final Truth truth;
  private final DeliveryLog log;
  private final SimulatedSignals signals;

  public SimulatedExecutor(
      Touches touches, SimulatedReactions reactions, long seed, Truth truth, DeliveryLog log) {
    this(touches, reactions, seed, truth, log, null);
  }

  /**
   * A network whose prospects also show {@code signals} (drawn from the same seed): a touch soon
   * after one is answered more often, as in the forecast; {@code null} for none.
   */
  public SimulatedExecutor(
      Touches touches,
      SimulatedReactions reactions,
      long seed,
      Truth truth,
      DeliveryLog log,
      SimulatedSignals signals) {
    this.touches = touches;
    this.reactions = reactions;
    this.network = new SimulatedNetwork(seed);
    this.truth = truth;
    this.log = log;
    this.signals = signals;
  }

  @Override
  public Set<Channel> channels() {
    return EnumSet.allOf(Channel.class);
  }

  @Override
  public boolean storeOnly() {
    return true;
  }

  @Override
  public void execute(Touch touch) {
    if (!log.received(touch.idempotencyKey())) {
      log.deliver(touch.idempotencyKey());
    }
    SimulatedReactions.PastContact past = reactions.pastContact(touch.prospectId());
    List<SimulatedNetwork.Reaction> reactions =
        network.reactions(
            touch.prospectId(),
            truth,
            touch.channel(),
            touch.withNote(),
            true,
            past.engaged(),
            past.touchedOnLinkedIn(),
            signals == null ? 1.0 : signals.lift(touch.prospectId(), touch.dueAt()),
            touch.dueAt());
    List<SimulatedReaction> later = new ArrayList<>();
    boolean landed = touch.channel() != Channel.ENGAGE;
    for (SimulatedNetwork.Reaction r : reactions) {
      if (r.response() == SimulatedNetwork.Response.ENGAGED) {
        landed = true;
      } else {
        later.add(
            new SimulatedReaction(
                touch.prospectId(),
                r.response().name(),
                r.channel(),
                r.at(),
                touch.idempotencyKey()
                    + ":"
                    + r.response().name().toLowerCase(java.util.Locale.ROOT)));
      }
    }
    this.reactions.scheduleReactions(later);
    touches.finishDryRunTouch(
        touch, landed ? Touch.Status.DONE : Touch.Status.SKIPPED, touch.dueAt());
  }
}
