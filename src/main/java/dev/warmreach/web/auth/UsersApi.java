package dev.warmreach.web.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warmreach.domain.Role;
import dev.warmreach.domain.User;
import dev.warmreach.domain.UserError;
import dev.warmreach.store.UserStore;
import dev.warmreach.web.http.Problem;
import dev.warmreach.web.http.ProblemException;
import dev.warmreach.web.http.Requests;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code /api/users}: admins list and add users; members may not. */
public final class UsersApi {

  private final UserStore users;
  private final UserAccounts accounts;
  private final ObjectMapper json;

  public UsersApi(UserStore users, UserAccounts accounts, ObjectMapper json) {
    this.users = users;
    this.accounts = accounts;
    this.json = json;
  }

  public void list(Context ctx) {
    ctx.json(Map.of("users", users.users().stream().map(UsersApi::json).toList()));
  }

  public void create(Context ctx) {
    JsonNode body = Requests.json(ctx, json);
    String email = Requests.field(ctx, body, "email");
    String password = Requests.field(ctx, body, "password");
    String roleName = Requests.field(ctx, body, "role");
    List<Problem.FieldError> errors = new ArrayList<>();
    if (UserAccounts.canonicalEmail(email).isEmpty()) {
      errors.add(new Problem.FieldError("email", "must be an email address like ana@example.com"));
    }
    String weak = Passwords.problemWith(password);
    if (weak != null) {
      errors.add(new Problem.FieldError("password", weak));
    }
    Role role = Role.MEMBER;
    if (roleName != null) {
      try {
        role = Role.valueOf(roleName.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        errors.add(
            new Problem.FieldError("role", "must be admin or member, not '" + roleName + "'"));
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    try {
      ctx.status(HttpStatus.CREATED).json(json(accounts.add(email, role, password)));
    } catch (UserError e) {
      throw ProblemException.conflict(e.getMessage());
    }
  }

  static Map<String, Object> json(User user) {
    return Map.of(
        "id",
        user.id(),
        "email",
        user.email(),
        "role",
        user.role().name().toLowerCase(Locale.ROOT));
  }
}
