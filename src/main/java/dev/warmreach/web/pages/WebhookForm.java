package dev.warmreach.web.pages;

import static dev.warmreach.web.pages.FormInput.blankToNull;
import static dev.warmreach.web.pages.FormInput.nullToBlank;

import dev.warmreach.execute.outbound.OutboundSettings;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings page's webhook form: its fields as stored, and as posted with each mistake named and
 * the webhook to save. Apart from {@link SettingsPage} because the checks (and the secret made when
 * none is given) are the form's own.
 *
 * @param values the fields as posted, by name
 * @param errors each mistake as a sentence naming its field; empty when the form is fine
 * @param webhook the webhook to save; null when there are mistakes
 * @param generated a secret made because none was given nor stored, to be shown once; else empty
 */
record WebhookForm(
    Map<String, String> values,
    List<String> errors,
    OutboundSettings.Webhook webhook,
    String generated) {

  /** Reads and checks the posted form; {@code current} is the webhook stored now, if any. */
  static WebhookForm read(Context ctx, Optional<OutboundSettings.Webhook> current) {
    Map<String, String> form = FormInput.values(ctx, "url", "secret_env");
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
      if (current.isPresent()) {
        secret = Optional.ofNullable(current.get().secret()).orElse("");
        secretEnv = Optional.ofNullable(current.get().secretEnv()).orElse("");
      } else {
        generated = OutboundSettings.newWebhookSecret();
        secret = generated;
      }
    }
    OutboundSettings.Webhook webhook =
        !errors.isEmpty()
            ? null
            : new OutboundSettings.Webhook(
                form.get("url"), blankToNull(secret), blankToNull(secretEnv));
    return new WebhookForm(form, List.copyOf(errors), webhook, generated);
  }

  /** Puts the stored webhook's fields (never its secret) into {@code form}. */
  static void show(OutboundSettings.Webhook w, Map<String, String> form) {
    form.put("url", w.url());
    form.put("secret_env", nullToBlank(w.secretEnv()));
  }

  /** How the stored secret is kept, in words. */
  static String secretInWords(OutboundSettings.Webhook w) {
    return w.secretEnv() != null && !w.secretEnv().isBlank()
        ? "read from the environment variable " + w.secretEnv()
        : "stored in the database (not shown)";
  }
}
