package dev.warmreach.store;

import dev.warmreach.message.VariantTally;
import java.util.List;
import java.util.Map;

/**
 * A campaign's funnel as stored.
 *
 * @param enrollments enrollments by status (ACTIVE, REPLIED, COMPLETED, STOPPED)
 * @param touches touches done, by channel
 * @param planned touches waiting to be carried out, by channel
 * @param events events by kind (ACCEPTED, DECLINED, REPLIED, …) for the campaign's prospects
 * @param replies replies by channel
 * @param variants each template variant's messages sent and what followed them
 */
public record CampaignStats(
    Map<String, Long> enrollments,
    Map<String, Long> touches,
    Map<String, Long> planned,
    Map<String, Long> events,
    Map<String, Long> replies,
    List<VariantTally> variants) {

  public CampaignStats {
    variants = List.copyOf(variants);
  }
}
