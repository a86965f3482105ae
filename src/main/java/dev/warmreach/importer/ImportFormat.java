package dev.warmreach.importer;

import dev.warmreach.domain.ConnectionDegree;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The CSV shapes Warmreach recognises by their header. Each knows the column names its source
 * writes; {@link #GENERIC} knows the common names and takes the rest through {@code --map}.
 */
public enum ImportFormat {
  /**
   * LinkedIn's own Connections export: everyone in it is a 1st-degree connection. Exports made
   * before 2023 have no URL column, so the signature leaves it out.
   */
  LINKEDIN(
      "linkedin",
      "LinkedIn Connections export",
      Set.of("firstname", "lastname", "connectedon"),
      ConnectionDegree.FIRST),
  /** Sales Navigator-style lead lists. */
  SALESNAV(
      "salesnav",
      "Sales Navigator lead list",
      Set.of("firstname", "lastname"),
      ConnectionDegree.UNKNOWN),
  /** HubSpot's contacts export. */
  HUBSPOT(
      "hubspot",
      "HubSpot contacts export",
      Set.of("recordid", "firstname", "lastname"),
      ConnectionDegree.UNKNOWN),
  /** Any other CSV, mapped by common column names and {@code --map}. */
  GENERIC("generic", "CSV", Set.of(), ConnectionDegree.UNKNOWN);

  /** Column names (normalised: lower case, letters and digits only) and the field each holds. */
  private static final Map<String, ProspectField> COMMON_NAMES =
      Map.ofEntries(
          Map.entry("firstname", ProspectField.FIRST_NAME),
          Map.entry("givenname", ProspectField.FIRST_NAME),
          Map.entry("first", ProspectField.FIRST_NAME),
          Map.entry("lastname", ProspectField.LAST_NAME),
          Map.entry("surname", ProspectField.LAST_NAME),
          Map.entry("familyname", ProspectField.LAST_NAME),
          Map.entry("last", ProspectField.LAST_NAME),
          Map.entry("name", ProspectField.FULL_NAME),
          Map.entry("fullname", ProspectField.FULL_NAME),
          Map.entry("contactname", ProspectField.FULL_NAME),
          Map.entry("leadname", ProspectField.FULL_NAME),
          Map.entry("url", ProspectField.PROFILE_URL),
          Map.entry("linkedin", ProspectField.PROFILE_URL),
          Map.entry("linkedinurl", ProspectField.PROFILE_URL),
          Map.entry("linkedinprofile", ProspectField.PROFILE_URL),
          Map.entry("linkedinprofileurl", ProspectField.PROFILE_URL),
          Map.entry("profileurl", ProspectField.PROFILE_URL),
          Map.entry("publicprofileurl", ProspectField.PROFILE_URL),
          Map.entry("personlinkedinurl", ProspectField.PROFILE_URL),
          Map.entry("linkedinprofileurlpublic", ProspectField.PROFILE_URL),
          Map.entry("salesnavigatorurl", ProspectField.LEAD_URL),
          Map.entry("linkedinsalesnavigatorurl", ProspectField.LEAD_URL),
          Map.entry("salesnavigatorprofileurl", ProspectField.LEAD_URL),
          Map.entry("salesnavurl", ProspectField.LEAD_URL),
          Map.entry("leadurl", ProspectField.LEAD_URL),
          Map.entry("title", ProspectField.TITLE),
          Map.entry("jobtitle", ProspectField.TITLE),
          Map.entry("position", ProspectField.TITLE),
          Map.entry("currenttitle", ProspectField.TITLE),
          Map.entry("company", ProspectField.COMPANY),
          Map.entry("companyname", ProspectField.COMPANY),
          Map.entry("currentcompany", ProspectField.COMPANY),
          Map.entry("accountname", ProspectField.COMPANY),
          Map.entry("associatedcompany", ProspectField.COMPANY),
          Map.entry("account", ProspectField.COMPANY),
          Map.entry("organization", ProspectField.COMPANY),
          Map.entry("organisation", ProspectField.COMPANY),
          Map.entry("email", ProspectField.EMAIL),
          Map.entry("emailaddress", ProspectField.EMAIL),
          Map.entry("workemail", ProspectField.EMAIL),
          Map.entry("businessemail", ProspectField.EMAIL),
          Map.entry("location", ProspectField.LOCATION),
          Map.entry("geography", ProspectField.LOCATION),
          Map.entry("city", ProspectField.LOCATION),
          Map.entry("stateregion", ProspectField.LOCATION),
          Map.entry("state", ProspectField.LOCATION),
          Map.entry("countryregion", ProspectField.LOCATION),
          Map.entry("country", ProspectField.LOCATION),
          Map.entry("tags", ProspectField.TAGS),
          Map.entry("tag", ProspectField.TAGS),
          Map.entry("activity", ProspectField.ACTIVITY),
          Map.entry("activitylevel", ProspectField.ACTIVITY),
          Map.entry("linkedinactivity", ProspectField.ACTIVITY),
          Map.entry("degree", ProspectField.DEGREE),
          Map.entry("connectiondegree", ProspectField.DEGREE),
          Map.entry("openprofile", ProspectField.OPEN_PROFILE),
          Map.entry("isopenlink", ProspectField.OPEN_PROFILE),
          Map.entry("unsubscribedfromallemail", ProspectField.UNSUBSCRIBED),
          Map.entry("unsubscribed", ProspectField.UNSUBSCRIBED));

  private final String cliName;
  private final String description;
  private final Set<String> signature;
  private final ConnectionDegree impliedDegree;

  ImportFormat(
      String cliName, String description, Set<String> signature, ConnectionDegree impliedDegree) {
    this.cliName = cliName;
    this.description = description;
    this.signature = signature;
    this.impliedDegree = impliedDegree;
  }

  /** The name used with {@code --format}. */
  public String cliName() {
    return cliName;
  }

  /** What the format is, in words, e.g. "LinkedIn Connections export". */
  public String description() {
    return description;
  }

  /** The connection degree every row of this format has, or UNKNOWN when rows say. */
  ConnectionDegree impliedDegree() {
    return impliedDegree;
  }

  /** The field a column holds by its name, if Warmreach knows the name. */
  static ProspectField fieldFor(String header) {
    return COMMON_NAMES.get(normalise(header));
  }

  /**
   * The field a column of this format holds, if Warmreach knows it. HubSpot's "Degree" is the
   * contact's education, not how far they are in the user's network, so it is left out there.
   */
  ProspectField field(String header) {
    ProspectField field = fieldFor(header);
    return this == HUBSPOT && field == ProspectField.DEGREE ? null : field;
  }

  /**
   * Whether a row with no name, URL or email is a member the export hides (LinkedIn writes only the
   * date it connected for members who hide their details or left), to be left out and counted
   * rather than refused.
   */
  boolean hasHiddenMembers() {
    return this == LINKEDIN;
  }

  /**
   * The most specific format whose signature columns are all in {@code headers}; a list with only
   * names and no profile column is still a lead list if it has a title.
   */
  static ImportFormat detect(List<String> headers) {
    Set<String> names =
        headers.stream().map(ImportFormat::normalise).collect(java.util.stream.Collectors.toSet());
    for (ImportFormat format : List.of(LINKEDIN, HUBSPOT)) {
      if (names.containsAll(format.signature)) {
        return format;
      }
    }
    boolean hasTitle = names.contains("title") || names.contains("jobtitle");
    return names.containsAll(SALESNAV.signature) && hasTitle ? SALESNAV : GENERIC;
  }

  /**
   * Column names compared without case, spaces or punctuation: "E-mail Address" is "emailaddress".
   */
  static String normalise(String header) {
    return header.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }

  /** The format named on the command line ({@code auto} is handled by the caller). */
  public static ImportFormat byCliName(String name) {
    for (ImportFormat format : values()) {
      if (format.cliName.equalsIgnoreCase(name.strip())) {
        return format;
      }
    }
    throw new IllegalArgumentException(name);
  }
}
