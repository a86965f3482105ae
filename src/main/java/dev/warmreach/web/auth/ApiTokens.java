package dev.warmreach.web.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warmreach.domain.Role;
import dev.warmreach.store.UserStore;
import dev.warmreach.web.ProblemException;
import dev.warmreach.web.Requests;
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
    if (name.isEmpty() || name.length() > MAX_NAME) {
      throw ProblemException.invalid(
          "name", "must be 1 to " + MAX_NAME + " characters, e.g. \"zapier\"");
    }
    String token = Secrets.random(PREFIX);
    UserStore.ApiToken created =
        users.createToken(Principal.of(ctx).user().id(), name, Secrets.hash(token));
    Map<String, Object> out = describe(created);
    out.put("token", token);
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
    Long owner = user.role() == Role.ADMIN ? null : user.id();
    if (!users.revokeToken(id, owner, clock.instant())) {
      throw ProblemException.notFound(
          "no active API token " + id + " of yours; GET /api/tokens lists them");
    }
    onRevoke.run();
    ctx.status(HttpStatus.NO_CONTENT);
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
