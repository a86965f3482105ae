package dev.warmreach.definition;

/** A definition file that says something Warmreach cannot use; the message names the field. */
public final class InvalidDefinition extends IllegalArgumentException {

  private final String where;

  public InvalidDefinition(String where, String problem) {
    super((where.isEmpty() ? "" : where + ": ") + problem);
    this.where = where;
  }

  /** The field, e.g. {@code steps[2].timeout}. */
  public String where() {
    return where;
  }
}
