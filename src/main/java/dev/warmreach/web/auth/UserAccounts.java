package dev.warmreach.web.auth;

import dev.warmreach.domain.EmailAddress;
import dev.warmreach.domain.Role;
import dev.warmreach.domain.User;
import dev.warmreach.domain.UserError;
import dev.warmreach.store.UserStore;
import java.util.Locale;
import java.util.Optional;

/**
 * Adding users and checking their passwords, the same for {@code warmreach users add}, the first
 * admin's setup link and the users API. Thread-safe.
 */
public final class UserAccounts {

  private final UserStore users;
  private final Passwords passwords;

  public UserAccounts(UserStore users) {
    this.users = users;
    this.passwords = new Passwords();
  }

  /** The lower-case form of an email address, or empty when it is not one. */
  public static Optional<String> canonicalEmail(String text) {
    return EmailAddress.parse(text).map(e -> e.value().toLowerCase(Locale.ROOT));
  }

  /**
   * Adds a user.
   *
   * @throws UserError when the email is not one, is taken, or the password is too short or long
   */
  public User add(String email, Role role, String password) {
    String canonical = checkedEmail(email);
    Passwords.check(password);
    return users
        .addUser(canonical, role, passwords.hash(password))
        .orElseThrow(
            () ->
                new UserError(
                    "a user with the email "
                        + canonical
                        + " exists already; choose another email"));
  }

  /** The user whose email and password these are; empty when either is wrong. */
  public Optional<User> signIn(String email, String password) {
    Optional<UserStore.Credentials> found = canonicalEmail(email).flatMap(users::credentials);
    // Always hash, so an unknown email answers as slowly as a wrong password.
    boolean matches =
        passwords.matches(password, found.map(UserStore.Credentials::passwordHash).orElse(null));
    return matches ? found.map(UserStore.Credentials::user) : Optional.empty();
  }

  String hash(String password) {
    Passwords.check(password);
    return passwords.hash(password);
  }

  static String checkedEmail(String email) {
    return canonicalEmail(email)
        .orElseThrow(
            () ->
                new UserError(
                    "'" + email + "' is not an email address; give one like ana@example.com"));
  }
}
