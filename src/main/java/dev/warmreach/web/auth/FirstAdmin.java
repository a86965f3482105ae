package dev.warmreach.web.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warmreach.domain.User;
import dev.warmreach.store.UserStore;
import dev.warmreach.web.http.Problem;
import dev.warmreach.web.http.ProblemException;
import dev.warmreach.web.http.Requests;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one-time setup link that creates the first admin: printed by the first {@code serve} of a
 * workspace without users, good once, for an hour.
 */
public final class FirstAdmin {

  /** How long a setup link works. */
  public static final Duration LIFETIME = Duration.ofHours(1);

  private final UserStore users;
  private final UserAccounts accounts;
  private final Clock clock;
  private final ObjectMapper json;

  public FirstAdmin(UserStore users, UserAccounts accounts, Clock clock, ObjectMapper json) {
    this.users = users;
    this.accounts = accounts;
    this.clock = clock;
    this.json = json;
  }

  /**
   * A fresh setup token when the workspace has no user yet (its hash is stored), else empty. The
   * caller prints it as a link.
   */
  public static Optional<String> issueIfNoUsers(UserStore users, Clock clock) {
    if (users.countUsers() > 0) {
      return Optional.empty();
    }
    String token = Secrets.random("");
    users.createSetupToken(Secrets.hash(token), clock.instant().plus(LIFETIME));
    return Optional.of(token);
  }

  public void page(Context ctx) {
    String token = ctx.queryParam("token");
    if (token == null || !users.setupTokenValid(Secrets.hash(token), clock.instant())) {
      throw ProblemException.notFound(
          "this setup link is unknown, used or expired; restart 'warmreach serve' for a new one,"
              + " or add an admin with 'warmreach users add EMAIL --role admin'");
    }
    ctx.html(
        Html.page(
            "Create the first admin",
            Html.form(
                "/setup",
                "<input type=\"hidden\" name=\"token\" value=\"" + Html.escape(token) + "\">",
                "Create admin")));
  }

  public void create(Context ctx) {
    JsonNode body = Requests.jsonUnlessForm(ctx, json);
    String token = Requests.field(ctx, body, "token");
    String email = Requests.field(ctx, body, "email");
    String password = Requests.field(ctx, body, "password");
    List<Problem.FieldError> errors = new ArrayList<>();
    if (token == null || token.isBlank()) {
      errors.add(new Problem.FieldError("token", "is required: the token from the setup link"));
    }
    if (UserAccounts.canonicalEmail(email).isEmpty()) {
      errors.add(new Problem.FieldError("email", "must be an email address like ana@example.com"));
    }
    String weak = Passwords.problemWith(password);
    if (weak != null) {
      errors.add(new Problem.FieldError("password", weak));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    User admin =
        users
            .completeSetup(
                Secrets.hash(token),
                clock.instant(),
                UserAccounts.canonicalEmail(email).orElseThrow(),
                accounts.hash(password))
            .orElseThrow(
                () ->
                    ProblemException.notFound(
                        "this setup link is unknown, used or expired; sign in at /login, or add"
                            + " an admin with 'warmreach users add EMAIL --role admin'"));
    if (body == null) {
      Requests.seeOther(ctx, "/login");
    } else {
      ctx.status(HttpStatus.CREATED).json(UsersApi.json(admin));
    }
  }
}
