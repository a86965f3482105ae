package dev.warmreach.store.jdbc;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Enrollment;
import dev.warmreach.domain.Event;
import dev.warmreach.domain.Prospect;
import dev.warmreach.domain.ProspectHistory;
import dev.warmreach.domain.Touch;
import dev.warmreach.quota.AccountState;
import dev.warmreach.sequence.Advance;
import dev.warmreach.sequence.ProspectState;
import dev.warmreach.store.DueTimes;
import dev.warmreach.store.EngineSteps;
import dev.warmreach.store.StepWork;
import dev.warmreach.store.jdbc.VersionedStates.Versioned;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * The live engine's steps in SQL. State moves forward with version checks, so a worker that lost a
 * race finds zero rows updated and gives up its step; touches are claimed with a conditional
 * update, so each has one claimant. Thread-safe.
 */
final class JdbcEngineSteps implements EngineSteps {

  private final Transactions db;
  private final AddressHash hash;
  private final String locking;
  private final boolean wakesAtOnce;

  /**
   * @param locking what locks a step's rows as it reads them ({@link Dialect#lockingStepRows})
   * @param wakesAtOnce whether the queues due can be read and woken in one statement ({@link
   *     Dialect#writesInWith})
   */
  JdbcEngineSteps(Transactions db, AddressHash hash, String locking, boolean wakesAtOnce) {
    this.db = db;
    this.hash = hash;
    this.locking = locking;
    this.wakesAtOnce = wakesAtOnce;
  }

  @Override
  public List<Long> dueEnrollments(Instant now, int limit) {
    return db.read(
        h ->
            h.createQuery(
                    "SELECT e.id FROM enrollment e JOIN campaign c ON c.id = e.campaign_id"
                        + " WHERE e.status = 'ACTIVE' AND e.waiting_channel IS NULL"
                        + " AND c.status = 'ACTIVE' AND e.next_due_at <= :now"
                        + " ORDER BY e.next_due_at, e.id LIMIT :limit")
                .bind("now", now)
                .bind("limit", limit)
                .mapTo(Long.class)
                .list());
  }

  @Override
  public List<Long> wakeQueued(Instant now, int limit) {
    if (wakesAtOnce && db.inRun()) {
      // A run's writes share its transaction, so a wake that finds nothing costs no more than the
      // read: the queues are read and woken in one statement (one round trip instead of two).
      return db.writeAtOnce(h -> AccountQueues.wakeAtOnce(h, now, limit));
    }
    // Read first: a pass with nothing due stays a read (no write, no savepoint). The head is chosen
    // inside the write and a wake time is cleared only if unchanged, so a stale read is harmless.
    List<AccountQueues.Wake> due = db.read(h -> AccountQueues.due(h, now, limit));
    if (due.isEmpty()) {
      return List.of();
    }
    // One statement per queue, none with a check that can fail after a write: no savepoint.
    return db.writeAtOnce(h -> AccountQueues.wake(h, due, now));
  }

  @Override
  public Optional<Advance> advance(long enrollmentId, Instant now, StepWork work) {
    try {
      // The step's rows are locked as it reads them, so only its first write can find it lost a
      // race (and then nothing is written yet): a run of steps needs no savepoint per step.
      return db.writeAtOnce(h -> advance(h, enrollmentId, now, work, locking));
    } catch (LostRace lost) {
      return Optional.empty();
    }
  }

  private static Optional<Advance> advance(
      Handle h, long enrollmentId, Instant now, StepWork work, String locking) {
    Optional<StepInputs> found = StepInputs.find(h, enrollmentId, locking);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Enrollment e = found.get().enrollment();
    if (!e.isActive() || e.nextDueAt() == null || e.nextDueAt().isAfter(now)) {
      return Optional.empty();
    }
    Versioned<ProspectHistory> history = found.get().requiredHistory();
    Prospect p = found.get().prospect();
    ProspectState prospect =
        new ProspectState(
            p.id(), p.profile(), p.doNotContact(), history.value(), found.get().facts());
    Versioned<AccountState> account = found.get().requiredAccount();
    AccountState current = account.value();
    Advance advance = work.step(e, prospect, current);
    Enrollment next = advance.enrollment();
    boolean historyChanged = !advance.history().equals(history.value());
    boolean accountChanged = !advance.account().equals(current);
    if (next.equals(e)
        && advance.commands().isEmpty()
        && advance.waitingFor() == null
        && !historyChanged
        && !accountChanged) {
      // Nothing moved: writing would only bump versions, and a pass that writes nothing is idle.
      return Optional.empty();
    }
    Channel waiting = next.isActive() ? advance.waitingFor() : null;
    int moved =
        h.createUpdate(
                "UPDATE enrollment SET step = :step, status = :status, entered_step_at = :entered,"
                    + " next_due_at = :due, waiting_channel = :waiting,"
                    + " signalled_at = CASE WHEN :held = 1 THEN signalled_at ELSE NULL END,"
                    + " version = version + 1 WHERE id = :id AND version = :version")
            .bind("step", next.step())
            .bind("status", next.status().name())
            .bind("entered", next.enteredStepAt())
            .bindByType("due", next.nextDueAt(), Instant.class)
            .bind("waiting", waiting == null ? null : waiting.name())
            // A signal keeps its place at the head of the queue while the enrollment is held.
            .bind("held", waiting == null ? 0 : 1)
            .bind("id", e.id())
            .bind("version", e.version())
            .execute();
    if (moved == 0) {
      throw new LostRace("enrollment " + e.id());
    }
    try {
      if (historyChanged) {
        VersionedStates.saveHistory(h, e.prospectId(), advance.history(), history.version());
      }
      if (accountChanged) {
        VersionedStates.saveAccount(h, advance.account(), account.version());
      }
    } catch (LostRace impossible) {
      // Read under lock (or with the database to ourselves): a race lost now would leave the
      // enrollment moved without its states, so it fails the whole transaction instead.
      throw new IllegalStateException("a step's locked state changed: " + impossible.getMessage());
    }
    if (waiting != null) {
      AccountQueues.held(h, advance.account(), waiting, now);
    } else if (accountChanged) {
      AccountQueues.changed(h, advance.account(), now);
    }
    StepRecords.save(h, e, next, advance.commands(), now);
    return Optional.of(advance);
  }

  @Override
  public boolean recordEvent(Event event) {
    // Events for one prospect race for its history and its accounts' states; the loser starts
    // again on what the winner wrote, so a caller never sees the race.
    return Retries.onLostRace(
        "event " + event.idempotencyKey(),
        () -> db.write(h -> EventRecords.record(h, event, hash)));
  }

  @Override
  public Optional<Event> eventByKey(String idempotencyKey) {
    return db.read(h -> EventRecords.byKey(h, idempotencyKey));
  }

  @Override
  public List<Touch> claimTouches(
      String node, Set<Channel> channels, Instant now, Instant until, int limit) {
    if (channels.isEmpty()) {
      return List.of();
    }
    if (db.inRun()) {
      // A run's writes share its transaction: a claim that finds nothing costs no more than the
      // read, so it claims in one statement (one round trip instead of two).
      return db.writeAtOnce(h -> TouchClaims.claimAtOnce(h, node, channels, now, until, limit));
    }
    // Read first: with nothing free to claim, a pass opens no write (nor, in a shared
    // transaction, a savepoint). The claim re-checks each touch, so a read that is stale by then
    // only loses a race.
    List<Touch> candidates = db.read(h -> TouchClaims.candidates(h, node, channels, now, limit));
    if (candidates.isEmpty()) {
      return List.of();
    }
    return db.writeAtOnce(h -> TouchClaims.claim(h, node, candidates, now, until));
  }

  @Override
  public Optional<Instant> nextDue() {
    return dueTimes().next();
  }

  /**
   * Each time is read in its index's order and stopped at the first row that counts (not a minimum
   * over every waiting row), so the read costs the same at 1,000 enrollments as at 50,000.
   */
  @Override
  public DueTimes dueTimes() {
    return db.read(
        h -> {
          List<Object[]> rows =
              h.createQuery(DUE_TIMES)
                  .map(
                      (rs, ctx) ->
                          new Object[] {
                            Instants.read(rs, 1),
                            Instants.read(rs, 2),
                            Instants.read(rs, 3),
                            rs.getObject(4) == null ? null : rs.getLong(4),
                            Instants.read(rs, 5)
                          })
                  .list();
          List<DueTimes.DueEnrollment> soonest = new ArrayList<>();
          for (Object[] row : rows) {
            if (row[3] != null) {
              soonest.add(new DueTimes.DueEnrollment((Long) row[3], (Instant) row[4]));
            }
          }
          Object[] first = rows.get(0);
          return new DueTimes(
              (Instant) first[0],
              (Instant) first[1],
              soonest.isEmpty() ? null : soonest.get(0).at(),
              (Instant) first[2],
              soonest);
        });
  }

  /** How many of the soonest due enrollments the due times bring along. */
  private static final int SOONEST = 16;

  /**
   * The due times of each kind (one row), joined with the first {@link #SOONEST} due enrollments (a
   * row each), soonest first.
   */
  private static final String DUE_TIMES =
      "SELECT x.r, x.q, x.t, s.id, s.next_due_at FROM (SELECT (SELECT min(due_at) FROM"
          + " simulated_reaction) AS r, ("
          + AccountQueues.NEXT_WAKE
          + ") AS q, (SELECT min(CASE WHEN claimed_until IS NULL OR claimed_until < due_at THEN"
          + " due_at ELSE claimed_until END) FROM touch WHERE status = 'PLANNED') AS t) x"
          + " LEFT JOIN (SELECT e.id, e.next_due_at FROM enrollment e JOIN campaign c ON c.id ="
          + " e.campaign_id WHERE e.status = 'ACTIVE' AND e.waiting_channel IS NULL AND"
          + " e.next_due_at IS NOT NULL AND c.status = 'ACTIVE' ORDER BY e.next_due_at, e.id"
          + " LIMIT "
          + SOONEST
          + ") s ON 1 = 1 ORDER BY s.next_due_at, s.id";

  @Override
  public <T> T together(Supplier<T> work) {
    return db.together(work);
  }
}
