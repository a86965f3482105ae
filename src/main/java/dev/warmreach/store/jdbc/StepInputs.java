package dev.warmreach.store.jdbc;

import dev.warmreach.domain.Enrollment;
import dev.warmreach.domain.Prospect;
import dev.warmreach.domain.ProspectFacts;
import dev.warmreach.domain.ProspectHistory;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.quota.AccountState;
import dev.warmreach.store.jdbc.VersionedStates.Versioned;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * What an engine step reads before it decides, in one query: the enrollment, its prospect with
 * their history and facts, and its account's state (with the account's settings), each state with
 * its version. On PostgreSQL every statement is a round trip, and a step made four of these. Runs
 * in the caller's transaction.
 *
 * @param history the prospect's history, or {@code null} when none is stored
 * @param account the account's state, or {@code null} when none is stored
 */
record StepInputs(
    Enrollment enrollment,
    Prospect prospect,
    ProspectFacts facts,
    Versioned<ProspectHistory> history,
    Versioned<AccountState> account) {

  private static final String SQL =
      "SELECT "
          + prefixed(EnrollmentRows.COLUMNS)
          + ", "
          + ProspectRows.columns("p", "p_")
          + ", h.state AS history_state, h.version AS history_version, a.state AS account_state,"
          + " a.version AS account_version, "
          + JdbcSenderAccounts.columns("s", "s_")
          + ", "
          + FactColumns.of("e.prospect_id")
          + " FROM enrollment e JOIN prospect p ON p.id = e.prospect_id"
          + " LEFT JOIN prospect_history h ON h.prospect_id = e.prospect_id"
          + " LEFT JOIN account_state a ON a.account = e.sender_account"
          + " LEFT JOIN sender_account s ON s.name = e.sender_account WHERE e.id = :id";

  /** The same with the states required, so that they can be locked (not on an outer join). */
  private static final String LOCKABLE =
      SQL.replace(" LEFT JOIN prospect_history", " JOIN prospect_history")
          .replace(" LEFT JOIN account_state", " JOIN account_state");

  /**
   * The inputs of an enrollment's step, locked by {@code locking} (see {@link
   * Dialect#lockingStepRows}) until the transaction ends; empty when the enrollment is not stored.
   */
  static Optional<StepInputs> find(Handle h, long enrollmentId, String locking) {
    if (locking.isEmpty()) {
      return read(h, enrollmentId, SQL);
    }
    Optional<StepInputs> locked = read(h, enrollmentId, LOCKABLE + locking);
    // Without a stored state the row is missing: read it unlocked, to say which state is missing.
    return locked.isPresent() ? locked : read(h, enrollmentId, SQL);
  }

  private static Optional<StepInputs> read(Handle h, long enrollmentId, String sql) {
    return h.createQuery(sql)
        .bind("id", enrollmentId)
        .map(
            (rs, ctx) -> {
              Enrollment e = EnrollmentRows.map(rs);
              String history = rs.getString("history_state");
              String account = rs.getString("account_state");
              return new StepInputs(
                  e,
                  ProspectRows.map(rs, "p_"),
                  FactColumns.read(rs),
                  history == null
                      ? null
                      : new Versioned<>(StateJson.history(history), rs.getLong("history_version")),
                  account == null
                      ? null
                      : new Versioned<>(
                          StateJson.account(e.senderAccount(), account)
                              .withAccount(settings(rs, e)),
                          rs.getLong("account_version")));
            })
        .findOne();
  }

  private static SenderAccount settings(ResultSet rs, Enrollment e) throws SQLException {
    if (rs.getString("s_name") == null) {
      throw new IllegalStateException("account " + e.senderAccount() + " is not stored");
    }
    return JdbcSenderAccounts.map(rs, "s_");
  }

  /** The prospect's history; a stored enrollment always has one. */
  Versioned<ProspectHistory> requiredHistory() {
    if (history == null) {
      throw new IllegalStateException("prospect " + enrollment.prospectId() + " has no history");
    }
    return history;
  }

  /** The account's state; a running campaign's accounts always have one. */
  Versioned<AccountState> requiredAccount() {
    if (account == null) {
      throw new IllegalStateException("account " + enrollment.senderAccount() + " has no state");
    }
    return account;
  }

  private static String prefixed(String columns) {
    return "e." + columns.replace(", ", ", e.");
  }
}
