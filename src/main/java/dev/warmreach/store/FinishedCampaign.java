package dev.warmreach.store;

import java.time.Instant;
import java.util.Map;

/**
 * A campaign whose enrollments have all finished, not yet queued for the webhook.
 *
 * @param enrollments how many enrollments ended in each status (REPLIED, COMPLETED, STOPPED)
 */
public record FinishedCampaign(
    long id, String name, Instant finishedAt, Map<String, Long> enrollments) {

  public FinishedCampaign {
    enrollments = Map.copyOf(enrollments);
  }
}
