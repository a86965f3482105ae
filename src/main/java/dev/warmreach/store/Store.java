package dev.warmreach.store;

import dev.warmreach.domain.Campaign;
import dev.warmreach.domain.Channel;
import dev.warmreach.domain.EmailAddress;
import dev.warmreach.domain.Enrollment;
import dev.warmreach.domain.Event;
import dev.warmreach.domain.ProfileUrl;
import dev.warmreach.domain.Prospect;
import dev.warmreach.domain.ProspectProfile;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.domain.Touch;
import dev.warmreach.quota.AccountState;
import dev.warmreach.sequence.Advance;
import dev.warmreach.sequence.ProspectState;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything Warmreach keeps. Each method is one transaction: it lands whole or not at all.
 * Implementations are thread-safe.
 */
public interface Store extends AutoCloseable {

  /**
   * Stores new people and updates known ones (matched by profile URL, else by email), leaving out
   * anyone on the do-not-contact list. Profiles for the same person must be merged by the caller.
   */
  ProspectWrite saveProspects(List<ProspectProfile> profiles);

  /**
   * What {@link #saveProspects} would do with these profiles (created, updated, unchanged, kept
   * out), writing nothing: the preview of an import.
   */
  ProspectWrite previewProspects(List<ProspectProfile> profiles);

  List<Prospect> prospects(ProspectQuery query);

  long countProspects(ProspectQuery query);

  Optional<Prospect> prospect(long id);

  /** The stored prospects among {@code ids}, by id, in one query; erased ones are missing. */
  Map<Long, Prospect> prospectsById(Collection<Long> ids);

  Optional<Prospect> prospectByUrl(ProfileUrl url);

  /**
   * Erases a person on request: their row goes, and hashed do-not-contact entries for their profile
   * URL and email take its place. Empty when there is no such prospect.
   */
  Optional<Prospect> forgetProspect(long id);

  /** Adds an account; false when an account with that name exists already. */
  boolean addAccount(SenderAccount account);

  List<SenderAccount> accounts();

  Optional<SenderAccount> account(String name);

  /**
   * Puts a profile URL or an email on the do-not-contact list (exactly one of the two), and marks a
   * stored prospect with it as do-not-contact. False when it was listed already.
   */
  boolean addDoNotContact(ProfileUrl url, EmailAddress email, String reason);

  List<DoNotContactEntry> doNotContactList();

  /** Whether either address is on the do-not-contact list; either may be {@code null}. */
  boolean isDoNotContact(ProfileUrl url, EmailAddress email);

  // Campaigns and their durable sequences

  /** Stores a new campaign; empty when one with that name exists already. */
  Optional<StoredCampaign> createCampaign(Campaign campaign, String definition);

  List<StoredCampaign> campaigns();

  Optional<StoredCampaign> campaign(String name);

  void setCampaignStatus(long campaignId, Campaign.Status status);

  /**
   * Enrolls prospects (ids assigned here); a prospect already in the campaign is left as it is.
   * Returns how many were enrolled.
   */
  int enroll(List<Enrollment> enrollments);

  /** Stores an account's state unless it has one already; returns the stored state. */
  AccountState ensureAccountState(AccountState initial);

  Optional<AccountState> accountState(String account);

  /**
   * Active enrollments of active campaigns due at or before {@code now}, soonest first. Enrollments
   * held back by an account's limits are not among them: they wait in their account's queue.
   */
  List<Long> dueEnrollments(Instant now, int limit);

  /**
   * Wakes the oldest enrollment of each account queue (enrollments held back by that account's
   * limits on one channel) whose account can act on the channel again at {@code now}: it becomes
   * due at {@code now}. Returns how many were woken.
   */
  int wakeQueued(Instant now, int limit);

  /**
   * Runs one engine step for an enrollment in one transaction: loads it with the prospect and the
   * account, runs {@code work}, and saves all three with version checks, with the touches (keyed,
   * so a replayed step adds none) and decisions. Empty when the enrollment is not due, not active,
   * or another worker moved it first.
   */
  Optional<Advance> advance(long enrollmentId, Instant now, StepWork work);

  /**
   * Records an event once (a repeated idempotency key is a duplicate: false), applies it to the
   * prospect's history and the accounts that contacted them, and wakes their enrollments.
   */
  boolean recordEvent(Event event);

  List<Touch> plannedTouches(int limit);

  /**
   * Claims up to {@code limit} planned touches on {@code channels} for {@code node} to carry out,
   * oldest due first: each is claimed by one node at a time, until {@code claimUntil}. A touch
   * whose claim has lapsed (its node crashed) can be claimed again; the executor's idempotency key
   * guards the send. A touch whose delivery waits for a retry is left until the retry is due.
   */
  List<Touch> claimTouches(
      String node, Set<Channel> channels, Instant now, Instant claimUntil, int limit);

  /** A workspace setting as stored (JSON), e.g. {@code smtp}; empty when not set. */
  Optional<String> setting(String name);

  /** Sets a workspace setting, replacing what was there. */
  void saveSetting(String name, String json);

  /** Removes a workspace setting; false when it was not set. */
  boolean removeSetting(String name);

  /** Touches by channel and status, and what is due at {@code now}: for monitoring. */
  Operations operations(Instant now);

  /** The touch with this number. */
  Optional<Touch> touch(long id);

  /**
   * Planned touches due at or before {@code dueBy}, oldest first: the task inbox.
   *
   * @param account only this sender account's; {@code null} for all
   */
  List<Touch> dueTouches(Instant dueBy, String account, int limit);

  /**
   * How many planned touches each sender account has due at or before its own time: the size of
   * each account's task inbox, counted in one pass without loading it.
   *
   * @param dueBy per account name, the latest due time that counts (e.g. the end of its today)
   * @return per account of {@code dueBy}, its count (0 when none)
   */
  Map<String, Long> countDueTouches(Map<String, Instant> dueBy);

  /**
   * Finishes a planned touch as {@link #finishTouch(String, Touch.Status, Instant)} does, keeping
   * why it was skipped or failed.
   */
  boolean finishTouch(String idempotencyKey, Touch.Status status, Instant at, String outcome);

  /** Marks a planned touch done or skipped; false when it was not planned (already handled). */
  boolean finishTouch(String idempotencyKey, Touch.Status status, Instant at);

  List<Touch> touches(long prospectId);

  /** The events recorded for a prospect, oldest first. */
  List<StoredEvent> events(long prospectId);

  Optional<ProspectState> prospectState(long prospectId);

  List<Enrollment> enrollments(long campaignId, int limit);

  /** A prospect's enrollments in every campaign, in the order they were enrolled. */
  List<Enrollment> enrollmentsOf(long prospectId);

  /** One page of a campaign's enrollments, by prospect number, for paging. */
  List<Enrollment> enrollments(long campaignId, int limit, int offset);

  /** How many prospects the campaign has enrolled, whatever their status. */
  long countEnrollments(long campaignId);

  CampaignStats campaignStats(long campaignId);

  /** Every campaign's enrollments by status (ACTIVE, REPLIED, …), keyed by campaign id. */
  Map<Long, Map<String, Long>> enrollmentCounts();

  /**
   * Touches done and replies received per week (Monday 00:00 UTC) since {@code since}, oldest
   * first; weeks with neither are left out. Counted in the database: one row per week.
   *
   * @param campaignId one campaign's touches and its prospects' replies; {@code null} for all
   */
  List<WeeklyActivity> weeklyActivity(Long campaignId, Instant since);

  /** The latest decisions of a campaign, newest first. */
  List<DecisionRecord> decisions(long campaignId, Long prospectId, int limit);

  /** The earliest time anything is due: an enrollment step or a simulated reaction. */
  Optional<Instant> nextDue();

  // The simulated network's pending reactions, for dry runs

  void scheduleReactions(List<SimulatedReaction> reactions);

  /**
   * Turns reactions due by {@code now} into recorded events, in one transaction: none is lost and
   * none applied twice. Returns how many were applied.
   */
  int applyDueReactions(Instant now, int limit);

  // Email and webhook deliveries (see Delivery)

  /**
   * The touch with the key, its prospect and campaign; empty when there is no such touch (its
   * prospect was erased, say).
   */
  Optional<OutboundTouch> outboundTouch(String touchKey);

  /**
   * The delivery of a touch by {@code kind}, started as {@link Delivery.Status#PENDING} and due at
   * {@code now} unless the touch has one already, which is returned as it is.
   */
  Delivery openDelivery(String touchKey, Delivery.Kind kind, String target, Instant now);

  Optional<Delivery> delivery(long id);

  /**
   * Starts an attempt: a pending, due delivery that has had {@code attempts} attempts moves to
   * {@code claimedAs} with one more attempt and its next attempt at {@code claimUntil}. False when
   * it was not due or another sender claimed it first (a value, not an error).
   */
  boolean claimDelivery(
      long id, int attempts, Delivery.Status claimedAs, Instant now, Instant claimUntil);

  /**
   * Puts a delivery back to pending after a failed attempt, to be tried at {@code nextAttemptAt}.
   */
  void retryDelivery(long id, Instant nextAttemptAt, String error, Instant now);

  /**
   * Settles a delivery as {@code outcome} and, in the same transaction, marks its touch {@code
   * touchOutcome} unless that is {@code null}. A touch is changed while planned, or from failed to
   * done when a replayed dead letter went out; returns whether it changed.
   */
  boolean settleDelivery(
      long id, Delivery.Status outcome, String reason, Touch.Status touchOutcome, Instant now);

  /** Pending deliveries of a kind due by {@code now}, soonest first. */
  List<Delivery> dueDeliveries(Delivery.Kind kind, Instant now, int limit);

  /** Deliveries of a kind in a status, oldest first. */
  List<Delivery> deliveries(Delivery.Kind kind, Delivery.Status status, int limit);

  /**
   * Gives a dead letter a fresh set of attempts, the first due at {@code now}; false when it is not
   * a dead letter.
   */
  boolean replayDelivery(long id, Instant now);

  @Override
  void close();
}
