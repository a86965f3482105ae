package dev.warmreach.store;

import dev.warmreach.domain.Channel;
import java.time.Instant;

/**
 * An event as recorded for a prospect, for their timeline.
 *
 * @param kind the event's kind in capitals, e.g. {@code ACCEPTED}, {@code REPLIED}, {@code BOUNCED}
 * @param channel the channel of a reply; {@code null} for other events
 * @param detail a signal's kind and detail, or a post's topic; empty otherwise
 */
public record StoredEvent(long id, String kind, Channel channel, String detail, Instant at) {}
