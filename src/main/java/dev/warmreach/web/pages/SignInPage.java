package dev.warmreach.web.pages;

import dev.warmreach.web.auth.SignIn;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/**
 * The sign-in form. A failed sign-in comes back here with the code of its reason, and only the
 * reasons sign-in gives are shown (a link cannot put words on this page); a good one goes on to the
 * page the visitor first asked for ({@code next}), which must be a path of this server.
 */
public final class SignInPage {

  private final Views views;

  public SignInPage(Views views) {
    this.views = views;
  }

  public void show(Context ctx) {
    Map<String, Object> params = new HashMap<>();
    params.put("title", "Sign in");
    params.put("action", "/login");
    params.put("button", "Sign in");
    params.put("next", SignIn.safeNext(ctx.queryParam("next")));
    params.put("problem", SignIn.formProblem(ctx.queryParam("problem")).orElse(null));
    params.put("email", ctx.queryParam("email"));
    views.render(ctx, "login.jte", params);
  }
}
