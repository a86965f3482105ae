package dev.warmreach.domain;

import java.util.Set;

/**
 * How a campaign wants its prospects approached (SPEC §2).
 *
 * @param timeSensitive the outreach loses value if it waits: InMail is preferred for seniors
 * @param accountBased two or three named people at each company: InMail is preferred
 * @param highValue seniorities worth an InMail after a request goes unanswered
 * @param highValueTag a tag that marks a prospect high-value whatever their title
 * @param commentsNeedApproval whether the warm-up's drafted comments wait for the user's approval
 *     in the task inbox (the default) or go out with the like automatically
 * @param followUpsOnDaysOff whether a follow-up due in a window the account's working hours leave
 *     no time in (24–48 h after a Thursday-evening acceptance, Mon–Fri) goes on the day off inside
 *     the account's usual hours (the default), or waits for the next working day after the window
 */
public record CampaignSettings(
    boolean timeSensitive,
    boolean accountBased,
    Set<Seniority> highValue,
    String highValueTag,
    boolean commentsNeedApproval,
    boolean followUpsOnDaysOff) {

  public static final CampaignSettings DEFAULT =
      new CampaignSettings(
          false, false, Set.of(Seniority.C_SUITE, Seniority.VP, Seniority.DIRECTOR), "high-value");

  public CampaignSettings {
    highValue = Set.copyOf(highValue);
  }

  /** Settings whose follow-ups may go on days off. */
  public CampaignSettings(
      boolean timeSensitive,
      boolean accountBased,
      Set<Seniority> highValue,
      String highValueTag,
      boolean commentsNeedApproval) {
    this(timeSensitive, accountBased, highValue, highValueTag, commentsNeedApproval, true);
  }

  /** Settings whose warm-up comments wait for approval. */
  public CampaignSettings(
      boolean timeSensitive, boolean accountBased, Set<Seniority> highValue, String highValueTag) {
    this(timeSensitive, accountBased, highValue, highValueTag, true);
  }

  /** These settings with time-sensitive and account-based as given. */
  public CampaignSettings withUrgency(boolean timeSensitive, boolean accountBased) {
    return new CampaignSettings(
        timeSensitive,
        accountBased,
        highValue,
        highValueTag,
        commentsNeedApproval,
        followUpsOnDaysOff);
  }

  /** These settings with comments approved by the user ({@code true}) or sent automatically. */
  public CampaignSettings withCommentsNeedApproval(boolean approval) {
    return new CampaignSettings(
        timeSensitive, accountBased, highValue, highValueTag, approval, followUpsOnDaysOff);
  }

  /** These settings with follow-ups on days off allowed ({@code true}) or not. */
  public CampaignSettings withFollowUpsOnDaysOff(boolean allowed) {
    return new CampaignSettings(
        timeSensitive, accountBased, highValue, highValueTag, commentsNeedApproval, allowed);
  }

  public boolean isHighValue(ProspectProfile prospect) {
    return isHighValue(prospect.seniority(), prospect.tags());
  }

  /** Whether someone of this seniority with these tags is high-value here. */
  public boolean isHighValue(Seniority seniority, Set<String> tags) {
    return highValue.contains(seniority) || (highValueTag != null && tags.contains(highValueTag));
  }
}
