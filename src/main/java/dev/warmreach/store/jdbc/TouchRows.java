package dev.warmreach.store.jdbc;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Message;
import dev.warmreach.domain.PostLink;
import dev.warmreach.domain.Touch;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Maps rows of the {@code touch} table to touches. */
final class TouchRows {

  private TouchRows() {}

  static Touch map(ResultSet rs) throws SQLException {
    return new Touch(
        rs.getLong("id"),
        rs.getLong("enrollment_id"),
        rs.getLong("prospect_id"),
        rs.getString("sender_account"),
        rs.getString("step"),
        Channel.valueOf(rs.getString("channel")),
        rs.getBoolean("with_note"),
        rs.getString("template"),
        Touch.Status.valueOf(rs.getString("status")),
        Instants.read(rs, "due_at"),
        Instants.read(rs, "done_at"),
        rs.getString("idempotency_key"),
        rs.getString("reason"),
        message(rs));
  }

  private static Message message(ResultSet rs) throws SQLException {
    String body = rs.getString("body");
    if (body == null) {
      return null;
    }
    return new Message(
        rs.getString("variant"),
        rs.getString("subject"),
        body,
        rs.getBoolean("personalised"),
        new PostLink(rs.getString("post_id"), rs.getString("post_url")));
  }
}
