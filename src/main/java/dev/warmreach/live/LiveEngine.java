package dev.warmreach.live;

import dev.warmreach.domain.Campaign;
import dev.warmreach.domain.Event;
import dev.warmreach.domain.Touch;
import dev.warmreach.execute.Executor;
import dev.warmreach.quota.AccountLimits;
import dev.warmreach.quota.AccountState;
import dev.warmreach.sequence.Advance;
import dev.warmreach.sequence.Command;
import dev.warmreach.store.Campaigns;
import dev.warmreach.store.DueTimes;
import dev.warmreach.store.EngineSteps;
import dev.warmreach.store.SenderAccounts;
import dev.warmreach.store.SimulatedReactions;
import dev.warmreach.store.StoredCampaign;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * The live driver: one {@link #runDue} pass applies due events, withdraws stale invitations, moves
 * every due enrollment one engine step (with version checks, so several nodes can share the work;
 * the pass's steps in one transaction), and hands planned touches to the executor. The scheduler
 * calls it in a loop; the demo calls it with a settable clock. Thread-safe.
 */
public final class LiveEngine {

  private static final int BATCH = 500;

  /**
   * How much work (steps, touches, events) a catch-up run does in one transaction: about a second
   * of it, which halved a dry run's time against 200; other writers wait that long at most.
   */
  private static final int CATCH_UP_WORK = 1000;

  /** Passes at one instant before the instant is given up on: no step repeats that often. */
  private static final int MAX_PASSES = 1000;

  private static final BooleanSupplier NEVER = () -> false;

  /**
   * How long a node holds the touches it claimed: longer than any executor takes for one batch, so
   * a touch is never carried out by two nodes at once; short enough that a crashed node's touches
   * are soon picked up by another.
   */
  static final Duration CLAIM = Duration.ofMinutes(2);

  private final EngineSteps engineSteps;
  private final SimulatedReactions reactions;
  private final Campaigns campaigns;
  private final SenderAccounts accounts;
  private final CampaignEngines engines;
  private final Executor executor;
  private final SignalSource signals;
  private final String node;
  private final AtomicLong steps = new AtomicLong();
  // CLAIM as the engine's clock counts it: longer on a sped-up clock (see claimOn).
  private volatile Duration claim = CLAIM;
  // Stale invitations are looked for at most hourly: the age limit counts in days.
  private volatile Instant lastWithdrawalCheck;
  // The first pass looks for campaigns that finished while no node ran.
  private volatile boolean finishedCampaignsChecked;

  /** An engine on a node of its own name, unique per instance. */
  public LiveEngine(
      EngineSteps engineSteps,
      SimulatedReactions reactions,
      Campaigns campaigns,
      SenderAccounts accounts,
      CampaignEngines engines,
      Executor executor) {
    this(
        engineSteps,
        reactions,
        campaigns,
        accounts,
        engines,
        executor,
        "node-" + UUID.randomUUID());
  }

  /**
   * @param engines each campaign's engine
   * @param node this node's name in touch claims; unique among the nodes sharing the database
   */
  public LiveEngine(
      EngineSteps engineSteps,
      SimulatedReactions reactions,
      Campaigns campaigns,
      SenderAccounts accounts,
      CampaignEngines engines,
      Executor executor,
      String node) {
    this(engineSteps, reactions, campaigns, accounts, engines, executor, node, SignalSource.NONE);
  }

  /**
   * As the constructor above, also taking the buying signals of {@code signals} at their times (a
   * dry run's simulated network).
   */
  public LiveEngine(
      EngineSteps engineSteps,
      SimulatedReactions reactions,
      Campaigns campaigns,
      SenderAccounts accounts,
      CampaignEngines engines,
      Executor executor,
      String node,
      SignalSource signals) {
    this.engineSteps = Objects.requireNonNull(engineSteps, "engineSteps");
    this.reactions = Objects.requireNonNull(reactions, "reactions");
    this.campaigns = Objects.requireNonNull(campaigns, "campaigns");
    this.accounts = Objects.requireNonNull(accounts, "accounts");
    this.engines = Objects.requireNonNull(engines, "engines");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.node = node;
    this.signals = Objects.requireNonNull(signals, "signals");
  }

  /**
   * Makes the touch claims outlast a batch of real time on {@code engineClock}, the clock this
   * engine's passes are run at: on a clock N times faster than real, a claim spans N times as long,
   * so another node does not take a touch this one is still carrying out.
   */
  public void claimOn(Clock engineClock) {
    claim = ScaledClock.span(engineClock, CLAIM);
  }

  /** This node's name, as its touch claims carry it. */
  public String node() {
    return node;
  }

  /** One pass at {@code now}; returns how much work it did (0 when nothing was due). */
  public int runDue(Instant now) {
    return runDue(now, NEVER);
  }

  /**
   * One pass at {@code now} that ends early, between two steps, once {@code stopping} says so.
   * Events, queue wake-ups and engine steps run in one transaction, so a pass over many due
   * enrollments pays for one commit; a step that loses a race to another node is undone alone.
   * Touches are carried out after it commits (inside a transaction of their own only when the
   * executor writes nothing but the store), so no transaction waits on a mail server. Touches
   * claimed and not yet carried out stay planned.
   */
  public int runDue(Instant now, BooleanSupplier stopping) {
    return runDue(now, null, stopping);
  }

  /**
   * A pass that looks only at the kinds of work {@code due} (read just before) says are due at
   * {@code now}, or at all of them when it is {@code null}.
   */
  private int runDue(Instant at, DueTimes due, BooleanSupplier stopping) {
    Instant now = at.truncatedTo(ChronoUnit.MILLIS);
    Pass pass = new Pass();
    int moved = engineSteps.together(() -> moveDue(now, due, pass, stopping));
    if (pass.finishedEnrollment || !finishedCampaignsChecked) {
      // Only a pass that finished an enrollment can have finished its campaign: most passes of a
      // catch-up run move enrollments on without ending any, and pay nothing here.
      finishedCampaignsChecked = true;
      campaigns.completeFinishedCampaigns(now);
    }
    if (stopping.getAsBoolean()) {
      return moved;
    }
    if (due != null && !pass.plannedTouch && !due.touchesDue(now)) {
      // Nothing planned by this pass and nothing claimable before it: no claim to look for (in a
      // dry run most passes only wait or decide, and each look is a round trip).
      return moved + executor.runDue();
    }
    return moved
        + (executor.storeOnly()
            ? engineSteps.together(() -> carryOut(now, stopping))
            : carryOut(now, stopping));
  }

  /** What one pass did that decides what follows it. */
  private static final class Pass {
    boolean plannedTouch;
    boolean finishedEnrollment;
  }

  private int moveDue(Instant now, DueTimes due, Pass pass, BooleanSupplier stopping) {
    int work = signals.takeDue(now);
    work += due == null || due.reactionsDue(now) ? reactions.applyDueReactions(now, BATCH) : 0;
    if (lastWithdrawalCheck == null
        || !now.isBefore(lastWithdrawalCheck.plus(Duration.ofHours(1)))) {
      lastWithdrawalCheck = now;
      work += withdrawStaleInvitations(now);
    }
    List<Long> woken =
        due == null || due.queuesDue(now) ? engineSteps.wakeQueued(now, BATCH) : List.of();
    if (due != null && work == 0 && woken.isEmpty() && !due.enrollmentsDue(now)) {
      return 0;
    }
    // Nothing but steps and queue wake-ups changed due times since they were read (a catch-up's
    // pass that only wakes and steps): the enrollments read with them and those woken are those
    // due, and need no read of their own.
    Optional<List<Long>> known =
        due != null && work == 0 ? due.dueAt(now, BATCH, woken) : Optional.empty();
    work += woken.size();
    for (long id : known.isPresent() ? known.get() : engineSteps.dueEnrollments(now, BATCH)) {
      if (stopping.getAsBoolean()) {
        return work;
      }
      Optional<Advance> advanced =
          engineSteps.advance(
              id,
              now,
              (e, p, a) -> {
                steps.incrementAndGet();
                return engines.engine(e.campaignId()).advance(e, p, a, now);
              });
      if (advanced.isPresent()) {
        work++;
        pass.plannedTouch |=
            advanced.get().commands().stream().anyMatch(c -> c instanceof Command.Send);
        pass.finishedEnrollment |= !advanced.get().enrollment().isActive();
      }
    }
    return work;
  }

  private int carryOut(Instant now, BooleanSupplier stopping) {
    int work = 0;
    for (Touch touch :
        engineSteps.claimTouches(node, executor.channels(), now, now.plus(claim), BATCH)) {
      if (stopping.getAsBoolean()) {
        return work;
      }
      executor.execute(touch);
      work++;
    }
    return work + executor.runDue();
  }

  /**
   * How many engine steps this engine has taken (each a look at one due enrollment, whether it
   * moved or not): what a pass costs, for benchmarks and monitoring.
   */
  public long stepsTaken() {
    return steps.get();
  }

  /** Runs passes at {@code now} until one finds nothing to do. */
  public int runUntilIdle(Instant now) {
    return runUntilIdle(now, NEVER);
  }

  /** Runs passes at {@code now} until one finds nothing to do or {@code stopping} says so. */
  public int runUntilIdle(Instant now, BooleanSupplier stopping) {
    int total = 0;
    for (int pass = 0; pass < MAX_PASSES && !stopping.getAsBoolean(); pass++) {
      int work = runDue(now, stopping);
      total += work;
      if (work == 0) {
        break;
      }
    }
    return total;
  }

  /**
   * Runs everything due up to {@code target} in time order, each at its own due time: for dry runs
   * and the demo, where the clock jumps ahead faster than one pass per action. With an executor
   * that writes only to the store, runs of many due times share one transaction.
   */
  public int runUntil(Instant target) {
    return runUntil(target, NEVER);
  }

  /** As {@link #runUntil(Instant)}, ending between two steps once {@code stopping} says so. */
  public int runUntil(Instant target, BooleanSupplier stopping) {
    CatchUp run = new CatchUp(target.truncatedTo(ChronoUnit.MILLIS), stopping);
    while (!run.finished) {
      if (executor.storeOnly()) {
        engineSteps.together(() -> run.passes(CATCH_UP_WORK));
      } else {
        run.passes(1);
      }
    }
    return run.total;
  }

  /**
   * A run up to a target, one pass at each due time in turn. A due time at which a pass finds
   * nothing to do (something due that cannot move), or where passes keep finding work, is left for
   * the target, so the run always ends.
   */
  private final class CatchUp {
    private final Instant target;
    private final BooleanSupplier stopping;
    private Instant last;
    private int passesAtLast;
    private int total;
    private boolean finished;

    CatchUp(Instant target, BooleanSupplier stopping) {
      this.target = target;
      this.stopping = stopping;
    }

    /** Runs passes until they have done about {@code budget} units of work or the run ends. */
    Void passes(int budget) {
      for (int spent = 0; spent < budget && !finished; ) {
        if (stopping.getAsBoolean()) {
          finished = true;
          return null;
        }
        DueTimes due = engineSteps.dueTimes();
        Optional<Instant> next =
            earliest(due.next(), signals.nextAt()).map(LiveEngine::wholeMillis);
        Instant at = next.isEmpty() || next.get().isAfter(target) ? target : next.get();
        if (last != null && at.isBefore(last)) {
          at = last;
        }
        passesAtLast = at.equals(last) ? passesAtLast + 1 : 0;
        int work = runDue(at, due, stopping);
        total += work;
        spent += Math.max(work, 1);
        boolean stuck = at.equals(last) && (work == 0 || passesAtLast >= MAX_PASSES);
        if (at.equals(target) && (work == 0 || passesAtLast >= MAX_PASSES)) {
          finished = true;
        } else if (stuck) {
          last = target;
          passesAtLast = 0;
        } else {
          last = at;
        }
      }
      return null;
    }
  }

  /**
   * {@code at}, or the next whole millisecond after it: the store keeps milliseconds, so a pass at
   * a finer instant would act before a signal due then, or find an account free a fraction of a
   * millisecond after its queue wakes, and spin at that instant.
   */
  private static Instant wholeMillis(Instant at) {
    Instant millis = at.truncatedTo(ChronoUnit.MILLIS);
    return millis.equals(at) ? at : millis.plusMillis(1);
  }

  private static Optional<Instant> earliest(Optional<Instant> a, Optional<Instant> b) {
    if (a.isEmpty()) {
      return b;
    }
    return b.isPresent() && b.get().isBefore(a.get()) ? b : a;
  }

  /** Makes sure every account of a campaign about to run has stored limits. */
  public static void prepareAccounts(SenderAccounts accounts, Campaign campaign, Instant now) {
    for (String name : campaign.senderAccounts()) {
      accounts
          .account(name)
          .ifPresent(
              account ->
                  accounts.ensureAccountState(
                      AccountState.open(account, AccountLimits.defaultsFor(account), now)));
    }
  }

  private int withdrawStaleInvitations(Instant now) {
    int withdrawn = 0;
    List<StoredCampaign> active =
        campaigns.campaigns().stream()
            .filter(stored -> stored.campaign().status() == Campaign.Status.ACTIVE)
            .toList();
    Set<String> names = new LinkedHashSet<>();
    active.forEach(stored -> names.addAll(stored.campaign().senderAccounts()));
    // One read for every account's state (a round trip each on PostgreSQL, hourly).
    Map<String, AccountState> states = accounts.accountStates(names);
    for (StoredCampaign stored : active) {
      for (String name : stored.campaign().senderAccounts()) {
        Optional<AccountState> state = Optional.ofNullable(states.get(name));
        if (state.isEmpty()) {
          continue;
        }
        for (long prospect : state.get().invitationsToWithdraw(now)) {
          Instant sent = state.get().pending().sentAt().get(prospect);
          String key = "withdraw:" + name + ":" + prospect + ":" + sent.toEpochMilli();
          if (engineSteps.recordEvent(new Event.Withdrawn(prospect, now, key))) {
            withdrawn++;
          }
        }
      }
    }
    return withdrawn;
  }
}
