package dev.warmreach.web.pages;

import dev.warmreach.domain.EmailAddress;
import dev.warmreach.domain.Role;
import dev.warmreach.domain.User;
import dev.warmreach.domain.UserError;
import dev.warmreach.execute.outbound.OutboundSettings;
import dev.warmreach.execute.webhook.DeadLetters;
import dev.warmreach.store.Deliveries;
import dev.warmreach.store.UserStore;
import dev.warmreach.web.auth.ApiTokens;
import dev.warmreach.web.auth.Passwords;
import dev.warmreach.web.auth.Principal;
import dev.warmreach.web.auth.UserAccounts;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Settings: the SMTP server, the webhook and its dead letters, users (admins) and the signed-in
 * user's API tokens. Changes are plain form posts: on success the page is shown again (303) with a
 * confirmation; a mistake shows the page with what is wrong and stores nothing. Secrets are never
 * shown back, except a new token or webhook secret, once, right after it was made.
 */
public final class SettingsPage {

  private static final int DEAD_LETTERS_SHOWN = 100;

  private final Deliveries deliveries;
  private final UserStore users;
  private final Clock clock;
  private final Views views;
  private final OutboundSettings outbound;
  private final UserAccounts accounts;
  private final ApiTokens tokens;
  private final Map<String, String> env;

  /**
   * @param forgetTokens called after a token is revoked, so that the server stops trusting it at
   *     once (the same as {@code DELETE /api/tokens/{id}})
   */
  public SettingsPage(
      Deliveries deliveries,
      UserStore users,
      Clock clock,
      OutboundSettings outbound,
      Views views,
      Runnable forgetTokens) {
    this.deliveries = deliveries;
    this.users = users;
    this.clock = clock;
    this.outbound = outbound;
    this.views = views;
    this.accounts = new UserAccounts(users);
    this.tokens =
        new ApiTokens(
            users, clock, new com.fasterxml.jackson.databind.ObjectMapper(), forgetTokens);
    this.env = System.getenv();
  }

  /** What a change left to say, shown once after the redirect ({@code ?saved=}). */
  private static final Map<String, String[]> SAVED =
      Map.of(
          "smtp",
              new String[] {"smtp", "SMTP settings saved: email steps go out over this server."},
          "webhook", new String[] {"webhook", "Webhook saved: steps will be posted to it."},
          "replayed",
              new String[] {
                "webhook", "Dead letter replayed: it goes out on the next pass of the engine."
              },
          "user", new String[] {"users", "User added: they can sign in now."},
          "revoked",
              new String[] {"tokens", "Token revoked: requests with it are refused from now on."});

  public void show(Context ctx) {
    String[] saved = SAVED.get(Optional.ofNullable(ctx.queryParam("saved")).orElse(""));
    render(
        ctx,
        HttpStatus.OK,
        new Outcome(
            saved == null ? "" : saved[0], saved == null ? "" : saved[1], List.of(), Map.of()));
  }

  public void saveSmtp(Context ctx) {
    Map<String, String> form = fields(ctx, "host", "port", "tls", "user", "password_env", "from");
    form.putAll(fields(ctx, "from_name", "unsubscribe_mailto", "unsubscribe_url"));
    String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
    List<String> errors = new ArrayList<>();
    if (form.get("host").isEmpty()) {
      errors.add("Host: give the mail server's name, e.g. smtp.example.com.");
    }
    int port = 0;
    try {
      port = Integer.parseInt(form.get("port"));
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (port < 1 || port > 65_535) {
      errors.add("Port: give a number from 1 to 65535, e.g. 587 (STARTTLS) or 465 (TLS).");
    }
    String tls = form.get("tls").toLowerCase(Locale.ROOT);
    if (!List.of("none", "starttls", "tls").contains(tls)) {
      errors.add("Security: choose STARTTLS, TLS or none.");
    }
    if (EmailAddress.parse(form.get("from")).isEmpty()) {
      errors.add("From address: give the address emails are sent from, e.g. sdr@example.com.");
    }
    if (form.get("unsubscribe_mailto").isEmpty() && form.get("unsubscribe_url").isEmpty()) {
      errors.add(
          "Unsubscribe: give a mailto address or an https URL (or both); every email carries a"
              + " List-Unsubscribe header.");
    }
    String user = form.get("user");
    String passwordEnv = user.isEmpty() ? "" : form.get("password_env");
    Optional<OutboundSettings.Smtp> current = outbound.smtp();
    boolean keep = !user.isEmpty() && password.isEmpty();
    if (!password.isEmpty() && !passwordEnv.isEmpty()) {
      errors.add(
          "Password: give either a password to store or the name of an environment variable that"
              + " holds it, not both.");
    } else if (keep
        && !passwordEnv.isEmpty()
        && !passwordEnv.equals(current.map(OutboundSettings.Smtp::passwordEnv).orElse(""))) {
      // Naming any variable of the server's environment here would send its value to any host.
      errors.add(
          "Password environment variable: name a new one with 'warmreach settings smtp"
              + " --password-env' on the machine Warmreach runs on; here, type the password.");
    }
    if (errors.isEmpty()) {
      try {
        OutboundSettings.Smtp smtp =
            new OutboundSettings.Smtp(
                form.get("host"),
                port,
                tls,
                blankToNull(user),
                keep || user.isEmpty() ? null : password,
                null,
                form.get("from"),
                blankToNull(form.get("from_name")),
                blankToNull(form.get("unsubscribe_mailto")),
                blankToNull(form.get("unsubscribe_url")));
        if (keep) {
          outbound.saveKeepingPassword(smtp, env);
        } else {
          outbound.save(smtp, env);
        }
        ctx.redirect("/settings?saved=smtp#smtp", HttpStatus.SEE_OTHER);
        return;
      } catch (UserError e) {
        errors.add(sentence(e.getMessage()));
      }
    }
    render(ctx, HttpStatus.UNPROCESSABLE_CONTENT, new Outcome("smtp", "", errors, form));
  }

  public void saveWebhook(Context ctx) {
    Map<String, String> form = fields(ctx, "url", "secret_env");
    String secret = Optional.ofNullable(ctx.formParam("secret")).orElse("").strip();
    String secretEnv = form.get("secret_env");
    List<String> errors = new ArrayList<>();
    if (form.get("url").isEmpty()) {
      errors.add("URL: give the receiver's address, e.g. https://hooks.example.com/warmreach.");
    }
    if (!secret.isEmpty() && !secretEnv.isEmpty()) {
      errors.add(
          "Secret: give either a secret to store or the name of an environment variable that"
              + " holds it, not both.");
    }
    String generated = "";
    if (secret.isEmpty() && secretEnv.isEmpty()) {
      Optional<OutboundSettings.Webhook> current = outbound.webhook();
      if (current.isPresent()) {
        secret = Optional.ofNullable(current.get().secret()).orElse("");
        secretEnv = Optional.ofNullable(current.get().secretEnv()).orElse("");
      } else {
        generated = OutboundSettings.newWebhookSecret();
        secret = generated;
      }
    }
    if (errors.isEmpty()) {
      try {
        outbound.save(
            new OutboundSettings.Webhook(
                form.get("url"), blankToNull(secret), blankToNull(secretEnv)),
            env);
        if (generated.isEmpty()) {
          ctx.redirect("/settings?saved=webhook#webhook", HttpStatus.SEE_OTHER);
        } else {
          render(
              ctx,
              HttpStatus.OK,
              new Outcome(
                  "webhook",
                  "Webhook saved with a new secret. Copy it into the receiving tool now: it is not"
                      + " shown again.",
                  List.of(),
                  form,
                  null,
                  generated));
        }
        return;
      } catch (UserError e) {
        errors.add(sentence(e.getMessage()));
      }
    }
    render(ctx, HttpStatus.UNPROCESSABLE_CONTENT, new Outcome("webhook", "", errors, form));
  }

  public void replay(Context ctx) {
    // a touch's dead letter is named by its number (17), an outcome's by e and its number (e5)
    boolean replayed = new DeadLetters(deliveries).replay(ctx.pathParam("id"), clock.instant());
    if (!replayed) {
      render(
          ctx,
          HttpStatus.NOT_FOUND,
          new Outcome(
              "webhook",
              "",
              List.of(
                  "There is no webhook dead letter "
                      + ctx.pathParam("id")
                      + " any more; it may have been replayed already. The list below is current."),
              Map.of()));
      return;
    }
    ctx.redirect("/settings?saved=replayed#webhook", HttpStatus.SEE_OTHER);
  }

  public void addUser(Context ctx) {
    Map<String, String> form = fields(ctx, "email", "role");
    String password = Optional.ofNullable(ctx.formParam("new_password")).orElse("");
    List<String> errors = new ArrayList<>();
    if (UserAccounts.canonicalEmail(form.get("email")).isEmpty()) {
      errors.add("Email: give an email address like ana@example.com.");
    }
    Role role = null;
    try {
      role = Role.valueOf(form.get("role").toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      errors.add("Role: choose admin or member.");
    }
    String weak = Passwords.problemWith(password);
    if (weak != null) {
      errors.add("Password: " + clause(weak));
    }
    if (errors.isEmpty()) {
      try {
        accounts.add(form.get("email"), role, password);
        ctx.redirect("/settings?saved=user#users", HttpStatus.SEE_OTHER);
        return;
      } catch (UserError e) {
        errors.add("Email: " + clause(e.getMessage()));
      }
    }
    render(ctx, HttpStatus.UNPROCESSABLE_CONTENT, new Outcome("users", "", errors, form));
  }

  public void createToken(Context ctx) {
    Map<String, String> form = fields(ctx, "token_name");
    String problem = ApiTokens.problemWithName(form.get("token_name"));
    if (problem != null) {
      render(
          ctx,
          HttpStatus.UNPROCESSABLE_CONTENT,
          new Outcome("tokens", "", List.of("Token name: " + clause(problem)), form));
      return;
    }
    ApiTokens.Issued issued = tokens.issue(Principal.of(ctx).user().id(), form.get("token_name"));
    render(
        ctx,
        HttpStatus.CREATED,
        new Outcome(
            "tokens",
            "Token created. Copy it now: it is shown this once and never again.",
            List.of(),
            Map.of(),
            issued,
            ""));
  }

  public void revokeToken(Context ctx) {
    long id = number(ctx.pathParam("id"));
    // On this page, everyone revokes their own tokens (admins revoke others' through the API).
    if (!tokens.revoke(id, Principal.of(ctx).user().id())) {
      render(
          ctx,
          HttpStatus.NOT_FOUND,
          new Outcome(
              "tokens",
              "",
              List.of("There is no active token " + ctx.pathParam("id") + " of yours to revoke."),
              Map.of()));
      return;
    }
    ctx.redirect("/settings?saved=revoked#tokens", HttpStatus.SEE_OTHER);
  }

  /** What a change came to, for the page shown after it. */
  private record Outcome(
      String section,
      String ok,
      List<String> errors,
      Map<String, String> form,
      ApiTokens.Issued issued,
      String newSecret) {
    Outcome(String section, String ok, List<String> errors, Map<String, String> form) {
      this(section, ok, errors, form, null, "");
    }
  }

  private void render(Context ctx, HttpStatus status, Outcome outcome) {
    User user = Principal.of(ctx).user();
    boolean admin = user.role() == Role.ADMIN;
    Optional<OutboundSettings.Smtp> smtp = outbound.smtp();
    Optional<OutboundSettings.Webhook> webhook = outbound.webhook();
    Map<String, String> form = new HashMap<>();
    form.put("port", "587");
    form.put("tls", "starttls");
    form.put("role", "member");
    smtp.ifPresent(
        s -> {
          form.put("host", s.host());
          form.put("port", Integer.toString(s.port()));
          form.put("tls", s.tls().toLowerCase(Locale.ROOT));
          form.put("user", nullToBlank(s.username()));
          form.put("password_env", nullToBlank(s.passwordEnv()));
          form.put("from", s.from());
          form.put("from_name", nullToBlank(s.fromName()));
          form.put("unsubscribe_mailto", nullToBlank(s.unsubscribeMailto()));
          form.put("unsubscribe_url", nullToBlank(s.unsubscribeUrl()));
        });
    webhook.ifPresent(
        w -> {
          form.put("url", w.url());
          form.put("secret_env", nullToBlank(w.secretEnv()));
        });
    form.putAll(outcome.form());
    SettingsView model =
        new SettingsView(
            admin,
            user.id(),
            form,
            smtp.map(OutboundSettings.Smtp::describe).orElse(""),
            smtp.map(SettingsPage::smtpSecret).orElse(""),
            webhook.map(OutboundSettings.Webhook::describe).orElse(""),
            webhook
                .map(
                    w ->
                        w.secretEnv() != null && !w.secretEnv().isBlank()
                            ? "read from the environment variable " + w.secretEnv()
                            : "stored in the database (not shown)")
                .orElse(""),
            new DeadLetters(deliveries).list(DEAD_LETTERS_SHOWN),
            admin ? users.users() : List.of(),
            tokens.of(user.id()),
            outcome.issued(),
            outcome.newSecret(),
            outcome.section(),
            outcome.ok(),
            outcome.errors());
    ctx.status(status);
    views.page(
        ctx,
        "settings/settings.jte",
        views.chrome(ctx, "Settings", Chrome.Section.SETTINGS),
        model);
  }

  private static String smtpSecret(OutboundSettings.Smtp s) {
    if (s.passwordEnv() != null && !s.passwordEnv().isBlank()) {
      return "read from the environment variable " + s.passwordEnv();
    }
    if (s.password() != null && !s.password().isEmpty()) {
      return "stored in the database (not shown)";
    }
    return "";
  }

  private static Map<String, String> fields(Context ctx, String... names) {
    Map<String, String> out = new HashMap<>();
    for (String name : names) {
      out.put(name, Optional.ofNullable(ctx.formParam(name)).orElse("").strip());
    }
    return out;
  }

  private static long number(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static String nullToBlank(String value) {
    return value == null ? "" : value;
  }

  /** A message after a field's name: ends with a full stop. */
  private static String clause(String message) {
    return message.endsWith(".") ? message : message + ".";
  }

  /** A message with a capital first letter and a full stop. */
  private static String sentence(String message) {
    if (message == null || message.isEmpty()) {
      return "";
    }
    String out = Character.toUpperCase(message.charAt(0)) + message.substring(1);
    return out.endsWith(".") ? out : out + ".";
  }
}
