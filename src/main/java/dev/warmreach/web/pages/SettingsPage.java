package dev.warmreach.web.pages;

import static dev.warmreach.web.pages.FormInput.clause;
import static dev.warmreach.web.pages.FormInput.sentence;

import dev.warmreach.domain.Role;
import dev.warmreach.domain.UserError;
import dev.warmreach.execute.outbound.OutboundSettings;
import dev.warmreach.execute.provider.ProviderSetup;
import dev.warmreach.execute.webhook.DeadLetters;
import dev.warmreach.store.Deliveries;
import dev.warmreach.store.UserStore;
import dev.warmreach.web.auth.ApiTokens;
import dev.warmreach.web.auth.Passwords;
import dev.warmreach.web.auth.Principal;
import dev.warmreach.web.auth.UserAccounts;
import dev.warmreach.web.pages.SettingsRenderer.Outcome;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.ArrayList;
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

  private final Deliveries deliveries;
  private final Clock clock;
  private final OutboundSettings outbound;
  private final ProviderSetup provider;
  private final UserAccounts accounts;
  private final ApiTokens tokens;
  private final Map<String, String> env;
  private final SettingsRenderer renderer;

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
    this.clock = clock;
    this.outbound = outbound;
    this.provider = provider;
    this.accounts = new UserAccounts(users);
    this.tokens =
        new ApiTokens(
            users, clock, new com.fasterxml.jackson.databind.ObjectMapper(), forgetTokens);
    this.env = System.getenv();
    this.renderer = new SettingsRenderer(deliveries, users, outbound, provider, tokens, views);
  }

  public void show(Context ctx) {
    render(ctx, HttpStatus.OK, Outcome.saved(ctx.queryParam("saved")));
  }

  public void saveSmtp(Context ctx) {
    SmtpForm form = SmtpForm.read(ctx, outbound.smtp());
    List<String> errors = new ArrayList<>(form.errors());
    if (errors.isEmpty()) {
      try {
        if (form.keepPassword()) {
          outbound.saveKeepingPassword(form.smtp(), env);
        } else {
          outbound.save(form.smtp(), env);
        }
        ctx.redirect("/settings?saved=smtp#smtp", HttpStatus.SEE_OTHER);
        return;
      } catch (UserError e) {
        errors.add(sentence(e.getMessage()));
      }
    }
    render(ctx, HttpStatus.UNPROCESSABLE_CONTENT, new Outcome("smtp", "", errors, form.values()));
  }

  public void saveWebhook(Context ctx) {
    WebhookForm form = WebhookForm.read(ctx, outbound.webhook());
    List<String> errors = new ArrayList<>(form.errors());
    if (errors.isEmpty()) {
      try {
        outbound.save(form.webhook(), env);
        if (form.generated().isEmpty()) {
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
                  form.values(),
                  null,
                  form.generated()));
        }
        return;
      } catch (UserError e) {
        errors.add(sentence(e.getMessage()));
      }
    }
    render(
        ctx, HttpStatus.UNPROCESSABLE_CONTENT, new Outcome("webhook", "", errors, form.values()));
  }

  /**
   * Saves the LinkedIn provider as {@code warmreach settings provider} does, with the key checked
   * by {@link ProviderForm}. With a public URL, the provider's webhooks are registered before
   * anything is stored.
   */
  public void saveProvider(Context ctx) {
    Optional<ProviderSetup.Settings> current = provider.settings();
    ProviderForm form = ProviderForm.read(ctx, current);
    List<String> errors = new ArrayList<>(form.errors());
    if (errors.isEmpty()) {
      try {
        ProviderSetup.Settings checked =
            provider.checked(
                "unipile",
                form.values().get("dsn"),
                form.apiKey(),
                form.apiKeyEnv(),
                form.webhookSecret(),
                env);
        if (form.hooks() != null) {
          try {
            provider.registerWebhooks(checked, form.hooks());
          } catch (UserError e) {
            throw new UserError("Public URL: " + e.getMessage(), e);
          }
        }
        provider.keep(checked);
        if (current.isPresent() || !form.webhookSecret().isEmpty()) {
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
                  form.values(),
                  null,
                  checked.webhookSecret()));
        }
        return;
      } catch (UserError e) {
        String message = sentence(e.getMessage());
        errors.add(message.startsWith("Public URL: ") ? message : "API key: " + message);
      }
    }
    render(
        ctx, HttpStatus.UNPROCESSABLE_CONTENT, new Outcome("provider", "", errors, form.values()));
  }

  /** Forgets the provider, as {@code warmreach settings remove provider} does. */
  public void removeProvider(Context ctx) {
    provider.remove();
    ctx.redirect("/settings?saved=provider-removed#provider", HttpStatus.SEE_OTHER);
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
    Map<String, String> form = FormInput.values(ctx, "email", "role");
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
    Map<String, String> form = FormInput.values(ctx, "token_name");
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

  private static long number(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private void render(Context ctx, HttpStatus status, Outcome outcome) {
    renderer.render(ctx, status, outcome);
  }
}
