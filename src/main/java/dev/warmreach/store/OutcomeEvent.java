package dev.warmreach.store;

import dev.warmreach.domain.Prospect;
import java.time.Instant;

/**
 * A prospect's outcome (accepted, replied, bounced, unsubscribed) as stored, not yet queued for the
 * webhook.
 *
 * @param sourceId the stored event's id, in the order events were stored
 * @param kind the event's code: ACCEPTED, REPLIED, BOUNCED …
 * @param channel the channel it came on, or {@code null}
 */
public record OutcomeEvent(
    long sourceId,
    String kind,
    String channel,
    Instant at,
    String idempotencyKey,
    Prospect prospect) {}
