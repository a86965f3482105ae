package dev.warmreach.web.auth;

/** The two bare pages the server has before the dashboard: signing in and the first admin. */
final class Html {

  private Html() {}

  static String page(String title, String body) {
    return """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>%s · Warmreach</title>
        <meta name="viewport" content="width=device-width, initial-scale=1"></head>
        <body style="font-family: system-ui, sans-serif; max-width: 28rem; margin: 4rem auto">
        <h1>%s</h1>
        %s
        </body></html>
        """
        .formatted(escape(title), escape(title), body);
  }

  static String form(String action, String hidden, String button) {
    return """
        <form method="post" action="%s">
        %s
        <p><label>Email<br><input name="email" type="email" autocomplete="username" required></label></p>
        <p><label>Password<br><input name="password" type="password" minlength="%d"
           autocomplete="current-password" required></label></p>
        <p><button type="submit">%s</button></p>
        </form>
        """
        .formatted(action, hidden, Passwords.MINIMUM_LENGTH, escape(button));
  }

  static String escape(String text) {
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
