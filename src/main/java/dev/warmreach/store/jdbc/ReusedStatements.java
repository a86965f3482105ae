package dev.warmreach.store.jdbc;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Prepares each SQL text once per handle and reuses the statement for as long as the handle is
 * open. An engine step runs the same dozen statements, and a run of steps in one transaction runs
 * them hundreds of times: SQLite would otherwise compile every one afresh, which cost a fifth of a
 * dry run's time. A statement still in use (a result being read while the same SQL runs again) is
 * never handed out twice; statements asking for generated keys are not kept. Everything kept is
 * closed with the handle, before its connection goes back to the pool. One per handle, so one
 * thread at a time.
 */
final class ReusedStatements implements StatementBuilder {

  private final StatementBuilder plain = new DefaultStatementBuilder();
  private final Map<String, PreparedStatement> kept = new HashMap<>();
  private final Set<Statement> keptOnes = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<Statement> inUse = Collections.newSetFromMap(new IdentityHashMap<>());

  @Override
  public Statement create(Connection conn, StatementContext ctx) throws SQLException {
    return plain.create(conn, ctx);
  }

  @Override
  public PreparedStatement create(Connection conn, String sql, StatementContext ctx)
      throws SQLException {
    if (ctx.isReturningGeneratedKeys() || ctx.isConcurrentUpdatable()) {
      return plain.create(conn, sql, ctx);
    }
    PreparedStatement statement = kept.get(sql);
    if (statement == null || statement.isClosed()) {
      keptOnes.remove(statement);
      statement = plain.create(conn, sql, ctx);
      kept.put(sql, statement);
      keptOnes.add(statement);
    } else if (inUse.contains(statement)) {
      return plain.create(conn, sql, ctx);
    } else {
      statement.clearParameters();
    }
    inUse.add(statement);
    return statement;
  }

  @Override
  public CallableStatement createCall(Connection conn, String sql, StatementContext ctx)
      throws SQLException {
    return plain.createCall(conn, sql, ctx);
  }

  /** Called with the SQL as written (named parameters), not as prepared: kept by identity. */
  @Override
  public void close(Connection conn, String sql, Statement stmt) throws SQLException {
    inUse.remove(stmt);
    if (!keptOnes.contains(stmt)) {
      plain.close(conn, sql, stmt);
    }
  }

  @Override
  public void close(Connection conn) {
    for (PreparedStatement statement : kept.values()) {
      try {
        statement.close();
      } catch (SQLException e) {
        // the connection is going back to the pool, which closes what is left open
      }
    }
    kept.clear();
    keptOnes.clear();
    inUse.clear();
  }
}
