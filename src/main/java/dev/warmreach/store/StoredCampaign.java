package dev.warmreach.store;

import dev.warmreach.domain.Campaign;

/**
 * A campaign as stored, with its definition (sequence, templates, settings) as the JSON it was
 * created from.
 */
public record StoredCampaign(Campaign campaign, String definition) {}
