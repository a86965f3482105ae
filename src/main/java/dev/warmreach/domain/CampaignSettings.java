package dev.warmreach.domain;

import java.util.Set;

/**
 * How a campaign wants its prospects approached (SPEC §2).
 *
 * @param timeSensitive the outreach loses value if it waits: InMail is preferred for seniors
 * @param accountBased two or three named people at each company: InMail is preferred
 * @param highValue seniorities worth an InMail after a request goes unanswered
 * @param highValueTag a tag that marks a prospect high-value whatever their title
 */
public record CampaignSettings(
    boolean timeSensitive, boolean accountBased, Set<Seniority> highValue, String highValueTag) {

  public static final CampaignSettings DEFAULT =
      new CampaignSettings(
          false, false, Set.of(Seniority.C_SUITE, Seniority.VP, Seniority.DIRECTOR), "high-value");

  public CampaignSettings {
    highValue = Set.copyOf(highValue);
  }

  public boolean isHighValue(ProspectProfile prospect) {
    return highValue.contains(prospect.seniority())
        || (highValueTag != null && prospect.tags().contains(highValueTag));
  }
}
