package dev.warmreach.store;

import dev.warmreach.domain.PostLink;
import dev.warmreach.domain.Touch;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Email and webhook deliveries of touches (see {@link Delivery}): attempts claimed by one sender at
 * a time, retries, dead letters and their replay. Each method is one transaction; implementations
 * are thread-safe.
 */
public interface Deliveries {

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
   * Keeps with a touch the post it engaged with, when its warm-up named none and the executor found
   * their latest post itself; a touch that names a post keeps its own.
   */
  void notePost(String touchKey, PostLink post);

  /**
   * Starts an attempt: a pending, due delivery that has had {@code attempts} attempts moves to
   * {@code claimedAs} with one more attempt and its next attempt at {@code claimUntil}. False when
   * it was not due or another sender claimed it first (a value, not an error).
   */
  boolean claimDelivery(
      long id, int attempts, Delivery.Status claimedAs, Instant now, Instant claimUntil);

  /**
   * Records the sent-marker of attempt {@code attempts}: the claimed ({@link
   * Delivery.Status#SENDING}) delivery moves to {@link Delivery.Status#HANDING_OVER}. False when
   * the claim is no longer this attempt's, and then nothing may be handed over.
   */
  boolean markHandingOver(long id, int attempts, Instant now);

  /**
   * Takes back a {@link Delivery.Status#SENDING} claim of attempt {@code attempts} that lapsed
   * before its sent-marker (its sender died before handing anything over): pending again, due at
   * {@code now}. False when it was not so (another sender took it back first, or it moved on).
   */
  boolean reopenLapsedClaim(long id, int attempts, Instant now);

  /**
   * Puts a delivery back to pending after a failed attempt, to be tried at {@code nextAttemptAt}.
   */
  void retryDelivery(long id, Instant nextAttemptAt, String error, Instant now);

  /**
   * Puts off a pending delivery due at {@code now} until {@code until}, without counting an attempt
   * (its sender may not act before then, e.g. outside its working hours); false when another sender
   * has claimed or settled it since it was read with {@code attempts}.
   */
  boolean holdDelivery(long id, int attempts, Instant until, String reason, Instant now);

  /**
   * Settles a delivery as {@code outcome} and, in the same transaction, marks its touch {@code
   * touchOutcome} unless that is {@code null}. A touch is changed while planned, or from failed to
   * done when a replayed dead letter went out; returns whether it changed. A touch done or
   * uncertain takes the time its attempt began (the claim as {@link Delivery.Status#SENDING}, or
   * the hand-over) as the time it was carried out, else {@code now}.
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

  /**
   * The prospects' outcomes of {@code kinds} stored since the webhook last queued, oldest first, at
   * most {@code limit}. The first call finds none and starts from the newest stored event, so
   * outcomes stored before the webhook ran are never posted.
   */
  List<OutcomeEvent> unqueuedOutcomes(java.util.Set<String> kinds, int limit);

  /**
   * Campaigns marked completed (with the time they finished) whose {@code campaign.finished} is not
   * queued yet, by the time they finished, at most {@code limit}; queued by the key {@code
   * campaign.finished:<id>:<finished at, epoch ms>}, so a campaign that reopened and finished again
   * is posted again.
   */
  List<FinishedCampaign> unqueuedFinishedCampaigns(int limit);

  /**
   * Queues outcomes for the webhook, each once by its key (one queued already is left as it is),
   * due at {@code now}, and moves the read position on to {@code lastSourceId}.
   */
  void queueWebhookEvents(List<WebhookEvent.New> events, long lastSourceId, Instant now);

  /**
   * Outcomes and campaign ends posted to the webhook that failed on every attempt (dead letters),
   * given up longest ago first.
   */
  List<WebhookEvent> deadWebhookEvents(int limit);

  /**
   * Gives a dead outcome a fresh set of attempts, the first due at {@code now}; false when it is
   * not a dead letter.
   */
  boolean replayWebhookEvent(long id, Instant now);

  /** Webhook events due by {@code now}: pending ones and claims that lapsed, oldest first. */
  List<WebhookEvent> dueWebhookEvents(Instant now, int limit);

  /**
   * Starts an attempt of a due webhook event that has had {@code attempts}: claimed until {@code
   * claimUntil}. False when another sender claimed it first.
   */
  boolean claimWebhookEvent(long id, int attempts, Instant now, Instant claimUntil);

  /**
   * Settles an attempt: {@link WebhookEvent.Status#SENT}, {@link WebhookEvent.Status#DEAD}, or
   * {@link WebhookEvent.Status#PENDING} again at {@code nextAttemptAt} with the error.
   */
  void settleWebhookEvent(
      long id, WebhookEvent.Status status, Instant nextAttemptAt, String error, Instant now);
}
