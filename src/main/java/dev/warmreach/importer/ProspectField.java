package dev.warmreach.importer;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** A prospect detail a CSV column can hold, by the name users give it in {@code --map}. */
public enum ProspectField {
  FIRST_NAME("firstName"),
  LAST_NAME("lastName"),
  FULL_NAME("name"),
  PROFILE_URL("profileUrl"),
  /**
   * A Sales Navigator lead address ({@code /sales/lead/ACwAA…}): kept as the lead id, never as the
   * profile. Either URL column may hold either kind; each value goes where its shape says.
   */
  LEAD_URL("leadUrl"),
  TITLE("title"),
  COMPANY("company"),
  EMAIL("email"),
  LOCATION("location"),
  TAGS("tags"),
  ACTIVITY("activity"),
  DEGREE("degree"),
  OPEN_PROFILE("openProfile"),
  /**
   * Whether the person unsubscribed from all email (a CRM's flag): yes puts their address on the
   * do-not-contact list.
   */
  UNSUBSCRIBED("unsubscribed"),
  /** A column to leave out. */
  IGNORE("ignore");

  private final String userName;

  ProspectField(String userName) {
    this.userName = userName;
  }

  /** The name users write in {@code --map column=field}. */
  public String userName() {
    return userName;
  }

  /** The field a user named, ignoring case. */
  public static Optional<ProspectField> byUserName(String name) {
    String wanted = name.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(f -> f.userName.toLowerCase(Locale.ROOT).equals(wanted))
        .findFirst();
  }

  /** All field names, for error messages and help. */
  public static String allUserNames() {
    return Arrays.stream(values()).map(ProspectField::userName).collect(Collectors.joining(", "));
  }
}
