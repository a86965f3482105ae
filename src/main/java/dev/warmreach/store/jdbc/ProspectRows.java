package dev.warmreach.store.jdbc;

import dev.warmreach.domain.ActivityLevel;
import dev.warmreach.domain.ConnectionDegree;
import dev.warmreach.domain.EmailAddress;
import dev.warmreach.domain.ProfileUrl;
import dev.warmreach.domain.Prospect;
import dev.warmreach.domain.ProspectProfile;
import dev.warmreach.domain.Seniority;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/** Maps prospects to and from rows of the {@code prospect} table. */
final class ProspectRows {

  static final String COLUMNS =
      "id, first_name, last_name, profile_url, email, title, seniority, company, location, tags,"
          + " activity, degree, open_profile, do_not_contact, created_at, updated_at, lead_id";

  static final String INSERT =
      "INSERT INTO prospect (first_name, last_name, profile_url, email, title, seniority, company,"
          + " location, tags, activity, degree, open_profile, search_text, do_not_contact,"
          + " created_at, updated_at, lead_id) VALUES (:first_name, :last_name, :profile_url,"
          + " :email, :title, :seniority, :company, :location, :tags, :activity, :degree,"
          + " :open_profile, :search_text, FALSE, :now, :now, :lead_id)";

  static final String UPDATE =
      "UPDATE prospect SET first_name = :first_name, last_name = :last_name, profile_url ="
          + " :profile_url, email = :email, title = :title, seniority = :seniority, company ="
          + " :company, location = :location, tags = :tags, activity = :activity, degree ="
          + " :degree, open_profile = :open_profile, search_text = :search_text, lead_id ="
          + " :lead_id, updated_at = :now WHERE id = :id";

  private ProspectRows() {}

  static Prospect map(ResultSet rs, StatementContext ctx) throws SQLException {
    return map(rs, "");
  }

  /** {@link #COLUMNS} selected as {@code prefix + column}, for a row joined to other tables. */
  static String columns(String table, String prefix) {
    return Arrays.stream(COLUMNS.split(", "))
        .map(c -> table + "." + c + " AS " + prefix + c)
        .collect(Collectors.joining(", "));
  }

  /** A prospect read from columns named {@code prefix + column}. */
  static Prospect map(ResultSet rs, String prefix) throws SQLException {
    String url = rs.getString(prefix + "profile_url");
    String email = rs.getString(prefix + "email");
    ProspectProfile profile =
        new ProspectProfile(
            rs.getString(prefix + "first_name"),
            rs.getString(prefix + "last_name"),
            url == null ? null : new ProfileUrl(url),
            rs.getString(prefix + "title"),
            Seniority.valueOf(rs.getString(prefix + "seniority")),
            rs.getString(prefix + "company"),
            email == null ? null : new EmailAddress(email),
            rs.getString(prefix + "location"),
            decodeTags(rs.getString(prefix + "tags")),
            ActivityLevel.valueOf(rs.getString(prefix + "activity")),
            ConnectionDegree.valueOf(rs.getString(prefix + "degree")),
            rs.getBoolean(prefix + "open_profile"),
            rs.getString(prefix + "lead_id"));
    return new Prospect(
        rs.getLong(prefix + "id"),
        profile,
        rs.getBoolean(prefix + "do_not_contact"),
        Instants.read(rs, prefix + "created_at"),
        Instants.read(rs, prefix + "updated_at"));
  }

  /** Binds a profile's columns by name, for {@link #INSERT} and {@link #UPDATE}. */
  static <T extends SqlStatement<T>> T bind(T statement, ProspectProfile profile) {
    return statement
        .bind("first_name", profile.firstName())
        .bind("last_name", profile.lastName())
        .bind("profile_url", profile.profileUrl() == null ? null : profile.profileUrl().value())
        .bind("email", profile.email() == null ? null : profile.email().value())
        .bind("title", profile.title())
        .bind("seniority", profile.seniority().name())
        .bind("company", profile.company())
        .bind("location", profile.location())
        .bind("tags", encodeTags(profile.tags()))
        .bind("activity", profile.activity().name())
        .bind("degree", profile.degree().name())
        .bind("open_profile", profile.openProfile())
        .bind("lead_id", profile.leadId())
        .bind(
            "search_text",
            searchText(profile.fullName() + " " + profile.company() + " " + profile.title()));
  }

  /**
   * Text folded for case-insensitive search in Java, because SQLite's {@code lower()} folds only
   * ASCII letters and names are often not ASCII.
   */
  static String searchText(String text) {
    return text.toLowerCase(java.util.Locale.ROOT);
  }

  /** Tags between bars ({@code |dach|saas|}), so that {@code LIKE '%|saas|%'} finds one. */
  static String encodeTags(Set<String> tags) {
    return tags.isEmpty() ? "" : tags.stream().sorted().collect(Collectors.joining("|", "|", "|"));
  }

  static Set<String> decodeTags(String column) {
    if (column == null || column.isEmpty()) {
      return Set.of();
    }
    return Arrays.stream(column.split("\\|")).filter(t -> !t.isEmpty()).collect(Collectors.toSet());
  }
}
