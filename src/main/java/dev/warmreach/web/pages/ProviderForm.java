package dev.warmreach.web.pages;

import static dev.warmreach.web.pages.FormInput.nullToBlank;

import dev.warmreach.execute.provider.ProviderSetup;
import dev.warmreach.execute.provider.UnipileProvider;
import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings page's LinkedIn provider form: its fields as stored, and as posted with each mistake
 * named and what to check with the provider. Apart from {@link SettingsPage} because which key may
 * be kept, typed or named is the form's own rule: a stored key is sent only to the DSN it was
 * entered for, and a variable of the server's environment can be kept but not newly named here.
 *
 * @param values the fields as posted, by name
 * @param errors each mistake as a sentence naming its field; empty when the form is fine
 * @param apiKey the key to store: typed, or the stored one kept; null when one is read from {@code
 *     apiKeyEnv}
 * @param apiKeyEnv the environment variable kept for the key; null when a key is stored
 * @param webhookSecret the webhook secret typed; empty to keep the current one or have one made
 * @param hooks where the provider's webhooks are to post; null when no public URL is given
 */
record ProviderForm(
    Map<String, String> values,
    List<String> errors,
    String apiKey,
    String apiKeyEnv,
    String webhookSecret,
    URI hooks) {

  /** Reads and checks the posted form; {@code current} is the provider stored now, if any. */
  static ProviderForm read(Context ctx, Optional<ProviderSetup.Settings> current) {
    Map<String, String> form =
        FormInput.values(ctx, "provider", "dsn", "api_key_env", "public_url");
    String apiKey = Optional.ofNullable(ctx.formParam("api_key")).orElse("").strip();
    String secret = Optional.ofNullable(ctx.formParam("webhook_secret")).orElse("").strip();
    String dsn = form.get("dsn");
    String keyEnv = form.get("api_key_env");
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
    return new ProviderForm(form, List.copyOf(errors), keyToStore, envToKeep, secret, hooks);
  }

  /** Puts the stored provider's fields (never its key) into {@code form}. */
  static void show(ProviderSetup.Settings p, Map<String, String> form) {
    form.put("dsn", p.dsn());
    form.put("api_key_env", nullToBlank(p.apiKeyEnv()));
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
}
