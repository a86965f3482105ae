package dev.warmreach.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.domain.Role;
import dev.warmreach.execute.provider.FakeUnipile;
import dev.warmreach.execute.provider.ProviderSetup;
import dev.warmreach.web.ServerFixture;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LinkedIn provider on the Settings page over real HTTP, against the fake Unipile: saved as
 * {@code warmreach settings provider} saves it, the key never shown back, each mistake named by its
 * field with nothing stored, and removed with its button; admins only, with the CSRF token.
 */
class ProviderSettingsPageTest {

  private static final String FORM = "application/x-www-form-urlencoded";
  private static final String KEY = FakeUnipile.API_KEY;

  @TempDir Path home;
  private ServerFixture server;
  private FakeUnipile fake;
  private ServerFixture.Login admin;
  private ServerFixture.Login member;

  @BeforeEach
  void start() throws Exception {
    server = ServerFixture.start(home);
    fake = new FakeUnipile();
    server.addUser("ana@example.com", Role.ADMIN);
    server.addUser("max@example.com", Role.MEMBER);
    admin = server.login("ana@example.com");
    member = server.login("max@example.com");
  }

  @AfterEach
  void stop() {
    fake.close();
    server.close();
  }

  private String dsn() {
    return "127.0.0.1:" + fake.base().getPort();
  }

  private HttpResponse<String> post(ServerFixture.Login login, String path, String... fields) {
    StringBuilder body = new StringBuilder("_csrf=" + enc(login.csrf()));
    for (int i = 0; i < fields.length; i += 2) {
      body.append('&').append(fields[i]).append('=').append(enc(fields[i + 1]));
    }
    return server.post(path, FORM, body.toString(), "Cookie", login.cookie());
  }

  private HttpResponse<String> save(String... fields) {
    Map<String, String> form =
        new java.util.LinkedHashMap<>(
            Map.of(
                "provider", "unipile",
                "dsn", "http://" + dsn(),
                "api_key", "",
                "api_key_env", "",
                "webhook_secret", "",
                "public_url", ""));
    for (int i = 0; i < fields.length; i += 2) {
      form.put(fields[i], fields[i + 1]);
    }
    String[] flat =
        form.entrySet().stream()
            .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
            .toArray(String[]::new);
    return post(admin, "/settings/provider", flat);
  }

  private Optional<ProviderSetup.Settings> stored() {
    return server.app.providerSetup(Map.of()).settings();
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  @Test
  void anAdminSavesTheProviderWithAKeyThatIsNeverShownBackAndTheNewSecretShownOnce() {
    HttpResponse<String> first = save("api_key", KEY);

    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    ProviderSetup.Settings saved = stored().orElseThrow();
    assertThat(saved.apiKey()).isEqualTo(KEY);
    assertThat(saved.apiKeyEnv()).isNull();
    assertThat(first.body())
        .contains("LinkedIn provider saved with a new webhook secret")
        .contains("id=\"new-provider-secret\">" + saved.webhookSecret() + "</code>")
        .contains("(API key stored, encrypted)")
        .doesNotContain(KEY);
    assertThat(server.count("SELECT count(*) FROM setting WHERE value LIKE '%" + KEY + "%'"))
        .as("stored encrypted, as secrets are")
        .isZero();

    // Saving again with the key left empty keeps it and the secret; neither is shown.
    HttpResponse<String> again = save();
    String page = server.get("/settings?saved=provider", admin.headers()).body();

    assertThat(again.statusCode()).as(again.body()).isEqualTo(303);
    assertThat(again.headers().firstValue("Location"))
        .hasValue("/settings?saved=provider#provider");
    assertThat(stored().orElseThrow()).isEqualTo(saved);
    assertThat(page)
        .contains("LinkedIn provider saved")
        .contains("unipile at http://" + dsn() + "/api/v1 (API key stored, encrypted)")
        .doesNotContain(KEY)
        .doesNotContain(saved.webhookSecret());
  }

  @Test
  void eachMistakeIsNamedByItsFieldAndNothingIsStored() {
    HttpResponse<String> wrong =
        save(
            "provider", "phantombuster",
            "dsn", "",
            "webhook_secret", "short",
            "public_url", "ftp://example.com");

    assertThat(wrong.statusCode()).isEqualTo(422);
    assertThat(wrong.body())
        .contains("Nothing was saved")
        .contains("Provider: choose Unipile, the only provider supported for now.")
        .contains("DSN: give the DSN Unipile's dashboard shows, e.g. api8.unipile.com:13851.")
        .contains("API key: give the API key from Unipile's dashboard")
        .contains("Webhook secret: give at least 16 characters")
        .contains("Public URL: give the address the provider reaches this server at");
    assertThat(stored()).isEmpty();
    assertThat(fake.webhooks).isEmpty();
  }

  @Test
  void aStoredKeyIsNotSentToANewDsnNorANewVariableNamedHere() {
    save("api_key", KEY);
    ProviderSetup.Settings saved = stored().orElseThrow();

    HttpResponse<String> moved = save("dsn", "api8.unipile.com:13851");
    HttpResponse<String> variable = save("api_key_env", "DATABASE_PASSWORD");
    HttpResponse<String> both = save("api_key", KEY, "api_key_env", "UNIPILE_API_KEY");

    assertThat(moved.statusCode()).isEqualTo(422);
    assertThat(moved.body())
        .contains("API key: the DSN changed from http://" + dsn() + " to api8.unipile.com:13851")
        .contains("enter the API key again");
    assertThat(variable.statusCode()).isEqualTo(422);
    assertThat(variable.body())
        .contains("API key environment variable: name a new one with")
        .contains("here, type the key");
    assertThat(both.body()).contains("API key: give either a key to store or the name");
    assertThat(stored()).hasValue(saved);
  }

  @Test
  void aPublicUrlRegistersTheProvidersWebhooksWithTheSecretGiven() {
    String secret = "a-secret-of-our-own-choosing";

    HttpResponse<String> saved =
        save("api_key", KEY, "webhook_secret", secret, "public_url", "https://wr.example.com/");

    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
    assertThat(stored().orElseThrow().webhookSecret()).isEqualTo(secret);
    assertThat(fake.webhooks)
        .extracting(w -> w.path("source").asText())
        .containsExactly("users", "messaging", "account_status");
    assertThat(fake.webhooks.get(0).path("request_url").asText())
        .isEqualTo("https://wr.example.com/api/provider/webhook");
    assertThat(fake.webhooks.get(0).path("headers").toString()).contains(secret);
  }

  @Test
  void aWebhookTheProviderRefusesIsNamedAndNothingIsStored() {
    fake.failNext("POST /webhooks", 400, "errors/invalid_parameters", "request_url is invalid.");

    HttpResponse<String> refused = save("api_key", KEY, "public_url", "https://wr.example.com");

    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body())
        .contains("Public URL: could not register the provider's users webhook")
        .contains("request_url is invalid.");
    assertThat(stored()).isEmpty();
  }

  @Test
  void theRemoveButtonForgetsTheProvider() {
    save("api_key", KEY);
    assertThat(server.get("/settings", admin.headers()).body())
        .contains("action=\"/settings/provider/remove\"");

    HttpResponse<String> removed = post(admin, "/settings/provider/remove");

    assertThat(removed.statusCode()).isEqualTo(303);
    assertThat(stored()).isEmpty();
    assertThat(server.get("/settings?saved=provider-removed", admin.headers()).body())
        .contains("LinkedIn provider removed")
        .contains("Not set: LinkedIn steps go to the webhook, or wait in the task inbox.")
        .doesNotContain("action=\"/settings/provider/remove\"");
  }

  @Test
  void membersAndFormsWithoutTheCsrfTokenChangeNothing() {
    HttpResponse<String> byMember =
        post(member, "/settings/provider", "provider", "unipile", "dsn", dsn(), "api_key", KEY);
    HttpResponse<String> forged =
        server.post(
            "/settings/provider",
            FORM,
            "provider=unipile&dsn=" + enc(dsn()) + "&api_key=" + KEY,
            "Cookie",
            admin.cookie());
    save("api_key", KEY);
    HttpResponse<String> removedByMember = post(member, "/settings/provider/remove");

    assertThat(byMember.statusCode()).isEqualTo(403);
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(removedByMember.statusCode()).isEqualTo(403);
    assertThat(stored()).isPresent();
    assertThat(server.get("/settings", member.headers()).body())
        .contains("id=\"provider\"")
        .doesNotContain("action=\"/settings/provider\"");
  }
}
