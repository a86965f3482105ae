package dev.warmreach.store.jdbc;

import dev.warmreach.domain.Enrollment;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Maps rows of the {@code enrollment} table to enrollments. */
final class EnrollmentRows {

  static final String COLUMNS =
      "id, campaign_id, prospect_id, sender_account, step, status, entered_step_at, next_due_at,"
          + " version";

  private EnrollmentRows() {}

  static Enrollment map(ResultSet rs) throws SQLException {
    return new Enrollment(
        rs.getLong("id"),
        rs.getLong("campaign_id"),
        rs.getLong("prospect_id"),
        rs.getString("sender_account"),
        rs.getString("step"),
        Enrollment.Status.valueOf(rs.getString("status")),
        Instants.read(rs, "entered_step_at"),
        Instants.read(rs, "next_due_at"),
        rs.getLong("version"));
  }
}
