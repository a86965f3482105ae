package dev.warmreach.store;

/**
 * What saving a batch of prospects did.
 *
 * @param created people stored for the first time
 * @param updated people already stored whose details changed
 * @param unchanged people already stored with the same details
 * @param keptOut people on the do-not-contact list, not stored
 */
public record ProspectWrite(int created, int updated, int unchanged, int keptOut) {}
