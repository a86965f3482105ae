package dev.warmreach.store.jdbc;

import dev.warmreach.domain.Enrollment;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Maps rows of the {@code enrollment} table to enrollments. */
final class EnrollmentRows {

  static final String COLUMNS =
      "id, campaign_id, prospect_id, sender_account, step, status, entered_step_at, next_due_at,"
          + " version";

  private EnrollmentRows() {}

  static Optional<Enrollment> find(Handle h, long id) {
    return h.createQuery("SELECT " + COLUMNS + " FROM enrollment WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

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
