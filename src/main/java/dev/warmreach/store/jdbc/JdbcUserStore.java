package dev.warmreach.store.jdbc;

import dev.warmreach.domain.Role;
import dev.warmreach.domain.User;
import dev.warmreach.store.UserStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;

/** Users, sessions and tokens on the same database as the rest of the store. Thread-safe. */
final class JdbcUserStore implements UserStore {

  private static final String USER_COLUMNS = "u.id, u.email, u.role";

  private final Transactions db;
  private final Clock clock;

  JdbcUserStore(Transactions db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public long countUsers() {
    return read(h -> h.createQuery("SELECT count(*) FROM users").mapTo(Long.class).one());
  }

  @Override
  public Optional<User> addUser(String email, Role role, String passwordHash) {
    return write(h -> insertUser(h, email, role, passwordHash));
  }

  private Optional<User> insertUser(Handle h, String email, Role role, String passwordHash) {
    int inserted =
        h.createUpdate(
                "INSERT INTO users (email, role, password_hash, created_at)"
                    + " VALUES (:email, :role, :hash, :now) ON CONFLICT (email) DO NOTHING")
            .bind("email", email)
            .bind("role", role.name())
            .bind("hash", passwordHash)
            .bind("now", clock.instant())
            .execute();
    if (inserted == 0) {
      return Optional.empty();
    }
    return h.createQuery("SELECT " + USER_COLUMNS + " FROM users u WHERE u.email = :email")
        .bind("email", email)
        .map((rs, ctx) -> user(rs))
        .findOne();
  }

  @Override
  public List<User> users() {
    return read(
        h ->
            h.createQuery("SELECT " + USER_COLUMNS + " FROM users u ORDER BY u.email")
                .map((rs, ctx) -> user(rs))
                .list());
  }

  @Override
  public Optional<Credentials> credentials(String email) {
    return read(
        h ->
            h.createQuery(
                    "SELECT " + USER_COLUMNS + ", u.password_hash FROM users u WHERE u.email = :e")
                .bind("e", email)
                .map((rs, ctx) -> new Credentials(user(rs), rs.getString("password_hash")))
                .findOne());
  }

  @Override
  public void createSession(String idHash, long userId, String csrfToken, Instant expiresAt) {
    write(
        h ->
            h.createUpdate(
                    "INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, expires_at)"
                        + " VALUES (:id, :user, :csrf, :now, :expires)")
                .bind("id", idHash)
                .bind("user", userId)
                .bind("csrf", csrfToken)
                .bind("now", clock.instant())
                .bind("expires", expiresAt)
                .execute());
  }

  @Override
  public Optional<Session> session(String idHash, Instant now) {
    return read(
        h ->
            h.createQuery(
                    "SELECT "
                        + USER_COLUMNS
                        + ", s.csrf_token, s.expires_at FROM sessions s"
                        + " JOIN users u ON u.id = s.user_id"
                        + " WHERE s.id_hash = :id AND s.expires_at > :now")
                .bind("id", idHash)
                .bind("now", now)
                .map(
                    (rs, ctx) ->
                        new Session(
                            user(rs), rs.getString("csrf_token"), Instants.read(rs, "expires_at")))
                .findOne());
  }

  @Override
  public void deleteSession(String idHash) {
    write(
        h ->
            h.createUpdate("DELETE FROM sessions WHERE id_hash = :id")
                .bind("id", idHash)
                .execute());
  }

  @Override
  public int deleteExpiredSessions(Instant now) {
    return write(
        h ->
            h.createUpdate("DELETE FROM sessions WHERE expires_at <= :now")
                .bind("now", now)
                .execute());
  }

  @Override
  public ApiToken createToken(long userId, String name, String tokenHash) {
    Instant now = clock.instant();
    return write(
        h -> {
          h.createUpdate(
                  "INSERT INTO api_tokens (user_id, name, token_hash, created_at)"
                      + " VALUES (:user, :name, :hash, :now)")
              .bind("user", userId)
              .bind("name", name)
              .bind("hash", tokenHash)
              .bind("now", now)
              .execute();
          return h.createQuery("SELECT * FROM api_tokens WHERE token_hash = :hash")
              .bind("hash", tokenHash)
              .map((rs, ctx) -> token(rs))
              .one();
        });
  }

  @Override
  public Optional<User> userForToken(String tokenHash) {
    return read(
        h ->
            h.createQuery(
                    "SELECT "
                        + USER_COLUMNS
                        + " FROM api_tokens t JOIN users u ON u.id = t.user_id"
                        + " WHERE t.token_hash = :hash AND t.revoked_at IS NULL")
                .bind("hash", tokenHash)
                .map((rs, ctx) -> user(rs))
                .findOne());
  }

  @Override
  public List<ApiToken> tokens(Long userId) {
    return read(
        h ->
            h.createQuery(
                    "SELECT * FROM api_tokens"
                        + (userId == null ? "" : " WHERE user_id = :user")
                        + " ORDER BY created_at DESC, id DESC")
                .bind("user", userId)
                .map((rs, ctx) -> token(rs))
                .list());
  }

  @Override
  public boolean revokeToken(long tokenId, Long ownerId, Instant now) {
    return write(
        h ->
            h.createUpdate(
                        "UPDATE api_tokens SET revoked_at = :now WHERE id = :id"
                            + " AND revoked_at IS NULL"
                            + (ownerId == null ? "" : " AND user_id = :owner"))
                    .bind("now", now)
                    .bind("id", tokenId)
                    .bind("owner", ownerId)
                    .execute()
                == 1);
  }

  @Override
  public void createSetupToken(String tokenHash, Instant expiresAt) {
    write(
        h ->
            h.createUpdate(
                    "INSERT INTO setup_tokens (token_hash, expires_at) VALUES (:hash, :expires)")
                .bind("hash", tokenHash)
                .bind("expires", expiresAt)
                .execute());
  }

  @Override
  public boolean setupTokenValid(String tokenHash, Instant now) {
    return read(
        h ->
            h.createQuery(
                        "SELECT count(*) FROM setup_tokens WHERE token_hash = :hash"
                            + " AND expires_at > :now")
                    .bind("hash", tokenHash)
                    .bind("now", now)
                    .mapTo(Long.class)
                    .one()
                > 0);
  }

  @Override
  public Optional<User> completeSetup(
      String tokenHash, Instant now, String email, String passwordHash) {
    return write(
        h -> {
          // Spent before anything else, so two browsers racing with one link make one admin.
          int spent =
              h.createUpdate(
                      "DELETE FROM setup_tokens WHERE token_hash = :hash AND expires_at > :now")
                  .bind("hash", tokenHash)
                  .bind("now", now)
                  .execute();
          if (spent == 0
              || h.createQuery("SELECT count(*) FROM users").mapTo(Long.class).one() > 0) {
            return Optional.empty();
          }
          return insertUser(h, email, Role.ADMIN, passwordHash);
        });
  }

  private static User user(ResultSet rs) throws SQLException {
    return new User(rs.getLong("id"), rs.getString("email"), Role.valueOf(rs.getString("role")));
  }

  private static ApiToken token(ResultSet rs) throws SQLException {
    return new ApiToken(
        rs.getLong("id"),
        rs.getLong("user_id"),
        rs.getString("name"),
        Instants.read(rs, "created_at"),
        Instants.read(rs, "revoked_at"));
  }

  private <T> T write(HandleCallback<T, RuntimeException> work) {
    return db.write(work);
  }

  private <T> T read(HandleCallback<T, RuntimeException> work) {
    return db.read(work);
  }
}
