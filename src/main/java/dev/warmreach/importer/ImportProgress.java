package dev.warmreach.importer;

/** Told how far an import has come, so a long one can show progress. Called from one thread. */
@FunctionalInterface
public interface ImportProgress {

  /** Nothing to show. */
  ImportProgress NONE = (phase, done, total) -> {};

  /**
   * @param phase what is happening, e.g. "reading" or "storing"
   * @param done units done so far
   * @param total units in all
   */
  void advanced(String phase, long done, long total);
}
