package dev.warmreach.store.jdbc;

import dev.warmreach.domain.AccountChange;
import dev.warmreach.domain.Plan;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.domain.WorkingHours;
import dev.warmreach.quota.AccountState;
import dev.warmreach.store.SenderAccounts;
import dev.warmreach.store.jdbc.VersionedStates.Versioned;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/** Sender accounts and their account states (JSON) in SQL. Thread-safe. */
final class JdbcSenderAccounts implements SenderAccounts {

  private final Transactions db;
  private final Clock clock;

  JdbcSenderAccounts(Transactions db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public boolean addAccount(SenderAccount account) {
    return db.write(
        h ->
            h.createUpdate(
                        "INSERT INTO sender_account (name, plan, weekly_invitation_cap,"
                            + " monthly_inmail_credits, time_zone, working_hours,"
                            + " follow_ups_on_days_off, created_at) VALUES (:name, :plan, :weekly,"
                            + " :credits, :zone, :hours, :followUps, :now)"
                            + " ON CONFLICT (name) DO NOTHING")
                    .bind("name", account.name())
                    .bind("plan", account.plan().name())
                    .bind("weekly", account.weeklyInvitationCap())
                    .bind("credits", account.monthlyInmailCredits())
                    .bind("zone", account.timeZone().getId())
                    .bind("hours", account.workingHours().toString())
                    .bind("followUps", account.followUpsOnDaysOff())
                    .bind("now", clock.instant())
                    .execute()
                == 1);
  }

  @Override
  public Optional<SenderAccount> updateAccount(String name, AccountChange change) {
    return db.write(
        h -> {
          Optional<SenderAccount> found = find(h, name);
          if (found.isEmpty()) {
            return Optional.empty();
          }
          SenderAccount updated = change.applyTo(found.get());
          h.createUpdate(
                  "UPDATE sender_account SET time_zone = :zone, working_hours = :hours,"
                      + " follow_ups_on_days_off = :followUps WHERE name = :name")
              .bind("zone", updated.timeZone().getId())
              .bind("hours", updated.workingHours().toString())
              .bind("followUps", updated.followUpsOnDaysOff())
              .bind("name", name)
              .execute();
          Optional<Versioned<AccountState>> state = VersionedStates.findAccount(h, name);
          if (state.isPresent()) {
            AccountState after = state.get().value().withAccount(updated);
            VersionedStates.saveAccount(h, after, state.get().version());
            AccountQueues.changed(h, after, clock.instant());
          }
          return Optional.of(updated);
        });
  }

  @Override
  public List<SenderAccount> accounts() {
    return db.read(
        h ->
            h.createQuery("SELECT * FROM sender_account ORDER BY name")
                .map((rs, ctx) -> map(rs))
                .list());
  }

  @Override
  public Optional<SenderAccount> account(String name) {
    return db.read(h -> find(h, name));
  }

  /** The account's settings, in the caller's transaction. */
  static Optional<SenderAccount> find(Handle h, String name) {
    return h.createQuery("SELECT * FROM sender_account WHERE name = :name")
        .bind("name", name)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  /** The columns {@link #map(ResultSet, String)} reads, of table alias {@code alias}. */
  static String columns(String alias, String prefix) {
    return COLUMNS.stream()
        .map(c -> alias + "." + c + " AS " + prefix + c)
        .collect(Collectors.joining(", "));
  }

  private static final List<String> COLUMNS =
      List.of(
          "name",
          "plan",
          "weekly_invitation_cap",
          "monthly_inmail_credits",
          "time_zone",
          "working_hours",
          "follow_ups_on_days_off");

  private static SenderAccount map(ResultSet rs) throws SQLException {
    return map(rs, "");
  }

  /** An account read with its column names prefixed by {@code prefix}. */
  static SenderAccount map(ResultSet rs, String prefix) throws SQLException {
    return new SenderAccount(
        rs.getString(prefix + "name"),
        Plan.valueOf(rs.getString(prefix + "plan")),
        rs.getInt(prefix + "weekly_invitation_cap"),
        rs.getInt(prefix + "monthly_inmail_credits"),
        ZoneId.of(rs.getString(prefix + "time_zone")),
        WorkingHours.parse(rs.getString(prefix + "working_hours")),
        nullableBoolean(rs, prefix + "follow_ups_on_days_off"));
  }

  private static Boolean nullableBoolean(ResultSet rs, String column) throws SQLException {
    boolean value = rs.getBoolean(column);
    return rs.wasNull() ? null : value;
  }

  @Override
  public AccountState ensureAccountState(AccountState initial) {
    return db.write(
        h -> {
          h.createUpdate(
                  "INSERT INTO account_state (account, state, version) VALUES (:account, :state, 0)"
                      + " ON CONFLICT (account) DO NOTHING")
              .bind("account", initial.name())
              .bind("state", StateJson.write(initial))
              .execute();
          return state(h, initial.name()).orElseThrow();
        });
  }

  @Override
  public Optional<AccountState> accountState(String account) {
    return db.read(h -> state(h, account));
  }

  @Override
  public Map<String, AccountState> accountStates(Collection<String> accounts) {
    if (accounts.isEmpty()) {
      return Map.of();
    }
    Map<String, AccountState> states = new LinkedHashMap<>();
    db.read(
            h ->
                h.createQuery("SELECT account, state FROM account_state WHERE account IN (<names>)")
                    .bindList("names", List.copyOf(accounts))
                    .map((rs, ctx) -> StateJson.account(rs.getString(1), rs.getString(2)))
                    .list())
        .forEach(state -> states.put(state.name(), state));
    return states;
  }

  private static Optional<AccountState> state(Handle h, String account) {
    return h.createQuery("SELECT state FROM account_state WHERE account = :account")
        .bind("account", account)
        .mapTo(String.class)
        .findOne()
        .map(json -> StateJson.account(account, json));
  }
}
