package dev.warmreach.importer;

/**
 * Why one row of a file could not be imported.
 *
 * @param line the file line the row starts on, as an editor numbers it
 */
public record RowProblem(long line, String reason) {

  @Override
  public String toString() {
    return "line " + line + ": " + reason;
  }
}
