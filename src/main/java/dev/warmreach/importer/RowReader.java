package dev.warmreach.importer;

import dev.warmreach.domain.ActivityLevel;
import dev.warmreach.domain.ConnectionDegree;
import dev.warmreach.domain.EmailAddress;
import dev.warmreach.domain.ProfileUrl;
import dev.warmreach.domain.ProspectProfile;
import dev.warmreach.domain.Seniority;
import dev.warmreach.domain.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Turns one data row into a prospect profile, or into the reasons it cannot be one. */
final class RowReader {

  /**
   * A row read: a profile (with whether the person unsubscribed from all email), a problem, or
   * neither for a member the export hides.
   */
  record Read(ProspectProfile profile, RowProblem problem, boolean unsubscribed) {

    static final Read HIDDEN = new Read(null, null, false);

    boolean hidden() {
      return profile == null && problem == null;
    }
  }

  private final ColumnMap columns;
  private final ImportFormat format;
  private final Set<String> extraTags;

  RowReader(ColumnMap columns, ImportFormat format, Set<String> extraTags) {
    this.columns = columns;
    this.format = format;
    this.extraTags = Set.copyOf(extraTags);
  }

  Read read(long line, List<String> cells) {
    if (cells.size() > columns.columns()
        && !allBlank(cells.subList(columns.columns(), cells.size()))) {
      return problem(
          line,
          "has "
              + cells.size()
              + " values but the header has "
              + columns.columns()
              + " columns; a value containing the delimiter may be missing its quotes");
    }
    Cells row = new Cells();
    List<String> reasons = new ArrayList<>();
    for (int i = 0; i < Math.min(cells.size(), columns.columns()); i++) {
      ProspectField field = columns.field(i);
      String value = cells.get(i).strip();
      int most = FieldLengths.most(field);
      if (value.length() > most) {
        reasons.add(
            field.userName()
                + " has "
                + value.length()
                + " characters; at most "
                + most
                + " fit (is a quote missing, so that several values ran into one?)");
        continue;
      }
      row.put(field, value);
    }
    if (!reasons.isEmpty()) {
      return problem(line, String.join("; ", reasons));
    }
    if (format.hasHiddenMembers()
        && row.get(ProspectField.FIRST_NAME).isEmpty()
        && row.get(ProspectField.LAST_NAME).isEmpty()
        && row.get(ProspectField.FULL_NAME).isEmpty()
        && row.get(ProspectField.PROFILE_URL).isEmpty()
        && row.get(ProspectField.LEAD_URL).isEmpty()
        && row.get(ProspectField.EMAIL).isEmpty()) {
      return Read.HIDDEN;
    }
    String first = row.get(ProspectField.FIRST_NAME);
    String last = row.get(ProspectField.LAST_NAME);
    if (first.isEmpty() && last.isEmpty()) {
      String full = row.get(ProspectField.FULL_NAME);
      int space = full.lastIndexOf(' ');
      first = space < 0 ? full : full.substring(0, space);
      last = space < 0 ? "" : full.substring(space + 1);
    }
    if (first.isEmpty() && last.isEmpty()) {
      reasons.add("no name");
    }
    ProfileUrl url = null;
    String urlText = row.get(ProspectField.PROFILE_URL);
    if (!urlText.isEmpty()) {
      ProfileUrl.Parsed parsed = ProfileUrl.parse(urlText);
      if (parsed instanceof ProfileUrl.Valid valid) {
        url = valid.url();
      } else {
        reasons.add(((ProfileUrl.Invalid) parsed).reason());
      }
    }
    String leadId = null;
    String leadText = row.get(ProspectField.LEAD_URL);
    if (!leadText.isEmpty()) {
      if (ProfileUrl.parse(leadText) instanceof ProfileUrl.Valid valid
          && valid.url().isSalesLead()) {
        leadId = valid.url().leadId();
      } else {
        reasons.add(
            "'"
                + leadText
                + "' is not a Sales Navigator lead address (expected"
                + " https://www.linkedin.com/sales/lead/ACwAA…)");
      }
    }
    EmailAddress email = null;
    String emailText = row.get(ProspectField.EMAIL);
    if (!emailText.isEmpty()) {
      Optional<EmailAddress> parsed = EmailAddress.parse(emailText);
      if (parsed.isPresent()) {
        email = parsed.get();
      } else {
        reasons.add("'" + emailText + "' is not an email address");
      }
    }
    if (urlText.isEmpty() && leadText.isEmpty() && emailText.isEmpty()) {
      reasons.add("no LinkedIn profile URL or email");
    }
    ActivityLevel activity = parseActivity(row.get(ProspectField.ACTIVITY), reasons);
    ConnectionDegree degree = parseDegree(row.get(ProspectField.DEGREE), reasons);
    boolean openProfile = parseYesNo(row.get(ProspectField.OPEN_PROFILE), "open profile", reasons);
    boolean unsubscribed = parseYesNo(row.get(ProspectField.UNSUBSCRIBED), "unsubscribed", reasons);
    if (!reasons.isEmpty()) {
      return problem(line, String.join("; ", reasons));
    }
    Set<String> tags = new TreeSet<>(Tags.split(row.get(ProspectField.TAGS)));
    tags.addAll(extraTags);
    String title = row.get(ProspectField.TITLE);
    return new Read(
        new ProspectProfile(
            first,
            last,
            url,
            title,
            Seniority.fromTitle(title),
            row.get(ProspectField.COMPANY),
            email,
            row.get(ProspectField.LOCATION),
            tags,
            activity,
            degree == ConnectionDegree.UNKNOWN ? format.impliedDegree() : degree,
            openProfile,
            leadId),
        null,
        unsubscribed);
  }

  private static ActivityLevel parseActivity(String text, List<String> reasons) {
    Optional<ActivityLevel> level = ActivityLevel.parse(text);
    if (level.isEmpty()) {
      reasons.add("activity '" + text + "' should be HIGH, MEDIUM or LOW");
    }
    return level.orElse(ActivityLevel.UNKNOWN);
  }

  private static ConnectionDegree parseDegree(String text, List<String> reasons) {
    Optional<ConnectionDegree> degree = ConnectionDegree.parse(text);
    if (degree.isEmpty()) {
      reasons.add("degree '" + text + "' should be 1st, 2nd or 3rd");
    }
    return degree.orElse(ConnectionDegree.UNKNOWN);
  }

  private static boolean parseYesNo(String text, String field, List<String> reasons) {
    switch (text.toLowerCase(Locale.ROOT)) {
      case "", "no", "false", "n", "0":
        return false;
      case "yes", "true", "y", "1":
        return true;
      default:
        reasons.add(field + " '" + text + "' should be yes or no");
        return false;
    }
  }

  private static boolean allBlank(List<String> cells) {
    return cells.stream().allMatch(String::isBlank);
  }

  private static Read problem(long line, String reason) {
    return new Read(null, new RowProblem(line, reason), false);
  }

  /**
   * The row's values by field; several location columns join into one place. A LinkedIn address
   * goes where its shape says, whatever its column: lead lists write the Sales Navigator address
   * under "profileUrl" and the public one under "linkedInProfileUrl", or the other way round.
   */
  private static final class Cells {
    private final java.util.EnumMap<ProspectField, String> values =
        new java.util.EnumMap<>(ProspectField.class);

    void put(ProspectField column, String value) {
      if (column == ProspectField.IGNORE || value.isEmpty()) {
        return;
      }
      boolean address = column == ProspectField.PROFILE_URL || column == ProspectField.LEAD_URL;
      ProspectField field =
          !address
              ? column
              : isSalesLead(value) ? ProspectField.LEAD_URL : ProspectField.PROFILE_URL;
      values.merge(
          field,
          value,
          (a, b) ->
              field == ProspectField.LOCATION
                  ? a + ", " + b
                  : field == ProspectField.TAGS ? a + ";" + b : a);
    }

    private static boolean isSalesLead(String value) {
      return ProfileUrl.parse(value) instanceof ProfileUrl.Valid valid && valid.url().isSalesLead();
    }

    String get(ProspectField field) {
      return values.getOrDefault(field, "");
    }
  }
}
