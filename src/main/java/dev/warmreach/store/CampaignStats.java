package dev.warmreach.store;

import java.util.Map;

/**
 * A campaign's funnel as stored.
 *
 * @param enrollments enrollments by status (ACTIVE, REPLIED, COMPLETED, STOPPED)
 * @param touches touches done, by channel
 * @param planned touches waiting to be carried out, by channel
 * @param events events by kind (ACCEPTED, DECLINED, REPLIED, …) for the campaign's prospects
 * @param replies replies by channel
 */
public record CampaignStats(
    Map<String, Long> enrollments,
    Map<String, Long> touches,
    Map<String, Long> planned,
    Map<String, Long> events,
    Map<String, Long> replies) {}
