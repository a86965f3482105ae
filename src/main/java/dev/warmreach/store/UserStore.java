package dev.warmreach.store;

import dev.warmreach.domain.Role;
import dev.warmreach.domain.User;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The server's users, sessions, API tokens and first-admin setup tokens. Secrets arrive hashed: the
 * store never sees a password, a session id or a token. Each method is one transaction;
 * implementations are thread-safe.
 */
public interface UserStore {

  long countUsers();

  /** Adds a user; empty when one with that (lower-case) email exists already. */
  Optional<User> addUser(String email, Role role, String passwordHash);

  List<User> users();

  /** The user with this email and their password hash, for signing in. */
  Optional<Credentials> credentials(String email);

  /** A user and the Argon2id hash of their password. */
  record Credentials(User user, String passwordHash) {}

  void createSession(String idHash, long userId, String csrfToken, Instant expiresAt);

  /** The session with this id hash unless it has expired by {@code now}. */
  Optional<Session> session(String idHash, Instant now);

  /** A signed-in browser: who, the CSRF token its requests must echo, and when it ends. */
  record Session(User user, String csrfToken, Instant expiresAt) {}

  void deleteSession(String idHash);

  /** Forgets sessions that ended before {@code now}; returns how many. */
  int deleteExpiredSessions(Instant now);

  ApiToken createToken(long userId, String name, String tokenHash);

  /** The owner of an unrevoked token with this hash. */
  Optional<User> userForToken(String tokenHash);

  /** The tokens of a user, or of everyone when {@code userId} is null; newest first. */
  List<ApiToken> tokens(Long userId);

  /** An API token as listed: never the token itself. */
  record ApiToken(long id, long userId, String name, Instant createdAt, Instant revokedAt) {}

  /**
   * Revokes a token, only if it belongs to {@code ownerId} (any owner when null); false when there
   * is no such unrevoked token.
   */
  boolean revokeToken(long tokenId, Long ownerId, Instant now);

  void createSetupToken(String tokenHash, Instant expiresAt);

  /**
   * Spends a setup token and creates the first admin, in one transaction. Empty when the token is
   * unknown, used or expired, or a user exists already (the link is for the very first admin).
   */
  Optional<User> completeSetup(String tokenHash, Instant now, String email, String passwordHash);

  /** Whether a setup token with this hash is still good at {@code now}. */
  boolean setupTokenValid(String tokenHash, Instant now);
}
