package dev.warmreach.store;

import dev.warmreach.domain.Campaign;
import dev.warmreach.domain.Enrollment;
import java.util.List;
import java.util.Optional;

/**
 * Campaigns, their status, and the prospects enrolled in them. Each method is one transaction;
 * implementations are thread-safe.
 */
public interface Campaigns {

  /** Stores a new campaign; empty when one with that name exists already. */
  Optional<StoredCampaign> createCampaign(Campaign campaign, String definition);

  List<StoredCampaign> campaigns();

  Optional<StoredCampaign> campaign(String name);

  void setCampaignStatus(long campaignId, Campaign.Status status);

  /**
   * Marks every active campaign whose enrollments have all finished (replied, completed or stopped;
   * at least one enrolled) {@link Campaign.Status#COMPLETED}, finished at {@code now}; the campaign
   * that takes signals keeps running. Returns how many it marked; a campaign another node marked
   * first is not counted again.
   */
  int completeFinishedCampaigns(java.time.Instant now);

  /**
   * Enrolls prospects (ids assigned here); a prospect already in the campaign is left as it is. A
   * {@link Campaign.Status#COMPLETED} campaign that gains someone is ACTIVE again, its finishing
   * time cleared. Returns how many were enrolled.
   */
  int enroll(List<Enrollment> enrollments);

  List<Enrollment> enrollments(long campaignId, int limit);

  /** A prospect's enrollments in every campaign, in the order they were enrolled. */
  List<Enrollment> enrollmentsOf(long prospectId);

  /** One page of a campaign's enrollments, by prospect number, for paging. */
  List<Enrollment> enrollments(long campaignId, int limit, int offset);

  /** How many prospects the campaign has enrolled, whatever their status. */
  long countEnrollments(long campaignId);
}
