package dev.warmreach.execute.simulated;

import dev.warmreach.domain.Event;
import dev.warmreach.domain.Prospect;
import dev.warmreach.live.SignalIntake;
import dev.warmreach.live.SignalSource;
import dev.warmreach.simulation.SimulatedNetwork;
import dev.warmreach.simulation.Truth;
import dev.warmreach.store.EngineSteps;
import dev.warmreach.store.ProspectQuery;
import dev.warmreach.store.Prospects;
import dev.warmreach.store.SignalFeed.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * The buying signals of a dry run's simulated network, drawn as the forecast draws them (SPEC §6):
 * each stored prospect signals {@code truth.signalsPerMonth()} times a month on average, from the
 * dry run's start, at times that are a pure function of the seed and the prospect. Heard, each goes
 * through the {@link SignalIntake} at its simulated time, as the events API would take it; not
 * heard (as {@code forecast --ignore-signals}), the world is the same and the engine is blind.
 * Either way a touch soon after a signal gets the truth's lift ({@link #lift}). Thread-safe.
 */
public final class SimulatedSignals implements SignalSource {

  /** How far ahead signals are drawn at a time; the stored prospects are read again then. */
  private static final Duration AHEAD = Duration.ofDays(30);

  /** How far ahead of the start signals are drawn at most, for a workspace with few signals. */
  private static final Duration HORIZON = Duration.ofDays(3650);

  private static final String KEY = "simulated-signal:";

  private final SimulatedNetwork network;
  private final long seed;
  private final Truth truth;
  private final Instant from;
  private final boolean heard;
  private final Prospects prospects;
  private final EngineSteps engineSteps;
  private final SignalIntake intake;
  private final PriorityQueue<Event.Signal> pending =
      new PriorityQueue<>(Comparator.comparing(Event.Signal::at));
  private Instant drawnUntil;
  private long taken;
  private long actedOn;

  /**
   * @param seed the simulated network's seed
   * @param truth how the network behaves, with its signal rate, lift and window
   * @param from when the dry run's timeline began: signals are drawn from then
   * @param heard whether the engine hears them
   */
  public SimulatedSignals(
      long seed,
      Truth truth,
      Instant from,
      boolean heard,
      Prospects prospects,
      EngineSteps engineSteps,
      SignalIntake intake) {
    this.network = new SimulatedNetwork(seed);
    this.seed = seed;
    this.truth = Objects.requireNonNull(truth, "truth");
    // Whole milliseconds, as the store keeps a signal's time: a signal stored is the one drawn.
    this.from = Objects.requireNonNull(from, "from").truncatedTo(ChronoUnit.MILLIS);
    this.heard = heard;
    this.prospects = Objects.requireNonNull(prospects, "prospects");
    this.engineSteps = Objects.requireNonNull(engineSteps, "engineSteps");
    this.intake = Objects.requireNonNull(intake, "intake");
    this.drawnUntil = from;
  }

  /** The network's truth, signals included. */
  public Truth truth() {
    return truth;
  }

  /** How much a touch to {@code prospectId} at {@code at} is lifted by a signal shortly before. */
  public double lift(long prospectId, Instant at) {
    return network.signalLift(prospectId, truth, from, at);
  }

  @Override
  public synchronized Optional<Instant> nextAt() {
    if (!heard || truth.signalsPerMonth() <= 0) {
      return Optional.empty();
    }
    while (pending.isEmpty() && drawnUntil.isBefore(from.plus(HORIZON))) {
      drawAhead();
    }
    return Optional.ofNullable(pending.peek()).map(Event.Signal::at);
  }

  @Override
  public synchronized int takeDue(Instant now) {
    int fresh = 0;
    while (nextAt().isPresent() && !nextAt().get().isAfter(now)) {
      Event.Signal signal = pending.poll();
      if (prospects.prospect(signal.prospectId()).isEmpty()) {
        continue; // forgotten since the signals were drawn
      }
      SignalIntake.Taken result = intake.take(signal);
      if (!result.duplicate()) {
        fresh++;
        taken++;
        if (result.outcome() == Outcome.ACTED || result.outcome() == Outcome.ENROLLED) {
          actedOn++;
        }
      }
    }
    return fresh;
  }

  /** How many signals this run heard, and how many of them woke or enrolled someone. */
  public synchronized String summary() {
    return taken + " heard, " + actedOn + " woke or enrolled someone";
  }

  /** Draws the next stretch of signals for every stored prospect. */
  private void drawAhead() {
    Instant until = drawnUntil.plus(AHEAD);
    for (long id : prospectIds()) {
      for (Event.Signal s : network.signals(id, truth, from, until)) {
        if (!s.at().isAfter(drawnUntil)) {
          continue;
        }
        Event.Signal keyed =
            new Event.Signal(
                id,
                s.at(),
                KEY
                    + seed
                    + ":"
                    + from.getEpochSecond()
                    + s.idempotencyKey().substring(KEY.length() - 1),
                s.kind(),
                s.detail());
        // A restarted dry run draws its timeline again: what the last run took stays taken.
        if (engineSteps.eventByKey(keyed.idempotencyKey()).isEmpty()) {
          pending.add(keyed);
        }
      }
    }
    drawnUntil = until;
  }

  private List<Long> prospectIds() {
    List<Long> ids = new ArrayList<>();
    for (int offset = 0; ; offset += ProspectQuery.MAX_LIMIT) {
      List<Prospect> page =
          prospects.prospects(
              new ProspectQuery(null, null, null, null, ProspectQuery.MAX_LIMIT, offset));
      page.forEach(p -> ids.add(p.id()));
      if (page.size() < ProspectQuery.MAX_LIMIT) {
        return ids;
      }
    }
  }
}
