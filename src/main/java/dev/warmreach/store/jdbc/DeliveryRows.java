package dev.warmreach.store.jdbc;

import dev.warmreach.store.Delivery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Maps rows of the {@code delivery} table to deliveries, for its writers and its readers. */
final class DeliveryRows {

  private DeliveryRows() {}

  static Optional<Delivery> find(Handle h, long id) {
    return h.createQuery("SELECT * FROM delivery WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  static Delivery map(ResultSet rs) throws SQLException {
    return new Delivery(
        rs.getLong("id"),
        rs.getString("touch_key"),
        Delivery.Kind.valueOf(rs.getString("kind")),
        rs.getString("target"),
        Delivery.Status.valueOf(rs.getString("status")),
        rs.getInt("attempts"),
        Instants.read(rs, "next_attempt_at"),
        rs.getString("last_error"),
        Instants.read(rs, "created_at"),
        Instants.read(rs, "updated_at"));
  }
}
