package dev.warmreach.web.api;

import dev.warmreach.execute.email.Unsubscribes;
import dev.warmreach.web.http.ProblemException;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * {@code /unsubscribe?token=…}, the link in every email's {@code List-Unsubscribe} header. {@code
 * POST} unsubscribes (RFC 8058 one-click: mail clients post {@code List-Unsubscribe=One-Click});
 * {@code GET}, what a person who clicks the link gets, shows the address with a button that posts,
 * because mail scanners open links on their own and must not unsubscribe anyone. Open to anyone:
 * the signed token is the authority. A token this workspace did not sign is a 400 that stores
 * nothing, as a page for browsers and a problem for the rest.
 */
public final class UnsubscribeApi {

  private final Unsubscribes unsubscribes;
  private final Clock clock;

  public UnsubscribeApi(Unsubscribes unsubscribes, Clock clock) {
    this.unsubscribes = unsubscribes;
    this.clock = clock;
  }

  public void page(Context ctx) {
    String token = token(ctx);
    Unsubscribes.Outcome outcome = unsubscribes.check(token);
    if (outcome instanceof Unsubscribes.Outcome.Refused refused) {
      refuse(ctx, refused.reason());
      return;
    }
    var valid = (Unsubscribes.Outcome.Unsubscribed) outcome;
    ctx.html(
        page(
            "Unsubscribe",
            "<p>Stop emails to <strong>"
                + escape(valid.email().value())
                + "</strong>? You will not be contacted again.</p>"
                + "<form method=\"post\" action=\"/unsubscribe?token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8)
                + "\"><input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"
                + "<p><button type=\"submit\">Unsubscribe</button></p></form>"));
  }

  public void unsubscribe(Context ctx) {
    Unsubscribes.Outcome outcome = unsubscribes.unsubscribe(token(ctx), clock.instant());
    if (outcome instanceof Unsubscribes.Outcome.Refused refused) {
      refuse(ctx, refused.reason());
      return;
    }
    var done = (Unsubscribes.Outcome.Unsubscribed) outcome;
    if (wantsHtml(ctx)) {
      ctx.html(
          page(
              "Unsubscribed",
              "<p><strong>"
                  + escape(done.email().value())
                  + "</strong> will not be contacted again.</p>"));
    } else {
      ctx.json(
          Map.of(
              "email", done.email().value(),
              "unsubscribed", true,
              "already", done.already()));
    }
  }

  private static String token(Context ctx) {
    String token = ctx.queryParam("token");
    if (token == null || token.isBlank()) {
      throw ProblemException.badRequest(
          "the unsubscribe link has no token: open the whole link from the email (it ends in"
              + " ?token=…)");
    }
    return token;
  }

  private static void refuse(Context ctx, String reason) {
    if (wantsHtml(ctx)) {
      ctx.status(400).html(page("This link does not work", "<p>" + escape(reason) + ".</p>"));
      return;
    }
    throw ProblemException.badRequest(reason);
  }

  private static boolean wantsHtml(Context ctx) {
    String accept = ctx.header("Accept");
    return accept != null && accept.contains("text/html");
  }

  private static String page(String title, String body) {
    return """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>%s</title>
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer"></head>
        <body style="font-family: system-ui, sans-serif; max-width: 28rem; margin: 4rem auto">
        <h1>%s</h1>
        %s
        </body></html>
        """
        .formatted(escape(title), escape(title), body);
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
