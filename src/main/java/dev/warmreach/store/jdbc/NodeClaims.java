package dev.warmreach.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * What one node holds in the database while it runs: the planned touches it claimed and the
 * scheduler execution it picked. A node releases them when it stops, and when it starts it releases
 * what its previous life left behind (a SIGKILL leaves both), so the work is picked up at once
 * rather than when the claims lapse or the execution is found dead. Only claims carrying the node's
 * own name are touched, so nodes sharing a database need names of their own. Thread-safe.
 */
public final class NodeClaims {

  private final DataSource dataSource;

  public NodeClaims(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Frees the planned touches {@code node} claimed; returns how many. */
  public int releaseTouches(String node) {
    return update(
        "UPDATE touch SET claimed_by = NULL, claimed_until = NULL"
            + " WHERE claimed_by = ? AND status = 'PLANNED'",
        node);
  }

  /**
   * Puts the executions of {@code task} that the scheduler {@code schedulerName} picked back as
   * due, as db-scheduler does for an execution whose scheduler died; returns how many.
   */
  public int releaseExecutions(String schedulerName, String task) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement update =
            c.prepareStatement(
                "UPDATE scheduled_tasks SET picked = ?, picked_by = NULL, last_heartbeat = NULL,"
                    + " version = version + 1"
                    + " WHERE task_name = ? AND picked = ? AND picked_by = ?")) {
      update.setBoolean(1, false);
      update.setString(2, task);
      update.setBoolean(3, true);
      update.setString(4, schedulerName);
      return update.executeUpdate();
    } catch (SQLException e) {
      throw new dev.warmreach.store.StoreException(
          "could not release the scheduler's executions", e);
    }
  }

  private int update(String sql, String node) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement update = c.prepareStatement(sql)) {
      update.setString(1, node);
      return update.executeUpdate();
    } catch (SQLException e) {
      throw new dev.warmreach.store.StoreException("could not release the touches of " + node, e);
    }
  }
}
