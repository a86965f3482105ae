package dev.warmreach.importer;

/**
 * The longest value each imported field may hold: generous for real people and companies (and
 * LinkedIn's own limits: a headline has 220 characters), but short enough that a runaway value (a
 * missing quote, a pasted document) is a row error rather than a stored prospect.
 */
final class FieldLengths {

  static final int NAME = 200;

  private FieldLengths() {}

  static int most(ProspectField field) {
    return switch (field) {
      case FIRST_NAME, LAST_NAME, FULL_NAME, COMPANY, LOCATION -> NAME;
      case TITLE -> 500;
      case EMAIL -> 320;
      case PROFILE_URL, LEAD_URL -> 2_000;
      case TAGS -> 1_000;
      case ACTIVITY, DEGREE, OPEN_PROFILE, UNSUBSCRIBED -> 50;
      case IGNORE -> Integer.MAX_VALUE;
    };
  }
}
