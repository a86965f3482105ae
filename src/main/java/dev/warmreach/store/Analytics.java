package dev.warmreach.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Counts for the dashboard, the reports and monitoring, computed in the database: campaign results,
 * weekly activity, enrollments by status, the engine's backlog, and the decisions kept for users.
 * Each method is one transaction; implementations are thread-safe.
 */
public interface Analytics {

  CampaignStats campaignStats(long campaignId);

  /** Every campaign's enrollments by status (ACTIVE, REPLIED, …), keyed by campaign id. */
  Map<Long, Map<String, Long>> enrollmentCounts();

  /**
   * Touches done and replies received per week (Monday 00:00 UTC) of the weeks that start at or
   * after {@code since}, oldest first; weeks with neither are left out. Read from the running
   * totals: a person's first reply counts for each campaign that had reached them before it.
   *
   * @param campaignId one campaign's; {@code null} for all campaigns' added up
   */
  List<WeeklyActivity> weeklyActivity(Long campaignId, Instant since);

  /** Touches by channel and status, and what is due at {@code now}: for monitoring. */
  Operations operations(Instant now);

  /**
   * Every campaign's carried-out requests, messages, InMails and emails, counted by what the
   * adaptive policy sees of the person, with their outcomes: a touch done at or before {@code
   * closedBefore} (its outcome window has passed) succeeded if the person accepted it (a request)
   * or answered on its channel after it, and failed otherwise; a later touch is only sent.
   */
  List<OutcomeCount> outcomeCounts(Instant closedBefore);

  /**
   * Per campaign, how many prospects it enrolled and how many of them carry each tag: what its
   * learned segments are split by ({@link dev.warmreach.policy.SegmentTags}).
   */
  Map<Long, TagCarriers> tagCarriers();

  /** The latest decisions of a campaign, newest first. */
  List<DecisionRecord> decisions(long campaignId, Long prospectId, int limit);
}
