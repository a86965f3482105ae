package dev.warmreach.web.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warmreach.domain.User;
import dev.warmreach.web.http.Problem;
import dev.warmreach.web.http.ProblemException;
import dev.warmreach.web.http.Requests;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code /login}, {@code /logout} and {@code /api/session}: browser sessions. */
public final class SignIn {

  private final UserAccounts accounts;
  private final Sessions sessions;
  private final ObjectMapper json;
  private final SignInThrottle throttle;
  private final PasswordChecks checks;

  public SignIn(UserAccounts accounts, Sessions sessions, ObjectMapper json, Clock clock) {
    this.accounts = accounts;
    this.sessions = sessions;
    this.json = json;
    this.throttle = new SignInThrottle(clock);
    this.checks = PasswordChecks.forThisMachine();
  }

  private static final String WRONG =
      "the email or the password is wrong; check both and try again";

  /**
   * What the sign-in form may say after a refusal, by the code in its {@code problem} parameter.
   * Only these: the link is anyone's to write, so its text is never shown as it is.
   */
  private static final Map<String, String> FORM_PROBLEMS =
      Map.of(
          "wrong",
          WRONG,
          "held-back",
          "too many wrong passwords for this email or from this address; wait a quarter of an"
              + " hour and try again",
          "busy",
          "the server is checking many sign-ins at once; try again in a moment",
          "invalid",
          "give the email address and the password of your Warmreach user");

  /** The text for a refusal's code on the sign-in form; empty for a code it does not know. */
  public static Optional<String> formProblem(String code) {
    return Optional.ofNullable(code == null ? null : FORM_PROBLEMS.get(code));
  }

  /**
   * Signs in with an email and password, from a form (then redirects) or JSON (then answers with
   * the session's CSRF token). Both get the session cookie.
   */
  public void login(Context ctx) {
    refuseOtherSites(ctx);
    JsonNode body = Requests.jsonUnlessForm(ctx, json);
    if (body == null) {
      // A browser's form: a refusal goes back to the form with its reason, not to a JSON problem.
      String next = safeNext(ctx.formParam("next"));
      try {
        signIn(ctx, null);
      } catch (ProblemException refused) {
        Requests.seeOther(
            ctx,
            "/login?problem="
                + formCode(refused.problem())
                + "&email="
                + encode(ctx.formParam("email") == null ? "" : ctx.formParam("email"))
                + "&next="
                + encode(next));
        return;
      }
      Requests.seeOther(ctx, next);
      return;
    }
    signIn(ctx, body);
  }

  /**
   * {@code next} when it is a path on this server, else the start page: a sign-in link must not
   * send anyone on to another site.
   */
  public static String safeNext(String next) {
    if (next == null
        || !next.startsWith("/")
        || next.startsWith("//")
        || next.startsWith("/\\")
        || next.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      return "/today";
    }
    return next;
  }

  private static String formCode(Problem problem) {
    return switch (problem.status()) {
      case 401 -> "wrong";
      case 429 -> problem.type().endsWith(":busy") ? "busy" : "held-back";
      default -> "invalid";
    };
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private void signIn(Context ctx, JsonNode body) {
    String email = Requests.field(ctx, body, "email");
    String password = Requests.field(ctx, body, "password");
    if (email == null || password == null) {
      throw ProblemException.invalid(
          email == null ? "email" : "password", "is required to sign in");
    }
    // The same rule as storing users' emails, so every spelling of one address is one key.
    String canonical =
        UserAccounts.canonicalEmail(email)
            .orElseThrow(
                () ->
                    ProblemException.invalid(
                        "email", "'" + email + "' is not an email address; give yours"));
    SignInThrottle.Verdict verdict = throttle.admit(canonical, ctx.ip());
    if (verdict instanceof SignInThrottle.Verdict.HeldBack held) {
      throw heldBack(ctx, held);
    }
    SignInThrottle.Verdict.Admitted attempt = (SignInThrottle.Verdict.Admitted) verdict;
    if (!checks.start()) {
      throttle.withdraw(attempt);
      ctx.header("Retry-After", "1");
      throw new ProblemException(
          ProblemException.problem(
              "busy",
              "Too many requests",
              429,
              "the server is checking many sign-ins at once; try again in a moment"));
    }
    Optional<User> signedIn;
    try {
      signedIn = accounts.signIn(canonical, password);
    } finally {
      checks.done();
    }
    if (signedIn.isEmpty()) {
      throw ProblemException.unauthorized(WRONG);
    }
    throttle.succeeded(attempt);
    User user = signedIn.get();
    sessions.end(ctx.cookie(Sessions.COOKIE));
    Sessions.Started session = sessions.start(user);
    ctx.header("Set-Cookie", sessions.cookie(session));
    if (body != null) {
      ctx.json(describe(user, session.csrfToken(), session.expiresAt(), "session"));
    }
  }

  private static ProblemException heldBack(Context ctx, SignInThrottle.Verdict.HeldBack held) {
    long seconds = Math.max(1, held.retryAfter().toSeconds());
    long minutes = (seconds + 59) / 60;
    ctx.header("Retry-After", String.valueOf(seconds));
    return ProblemException.tooManyRequests(
        "too many wrong passwords "
            + (held.byClient() ? "from this address" : "for this email")
            + "; try again in "
            + minutes
            + (minutes == 1 ? " minute" : " minutes"));
  }

  /**
   * A page on another site must not sign a visitor in to an account of its choosing (login CSRF):
   * browsers name the page's origin on every cross-site POST, so one that is not this server's is
   * refused. Tools that send no Origin, like curl, are not browsers and are let through.
   */
  private static void refuseOtherSites(Context ctx) {
    String origin = ctx.header("Origin");
    String host = ctx.header("Host");
    if (origin == null || host == null) {
      return;
    }
    String originHost = origin.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
    if (!originHost.equalsIgnoreCase(host)) {
      throw ProblemException.forbidden(
          "sign-in from " + origin + " is refused; sign in on this server's own /login page");
    }
  }

  public void logout(Context ctx) {
    sessions.end(ctx.cookie(Sessions.COOKIE));
    ctx.header("Set-Cookie", sessions.expiredCookie());
    if (Requests.isForm(ctx)) {
      Requests.seeOther(ctx, "/login");
    } else {
      ctx.status(HttpStatus.NO_CONTENT);
    }
  }

  /** Who is signed in, and for a browser session the CSRF token its changes must carry. */
  public void session(Context ctx) {
    Principal principal = Principal.of(ctx);
    ctx.json(
        describe(
            principal.user(),
            principal.csrfToken(),
            principal.expiresAt(),
            principal.viaSession() ? "session" : "token"));
  }

  static Map<String, Object> describe(User user, String csrf, Instant expires, String via) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("user", UsersApi.json(user));
    out.put("authenticatedBy", via);
    if (csrf != null) {
      out.put("csrfToken", csrf);
      out.put("csrfHeader", Authentication.CSRF_HEADER);
    }
    if (expires != null) {
      out.put("expiresAt", expires.toString());
    }
    return out;
  }
}
