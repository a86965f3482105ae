package dev.warmreach.store;

import dev.warmreach.domain.AccountChange;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.quota.AccountState;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The LinkedIn accounts that send, with their settings and the state of their limits (invitations
 * this week, InMail credits, pending invitations). Each method is one transaction; implementations
 * are thread-safe.
 */
public interface SenderAccounts {

  /** Adds an account; false when an account with that name exists already. */
  boolean addAccount(SenderAccount account);

  List<SenderAccount> accounts();

  /**
   * Changes an account's settings, and its stored state with them (so its limits and queues follow
   * the new hours at once); empty when there is no such account, and then nothing is stored.
   *
   * @throws IllegalArgumentException when the change makes no valid account; nothing is stored
   */
  Optional<SenderAccount> updateAccount(String name, AccountChange change);

  Optional<SenderAccount> account(String name);

  /** Stores an account's state unless it has one already; returns the stored state. */
  AccountState ensureAccountState(AccountState initial);

  Optional<AccountState> accountState(String account);

  /** The stored states of {@code accounts}, by name (those with none left out), in one read. */
  Map<String, AccountState> accountStates(Collection<String> accounts);
}
