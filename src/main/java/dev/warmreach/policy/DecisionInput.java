package dev.warmreach.policy;

import dev.warmreach.domain.CampaignSettings;
import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Plan;
import dev.warmreach.domain.ProspectHistory;
import dev.warmreach.domain.ProspectProfile;
import java.time.Instant;

/**
 * What a policy decides from: the prospect, what has happened with them, the sender account's
 * standing, the campaign's settings, and the channel the sequence step proposes.
 *
 * @param creditsLeft InMail credits the account holds now
 * @param noteAvailable whether an invitation sent now may carry a note
 * @param requestsHeldBack whether a connection request decided now would wait for the account's
 *     limits (its weekly invitations, its pending requests, its acceptance-rate guard)
 */
public record DecisionInput(
    ProspectProfile prospect,
    ProspectHistory history,
    Plan plan,
    int creditsLeft,
    boolean noteAvailable,
    CampaignSettings campaign,
    Channel proposed,
    Instant now,
    boolean requestsHeldBack) {

  /** An input where a request could go out at once. */
  public DecisionInput(
      ProspectProfile prospect,
      ProspectHistory history,
      Plan plan,
      int creditsLeft,
      boolean noteAvailable,
      CampaignSettings campaign,
      Channel proposed,
      Instant now) {
    this(prospect, history, plan, creditsLeft, noteAvailable, campaign, proposed, now, false);
  }
}
