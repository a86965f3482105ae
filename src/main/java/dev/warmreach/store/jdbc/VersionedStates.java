package dev.warmreach.store.jdbc;

import dev.warmreach.domain.ProspectHistory;
import dev.warmreach.quota.AccountState;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Prospect histories and account states, read with their version and saved only over the version
 * they were read at: a save that finds another writer was first throws {@link LostRace}. Each
 * method runs in the caller's transaction. Stateless.
 */
final class VersionedStates {

  /** A state and the version it was read at. */
  record Versioned<T>(T value, long version) {}

  private VersionedStates() {}

  static Optional<Versioned<ProspectHistory>> findHistory(Handle h, long prospectId) {
    return h.createQuery("SELECT state, version FROM prospect_history WHERE prospect_id = :id")
        .bind("id", prospectId)
        .map(
            (rs, ctx) ->
                new Versioned<>(StateJson.history(rs.getString("state")), rs.getLong("version")))
        .findOne();
  }

  static Versioned<ProspectHistory> history(Handle h, long prospectId) {
    return findHistory(h, prospectId)
        .orElseThrow(() -> new IllegalStateException("prospect " + prospectId + " has no history"));
  }

  static Versioned<AccountState> account(Handle h, String name) {
    return findAccount(h, name)
        .orElseThrow(() -> new IllegalStateException("account " + name + " has no state"));
  }

  /** The account's state; empty until a campaign of the account was first launched. */
  static Optional<Versioned<AccountState>> findAccount(Handle h, String name) {
    return h.createQuery("SELECT state, version FROM account_state WHERE account = :name")
        .bind("name", name)
        .map(
            (rs, ctx) ->
                new Versioned<>(
                    StateJson.account(name, rs.getString("state")), rs.getLong("version")))
        .findOne();
  }

  static void saveHistory(Handle h, long prospectId, ProspectHistory history, long version) {
    int saved =
        h.createUpdate(
                "UPDATE prospect_history SET state = :state, version = version + 1"
                    + " WHERE prospect_id = :id AND version = :version")
            .bind("state", StateJson.write(history))
            .bind("id", prospectId)
            .bind("version", version)
            .execute();
    if (saved == 0) {
      throw new LostRace("history of prospect " + prospectId);
    }
  }

  static void saveAccount(Handle h, AccountState account, long version) {
    int saved =
        h.createUpdate(
                "UPDATE account_state SET state = :state, version = version + 1"
                    + " WHERE account = :account AND version = :version")
            .bind("state", StateJson.write(account))
            .bind("account", account.name())
            .bind("version", version)
            .execute();
    if (saved == 0) {
      throw new LostRace("state of account " + account.name());
    }
  }
}
