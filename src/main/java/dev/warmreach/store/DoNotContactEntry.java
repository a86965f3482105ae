package dev.warmreach.store;

import java.time.Instant;

/**
 * One do-not-contact entry. Only a keyed hash of the address is kept, so an erased person's details
 * are gone while a later import of them is still recognised and refused.
 *
 * @param kind {@code profile} or {@code email}
 * @param label what the user typed when they added it; empty for an erased person
 */
public record DoNotContactEntry(
    String hash, String kind, String label, String reason, Instant addedAt) {}
