package dev.warmreach.web.pages;

import static dev.warmreach.testing.AProspect.aProspect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.domain.Role;
import dev.warmreach.domain.Touch;
import dev.warmreach.execute.outbound.OutboundSettings;
import dev.warmreach.store.Delivery;
import dev.warmreach.testing.PlannedTouches;
import dev.warmreach.web.ServerFixture;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings page over real HTTP: what is saved, what is refused, and who may. */
class SettingsPageTest {

  private static final String FORM = "application/x-www-form-urlencoded";

  @TempDir Path home;
  private ServerFixture server;
  private ServerFixture.Login admin;

  @BeforeEach
  void start() {
    server = ServerFixture.start(home);
    server.addUser("ana@example.com", Role.ADMIN);
    server.addUser("max@example.com", Role.MEMBER);
    admin = server.login("ana@example.com");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> post(ServerFixture.Login login, String path, String... fields) {
    StringBuilder body = new StringBuilder("_csrf=" + enc(login.csrf()));
    for (int i = 0; i < fields.length; i += 2) {
      body.append('&').append(fields[i]).append('=').append(enc(fields[i + 1]));
    }
    return server.post(path, FORM, body.toString(), "Cookie", login.cookie());
  }

  private String settings(ServerFixture.Login login) {
    HttpResponse<String> page = server.get("/settings", login.headers());
    assertThat(page.statusCode()).isEqualTo(200);
    return page.body();
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private OutboundSettings outbound() {
    return new OutboundSettings(
        server.app.store().settings(),
        server.app.deliveries(),
        server.app.doNotContact(),
        server.app.engineSteps());
  }

  @Test
  void smtpSettingsAreSavedWithoutEverShowingThePasswordBack() {
    HttpResponse<String> saved =
        post(
            admin,
            "/settings/smtp",
            "host",
            "smtp.example.com",
            "port",
            "587",
            "tls",
            "starttls",
            "user",
            "sdr@example.com",
            "password",
            "a-very-secret-smtp-password",
            "password_env",
            "",
            "from",
            "sdr@example.com",
            "from_name",
            "Ana from Example",
            "unsubscribe_mailto",
            "unsubscribe@example.com",
            "unsubscribe_url",
            "");

    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
    assertThat(saved.headers().firstValue("Location")).hasValue("/settings?saved=smtp#smtp");
    OutboundSettings.Smtp smtp = outbound().smtp().orElseThrow();
    assertThat(smtp.host()).isEqualTo("smtp.example.com");
    assertThat(smtp.password()).isEqualTo("a-very-secret-smtp-password");
    String page = server.get("/settings?saved=smtp", admin.headers()).body();
    assertThat(page)
        .contains("SMTP settings saved")
        .contains("smtp.example.com:587 (starttls) from sdr@example.com")
        .contains("stored in the database (not shown)")
        .doesNotContain("a-very-secret-smtp-password");

    // Saving again with an empty password field keeps the stored one, for the same server
    HttpResponse<String> again =
        post(
            admin,
            "/settings/smtp",
            "host",
            "smtp.example.com",
            "port",
            "587",
            "tls",
            "starttls",
            "user",
            "sdr@example.com",
            "password",
            "",
            "from",
            "sdr@example.com",
            "from_name",
            "Ana Silva",
            "unsubscribe_mailto",
            "unsubscribe@example.com");
    assertThat(again.statusCode()).as(again.body()).isEqualTo(303);
    assertThat(outbound().smtp().orElseThrow().password()).isEqualTo("a-very-secret-smtp-password");
    assertThat(outbound().smtp().orElseThrow().fromName()).isEqualTo("Ana Silva");
  }

  @Test
  void badSmtpSettingsNameTheFieldAndTheFixAndStoreNothing() {
    HttpResponse<String> refused =
        post(
            admin,
            "/settings/smtp",
            "host",
            "",
            "port",
            "eighty",
            "tls",
            "starttls",
            "from",
            "not an address",
            "unsubscribe_mailto",
            "",
            "unsubscribe_url",
            "");

    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body())
        .contains("role=\"alert\"")
        .contains("Nothing was saved")
        .contains("Host: give the mail server's name, e.g. smtp.example.com.")
        .contains("Port: give a number from 1 to 65535")
        .contains("From address: give the address emails are sent from")
        .contains("Unsubscribe: give a mailto address or an https URL")
        .contains("value=\"eighty\"");
    assertThat(outbound().smtp()).isEmpty();

    HttpResponse<String> httpUnsubscribe =
        post(
            admin,
            "/settings/smtp",
            "host",
            "smtp.example.com",
            "port",
            "587",
            "tls",
            "starttls",
            "from",
            "sdr@example.com",
            "unsubscribe_url",
            "http://example.com/out");
    assertThat(httpUnsubscribe.statusCode()).isEqualTo(422);
    assertThat(httpUnsubscribe.body()).contains("must be an https URL");
    assertThat(outbound().smtp()).isEmpty();
  }

  @Test
  void aWebhookGetsAGeneratedSecretShownOnceAndBadOnesAreRefused() {
    HttpResponse<String> refused =
        post(admin, "/settings/webhook", "url", "ftp://hooks.example.com", "secret", "short");
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body()).contains("is not an http(s) URL; give e.g.");
    assertThat(outbound().webhook()).isEmpty();

    HttpResponse<String> saved =
        post(admin, "/settings/webhook", "url", "https://hooks.example.com/warmreach");
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    Matcher secret =
        Pattern.compile("<code id=\"new-secret\">(whsec_[A-Za-z0-9+/]{43}=)</code>")
            .matcher(saved.body());
    assertThat(secret.find()).isTrue();
    assertThat(outbound().webhook().orElseThrow().secret()).isEqualTo(secret.group(1));
    assertThat(saved.body()).contains("data-copy=\"new-secret\"");
    assertThat(settings(admin))
        .contains("https://hooks.example.com/warmreach")
        .doesNotContain(secret.group(1));

    HttpResponse<String> shortSecret =
        post(admin, "/settings/webhook", "url", "https://hooks.example.com/x", "secret", "short");
    assertThat(shortSecret.statusCode()).isEqualTo(422);
    assertThat(shortSecret.body()).contains("Webhook secret must be at least 16 characters");
    assertThat(outbound().webhook().orElseThrow().url())
        .isEqualTo("https://hooks.example.com/warmreach");

    ServerFixture.Login member = server.login("max@example.com");
    assertThat(post(member, "/settings/webhook", "url", "https://evil.example/").statusCode())
        .isEqualTo(403);
    assertThat(settings(member)).contains("Only admins change these settings");
  }

  @Test
  void aDeadLetterIsListedAndReplayedFromThePage() {
    Touch touch =
        PlannedTouches.email(
            server.app.store(),
            aProspect().withEmail("ana@northwind.example").build(),
            "Hello",
            "Hi Ana",
            ServerFixture.START);
    Delivery d =
        server
            .app
            .deliveries()
            .openDelivery(
                touch.idempotencyKey(),
                Delivery.Kind.WEBHOOK,
                "https://hooks.example.com/warmreach",
                ServerFixture.START);
    server
        .app
        .deliveries()
        .settleDelivery(
            d.id(), Delivery.Status.DEAD, "HTTP 500 eight times", null, ServerFixture.START);

    assertThat(settings(admin))
        .contains("HTTP 500 eight times")
        .contains("action=\"/settings/webhooks/" + d.id() + "/replay\"");

    HttpResponse<String> replayed = post(admin, "/settings/webhooks/" + d.id() + "/replay");
    assertThat(replayed.statusCode()).isEqualTo(303);
    assertThat(server.app.deliveries().delivery(d.id()).orElseThrow().status())
        .isEqualTo(Delivery.Status.PENDING);
    assertThat(server.get("/settings?saved=replayed", admin.headers()).body())
        .contains("Dead letter replayed")
        .contains("None: every webhook delivery went out");

    HttpResponse<String> twice = post(admin, "/settings/webhooks/" + d.id() + "/replay");
    assertThat(twice.statusCode()).isEqualTo(404);
    assertThat(twice.body()).contains("There is no webhook dead letter " + d.id());
  }

  @Test
  void aDeadOutcomeIsListedAndReplayedFromThePageByItsEventId() {
    var deliveries = server.app.deliveries();
    deliveries.queueWebhookEvents(
        java.util.List.of(
            new dev.warmreach.store.WebhookEvent.New(
                "event:li-reply-1", null, "prospect.replied", "{}")),
        0,
        ServerFixture.START);
    long id = deliveries.dueWebhookEvents(ServerFixture.START, 10).get(0).id();
    deliveries.settleWebhookEvent(
        id,
        dev.warmreach.store.WebhookEvent.Status.DEAD,
        null,
        "HTTP 502 eight times",
        ServerFixture.START);

    assertThat(settings(admin))
        .contains("prospect.replied", "event:li-reply-1", "HTTP 502 eight times")
        .contains("action=\"/settings/webhooks/e" + id + "/replay\"");

    HttpResponse<String> replayed = post(admin, "/settings/webhooks/e" + id + "/replay");
    assertThat(replayed.statusCode()).isEqualTo(303);
    assertThat(deliveries.deadWebhookEvents(10)).isEmpty();
    assertThat(deliveries.dueWebhookEvents(ServerFixture.START.plusSeconds(60), 10)).hasSize(1);
    HttpResponse<String> twice = post(admin, "/settings/webhooks/e" + id + "/replay");
    assertThat(twice.statusCode()).isEqualTo(404);
    assertThat(twice.body()).contains("There is no webhook dead letter e" + id);
  }

  @Test
  void adminsAddUsersAndMembersMayNot() {
    HttpResponse<String> bad =
        post(admin, "/settings/users", "email", "nobody", "role", "owner", "new_password", "short");
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(bad.body())
        .contains("Email: give an email address like ana@example.com.")
        .contains("Role: choose admin or member.")
        .contains("Password: ");
    assertThat(server.count("SELECT count(*) FROM users")).isEqualTo(2);

    HttpResponse<String> added =
        post(
            admin,
            "/settings/users",
            "email",
            "Lea@Example.com",
            "role",
            "member",
            "new_password",
            ServerFixture.PASSWORD);
    assertThat(added.statusCode()).as(added.body()).isEqualTo(303);
    assertThat(server.get("/settings?saved=user", admin.headers()).body())
        .contains("User added")
        .contains("<th scope=\"row\">lea@example.com</th><td>member</td>");
    server.login("lea@example.com");

    HttpResponse<String> again =
        post(
            admin,
            "/settings/users",
            "email",
            "lea@example.com",
            "role",
            "admin",
            "new_password",
            "another long password");
    assertThat(again.statusCode()).isEqualTo(422);
    assertThat(again.body()).contains("exists already; choose another email");

    ServerFixture.Login member = server.login("max@example.com");
    HttpResponse<String> refused =
        post(
            member,
            "/settings/users",
            "email",
            "eve@example.com",
            "role",
            "admin",
            "new_password",
            "another long password");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(server.count("SELECT count(*) FROM users")).isEqualTo(3);
    assertThat(settings(member))
        .contains("Only admins see and add users")
        .doesNotContain("lea@example.com");
  }

  @Test
  void aTokenIsShownOnceAndARevokedOneIsRefusedAtOnce() {
    ServerFixture.Login member = server.login("max@example.com");
    HttpResponse<String> noName = post(member, "/settings/tokens", "token_name", " ");
    assertThat(noName.statusCode()).isEqualTo(422);
    assertThat(noName.body()).contains("Token name: must be 1 to 100 characters");
    assertThat(server.count("SELECT count(*) FROM api_tokens")).isZero();

    HttpResponse<String> created = post(member, "/settings/tokens", "token_name", "zapier");
    assertThat(created.statusCode()).isEqualTo(201);
    Matcher secret =
        Pattern.compile("<code id=\"new-token\">(wr_[\\w-]+)</code>").matcher(created.body());
    assertThat(secret.find()).isTrue();
    assertThat(created.body()).contains("data-copy=\"new-token\"").contains("shown this once");
    String[] bearer = {"Authorization", "Bearer " + secret.group(1)};
    assertThat(server.get("/api/session", bearer).statusCode()).isEqualTo(200);
    assertThat(
            ServerFixture.json(server.get("/api/tokens", bearer))
                .at("/tokens/0/revokedAt")
                .isNull())
        .as("an active token has no revocation time")
        .isTrue();
    String page = settings(member);
    assertThat(page).contains("<th scope=\"row\">zapier</th>").doesNotContain(secret.group(1));
    Matcher revoke = Pattern.compile("action=\"/settings/tokens/(\\d+)/revoke\"").matcher(page);
    assertThat(revoke.find()).as(page.substring(page.indexOf("id=\"tokens\""))).isTrue();

    // Another user cannot revoke it
    assertThat(post(admin, "/settings/tokens/" + revoke.group(1) + "/revoke").statusCode())
        .isEqualTo(404);
    assertThat(server.get("/api/session", bearer).statusCode()).isEqualTo(200);

    HttpResponse<String> revoked = post(member, "/settings/tokens/" + revoke.group(1) + "/revoke");
    assertThat(revoked.statusCode()).isEqualTo(303);
    // Remembered for a few seconds after its last use, yet refused at once
    assertThat(server.get("/api/session", bearer).statusCode()).isEqualTo(401);
    assertThat(server.get("/settings?saved=revoked", member.headers()).body())
        .contains("Token revoked")
        .contains("Revoked ");
  }
}
