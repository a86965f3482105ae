package dev.warmreach.web.pages;

import dev.warmreach.domain.Role;
import dev.warmreach.domain.User;
import dev.warmreach.execute.outbound.OutboundSettings;
import dev.warmreach.execute.provider.ProviderSetup;
import dev.warmreach.execute.webhook.DeadLetters;
import dev.warmreach.store.Deliveries;
import dev.warmreach.store.UserStore;
import dev.warmreach.web.auth.ApiTokens;
import dev.warmreach.web.auth.Principal;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Draws the settings page: the stored settings as the forms' values (secrets never), the dead
 * letters, users and tokens, and the outcome of the last change in its section. Apart from {@link
 * SettingsPage}, whose handlers decide what a change comes to, because every one of them ends in
 * the same page.
 */
final class SettingsRenderer {

  private static final int DEAD_LETTERS_SHOWN = 100;

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

  private final Deliveries deliveries;
  private final UserStore users;
  private final OutboundSettings outbound;
  private final ProviderSetup provider;
  private final ApiTokens tokens;
  private final Views views;

  SettingsRenderer(
      Deliveries deliveries,
      UserStore users,
      OutboundSettings outbound,
      ProviderSetup provider,
      ApiTokens tokens,
      Views views) {
    this.deliveries = deliveries;
    this.users = users;
    this.outbound = outbound;
    this.provider = provider;
    this.tokens = tokens;
    this.views = views;
  }

  /** What a change came to, for the page shown after it. */
  record Outcome(
      String section,
      String ok,
      List<String> errors,
      Map<String, String> form,
      ApiTokens.Issued issued,
      String newSecret) {
    Outcome(String section, String ok, List<String> errors, Map<String, String> form) {
      this(section, ok, errors, form, null, "");
    }

    /** The confirmation of the change named {@code key} ({@code ?saved=}); none if unknown. */
    static Outcome saved(String key) {
      String[] saved = SAVED.get(key == null ? "" : key);
      return new Outcome(
          saved == null ? "" : saved[0], saved == null ? "" : saved[1], List.of(), Map.of());
    }
  }

  void render(Context ctx, HttpStatus status, Outcome outcome) {
    User user = Principal.of(ctx).user();
    boolean admin = user.role() == Role.ADMIN;
    Optional<OutboundSettings.Smtp> smtp = outbound.smtp();
    Optional<OutboundSettings.Webhook> webhook = outbound.webhook();
    Map<String, String> form = new HashMap<>();
    form.put("port", "587");
    form.put("tls", "starttls");
    form.put("role", "member");
    smtp.ifPresent(s -> SmtpForm.show(s, form));
    webhook.ifPresent(w -> WebhookForm.show(w, form));
    Optional<ProviderSetup.Settings> linkedIn = provider.settings();
    form.put("provider", "unipile");
    linkedIn.ifPresent(p -> ProviderForm.show(p, form));
    form.putAll(outcome.form());
    SettingsView model =
        new SettingsView(
            admin,
            user.id(),
            form,
            smtp.map(OutboundSettings.Smtp::describe).orElse(""),
            smtp.map(SmtpForm::secretInWords).orElse(""),
            webhook.map(OutboundSettings.Webhook::describe).orElse(""),
            webhook.map(WebhookForm::secretInWords).orElse(""),
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
}
