package dev.warmreach.store.jdbc;

/**
 * Another worker moved the same state first (a version check updated zero rows): thrown inside a
 * transaction to roll it back, and turned into an empty result by the store method that ran it.
 */
final class LostRace extends RuntimeException {
  LostRace(String what) {
    super(what, null, false, false);
  }
}
