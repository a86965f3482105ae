package dev.warmreach.web.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warmreach.domain.Role;
import dev.warmreach.store.UserStore;
import dev.warmreach.web.http.ProblemException;
import dev.warmreach.web.http.Requests;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /api/tokens}: API tokens for scripts and other tools. A token is shown once, when it is
 * created; the store keeps its SHA-256. Users manage their own tokens; admins may revoke anyone's.
 */
public final class ApiTokens {

  /** Tokens start with this, so secret scanners and people can recognise a leaked one. */
  public static final String PREFIX = "wr_";

  private static final int MAX_NAME = 100;

  private final UserStore users;
  private final Clock clock;
  private final ObjectMapper json;
  private final Runnable onRevoke;

  /**
   * @param onRevoke called after a token is revoked, so that nothing goes on trusting it
   */
  public ApiTokens(UserStore users, Clock clock, ObjectMapper json, Runnable onRevoke) {
    this.users = users;
    this.clock = clock;
    this.json = json;
    this.onRevoke = onRevoke;
  }

  public void create(Context ctx) {
    String name = "API token";
    if (!ctx.body().isBlank()) {
      JsonNode body = Requests.json(ctx, json);
      String given = Requests.field(ctx, body, "name");
      if (given != null) {
        name = given.strip();
      }
    }
    String problem = problemWithName(name);
    if (problem != null) {
      throw ProblemException.invalid("name", problem);
    }
    Issued issued = issue(Principal.of(ctx).user().id(), name);
    Map<String, Object> out = describe(issued.token());
    out.put("token", issued.secret());
    out.put("note", "shown once: store it now; send it as 'Authorization: Bearer <token>'");
    ctx.status(HttpStatus.CREATED).json(out);
  }

  public void list(Context ctx) {
    ctx.json(
        Map.of(
            "tokens",
            users.tokens(Principal.of(ctx).user().id()).stream()
                .map(ApiTokens::describe)
                .toList()));
  }

  public void revoke(Context ctx) {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw ProblemException.notFound("no API token " + ctx.pathParam("id"));
    }
    var user = Principal.of(ctx).user();
    if (!revoke(id, user.role() == Role.ADMIN ? null : user.id())) {
      throw ProblemException.notFound(
          "no active API token " + id + " of yours; GET /api/tokens lists them");
    }
    ctx.status(HttpStatus.NO_CONTENT);
  }

  /** A new token and its secret, which is shown this once and never again. */
  public record Issued(UserStore.ApiToken token, String secret) {}

  /** What is wrong with a token's name, or {@code null} when it will do. */
  public static String problemWithName(String name) {
    if (name == null || name.isBlank() || name.strip().length() > MAX_NAME) {
      return "must be 1 to " + MAX_NAME + " characters, e.g. \"zapier\"";
    }
    return null;
  }

  /** Creates a token for the user; the store keeps only its hash. */
  public Issued issue(long userId, String name) {
    String token = Secrets.random(PREFIX);
    return new Issued(users.createToken(userId, name.strip(), Secrets.hash(token)), token);
  }

  /**
   * Revokes a token of {@code ownerId} (anyone's when null) and forgets remembered tokens, so it
   * stops working at once; false when there is no such active token.
   */
  public boolean revoke(long tokenId, Long ownerId) {
    if (!users.revokeToken(tokenId, ownerId, clock.instant())) {
      return false;
    }
    onRevoke.run();
    return true;
  }

  /** The user's tokens, newest first, revoked ones included. */
  public java.util.List<UserStore.ApiToken> of(long userId) {
    return users.tokens(userId);
  }

  private static Map<String, Object> describe(UserStore.ApiToken token) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", token.id());
    out.put("name", token.name());
    out.put("createdAt", token.createdAt().toString());
    out.put("revokedAt", token.revokedAt() == null ? null : token.revokedAt().toString());
    return out;
  }
}
