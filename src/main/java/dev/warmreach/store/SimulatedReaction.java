package dev.warmreach.store;

import dev.warmreach.domain.Channel;
import java.time.Instant;

/**
 * A simulated prospect's response waiting for its time, in a dry run: {@code kind} is ACCEPTED,
 * DECLINED or REPLIED.
 */
public record SimulatedReaction(
    long prospectId, String kind, Channel channel, Instant dueAt, String idempotencyKey) {}
