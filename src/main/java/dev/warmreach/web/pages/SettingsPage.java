package dev.warmreach.web.pages;

import dev.warmreach.domain.EmailAddress;
import dev.warmreach.domain.Role;
import dev.warmreach.domain.User;
import dev.warmreach.domain.UserError;
import dev.warmreach.execute.outbound.OutboundSettings;
import dev.warmreach.execute.provider.ProviderSetup;
import dev.warmreach.execute.provider.UnipileProvider;
import dev.warmreach.execute.webhook.DeadLetters;
import dev.warmreach.store.Deliveries;
import dev.warmreach.store.UserStore;
import dev.warmreach.web.auth.ApiTokens;
import dev.warmreach.web.auth.Passwords;
import dev.warmreach.web.auth.Principal;
import dev.warmreach.web.auth.UserAccounts;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Settings: the SMTP server, the webhook and its dead letters, the LinkedIn provider, users
 * (admins) and the signed-in user's API tokens. Changes are plain form posts: on success the page
 * is shown again (303) with a confirmation; a mistake shows the page with what is wrong and stores
 * nothing. Secrets are never shown back, except a new token or webhook secret, once, right after it
 * was made.
 */
public final class SettingsPage {

  private static final int DEAD_LETTERS_SHOWN = 100;

  private final Deliveries deliveries;
  private final UserStore users;
  private final Clock clock;
  private final Views views;
  private final OutboundSettings outbound;
  private final ProviderSetup provider;
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
      ProviderSetup provider,
      Views views,
      Runnable forgetTokens) {
    this.deliveries = deliveries;
    this.users = users;
    this.clock = clock;
    this.outbound = outbound;
    this.provider = provider;
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
          "provider",
              new String[] {
                "provider",
                "LinkedIn provider saved: LinkedIn steps go through it once each sender account is"
                    + " linked (Accounts, Link to LinkedIn)."
              },
          "provider-removed",
              new String[] {
                "provider",
                "LinkedIn provider removed: LinkedIn steps wait in the task inbox (or go to the"
                    + " webhook) again. The accounts' links are kept for when it is set again."
              },
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

  /**
   * Saves the LinkedIn provider as {@code warmreach settings provider} does. The API key is typed
   * here and stored encrypted, or left empty to keep the stored one (for the same DSN only: a
   * stored key is sent only where it was entered for); a variable of the server's environment can
   * be kept but not newly named here, or any admin could send its value to a host of their choice.
   * With a public URL, the provider's webhooks are registered before anything is stored.
   */
  public void saveProvider(Context ctx) {
    Map<String, String> form = fields(ctx, "provider", "dsn", "api_key_env", "public_url");
    String apiKey = Optional.ofNullable(ctx.formParam("api_key")).orElse("").strip();
    String secret = Optional.ofNullable(ctx.formParam("webhook_secret")).orElse("").strip();
    String dsn = form.get("dsn");
    String keyEnv = form.get("api_key_env");
    Optional<ProviderSetup.Settings> current = provider.settings();
    List<String> errors = new ArrayList<>();
    if (!"unipile".equals(form.get("provider"))) {
      errors.add("Provider: choose Unipile, the only provider supported for now.");
    }
    if (dsn.isEmpty()) {
      errors.add("DSN: give the DSN Unipile's dashboard shows, e.g. api8.unipile.com:13851.");
    } else if (!ProviderSetup.validDsn(dsn)) {
      errors.add("DSN: '" + dsn + "' is not a host and port, e.g. api8.unipile.com:13851.");
    }
    String storedKey = current.map(ProviderSetup.Settings::apiKey).orElse(null);
    String currentEnv = current.map(ProviderSetup.Settings::apiKeyEnv).orElse("");
    String keyToStore = apiKey.isEmpty() ? null : apiKey;
    String envToKeep = null;
    if (!apiKey.isEmpty() && !keyEnv.isEmpty()) {
      errors.add(
          "API key: give either a key to store or the name of an environment variable that holds"
              + " it, not both.");
    } else if (!keyEnv.isEmpty() && !keyEnv.equals(currentEnv)) {
      errors.add(
          "API key environment variable: name a new one with 'warmreach settings provider unipile"
              + " --api-key-env' on the machine Warmreach runs on; here, type the key.");
    } else if (apiKey.isEmpty()) {
      boolean sameDsn =
          current.isPresent()
              && ProviderSetup.validDsn(dsn)
              && UnipileProvider.apiRoot(dsn).equals(UnipileProvider.apiRoot(current.get().dsn()));
      if (keyEnv.isEmpty() && (storedKey == null || storedKey.isBlank())) {
        errors.add(
            "API key: give the API key from Unipile's dashboard; it is stored encrypted and never"
                + " shown back.");
      } else if (!sameDsn && ProviderSetup.validDsn(dsn)) {
        errors.add(
            "API key: the DSN changed from "
                + current.get().dsn()
                + " to "
                + dsn
                + "; enter the API key again (a stored key is only sent to the DSN it was entered"
                + " for).");
      } else if (keyEnv.isEmpty()) {
        keyToStore = storedKey;
      } else {
        envToKeep = keyEnv;
      }
    }
    if (!secret.isEmpty() && secret.length() < 16) {
      errors.add(
          "Webhook secret: give at least 16 characters, or leave it empty to keep the current one"
              + " (or have one made).");
    }
    URI hooks = null;
    if (!form.get("public_url").isEmpty()) {
      hooks = webhookUrl(form.get("public_url"));
      if (hooks == null) {
        errors.add(
            "Public URL: give the address the provider reaches this server at, e.g."
                + " https://warmreach.example.com.");
      }
    }
    if (errors.isEmpty()) {
      try {
        ProviderSetup.Settings checked =
            provider.checked("unipile", dsn, keyToStore, envToKeep, secret, env);
        if (hooks != null) {
          try {
            provider.registerWebhooks(checked, hooks);
          } catch (UserError e) {
            throw new UserError("Public URL: " + e.getMessage(), e);
          }
        }
        provider.keep(checked);
        if (current.isPresent() || !secret.isEmpty()) {
          ctx.redirect("/settings?saved=provider#provider", HttpStatus.SEE_OTHER);
        } else {
          render(
              ctx,
              HttpStatus.OK,
              new Outcome(
                  "provider",
                  "LinkedIn provider saved with a new webhook secret. If you register the"
                      + " provider's webhooks yourself, give it as the header "
                      + ProviderSetup.SECRET_HEADER
                      + ": copy it now, it is not shown again.",
                  List.of(),
                  form,
                  null,
                  checked.webhookSecret()));
        }
        return;
      } catch (UserError e) {
        String message = sentence(e.getMessage());
        errors.add(message.startsWith("Public URL: ") ? message : "API key: " + message);
      }
    }
    render(ctx, HttpStatus.UNPROCESSABLE_CONTENT, new Outcome("provider", "", errors, form));
  }

  /** Forgets the provider, as {@code warmreach settings remove provider} does. */
  public void removeProvider(Context ctx) {
    provider.remove();
    ctx.redirect("/settings?saved=provider-removed#provider", HttpStatus.SEE_OTHER);
  }

  /** Where the provider's webhooks post on a public URL, or null when it is not an http(s) URL. */
  private static URI webhookUrl(String publicUrl) {
    try {
      URI base = new URI(publicUrl.replaceAll("/+$", ""));
      if (base.getHost() == null
          || !List.of("http", "https").contains(String.valueOf(base.getScheme()))) {
        return null;
      }
      return URI.create(base + "/api/provider/webhook");
    } catch (URISyntaxException e) {
      return null;
    }
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
    Optional<ProviderSetup.Settings> linkedIn = provider.settings();
    form.put("provider", "unipile");
    linkedIn.ifPresent(
        p -> {
          form.put("dsn", p.dsn());
          form.put("api_key_env", nullToBlank(p.apiKeyEnv()));
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
            linkedIn.map(ProviderSetup.Settings::describe).orElse(""),
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
