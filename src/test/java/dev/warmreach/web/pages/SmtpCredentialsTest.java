package dev.warmreach.web.pages;

import static dev.warmreach.testing.AProspect.aProspect;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.warmreach.domain.Role;
import dev.warmreach.domain.Touch;
import dev.warmreach.execute.RoutedExecutor;
import dev.warmreach.execute.outbound.OutboundSettings;
import dev.warmreach.testing.PlannedTouches;
import dev.warmreach.web.ServerFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stored SMTP password goes only to the server it was entered for, and never in clear to
 * another machine: over the real settings page, with two real SMTP servers (GreenMail) that both
 * know the login, one the admin's and one an attacker's.
 */
class SmtpCredentialsTest {

  private static final String FORM = "application/x-www-form-urlencoded";
  private static final String LOGIN = "sdr@example.com";
  private static final String PASSWORD = "the-real-smtp-password";

  @RegisterExtension
  static final GreenMailExtension OURS =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(GreenMailConfiguration.aConfig().withUser(LOGIN, PASSWORD));

  @RegisterExtension
  static final GreenMailExtension THEIRS =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(GreenMailConfiguration.aConfig().withUser(LOGIN, PASSWORD));

  @TempDir Path home;
  private ServerFixture server;
  private ServerFixture.Login admin;

  @BeforeEach
  void start() {
    server = ServerFixture.start(home);
    server.addUser("ana@example.com", Role.ADMIN);
    admin = server.login("ana@example.com");
    HttpResponse<String> saved = saveSmtp("127.0.0.1", OURS.getSmtp().getPort(), "none", PASSWORD);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void changingThePortWithoutThePasswordIsRefusedAndMailStillGoesToTheOldServer() {
    HttpResponse<String> moved = saveSmtp("127.0.0.1", THEIRS.getSmtp().getPort(), "none", "");

    assertThat(moved.statusCode()).isEqualTo(422);
    assertThat(moved.body())
        .contains("the mail server changed from 127.0.0.1:" + OURS.getSmtp().getPort())
        .contains("enter the password again");
    assertThat(stored().port()).isEqualTo(OURS.getSmtp().getPort());

    sendOneEmail();
    assertThat(OURS.getReceivedMessages()).hasSize(1);
    assertThat(THEIRS.getReceivedMessages()).isEmpty();
  }

  @Test
  void changingTheHostWithoutThePasswordIsRefused() {
    HttpResponse<String> moved = saveSmtp("localhost", OURS.getSmtp().getPort(), "none", "");

    assertThat(moved.statusCode()).isEqualTo(422);
    assertThat(moved.body()).contains("enter the password again");
    assertThat(stored().host()).isEqualTo("127.0.0.1");
  }

  @Test
  void withThePasswordEnteredAgainTheNewServerIsUsed() {
    HttpResponse<String> moved =
        saveSmtp("127.0.0.1", THEIRS.getSmtp().getPort(), "none", PASSWORD);

    assertThat(moved.statusCode()).as(moved.body()).isEqualTo(303);
    sendOneEmail();
    assertThat(THEIRS.getReceivedMessages()).hasSize(1);
    assertThat(OURS.getReceivedMessages()).isEmpty();
  }

  @Test
  void theSameServerKeepsTheStoredPasswordWhenTheFieldIsLeftEmpty() {
    HttpResponse<String> again = saveSmtp("127.0.0.1", OURS.getSmtp().getPort(), "none", "");

    assertThat(again.statusCode()).as(again.body()).isEqualTo(303);
    assertThat(stored().password()).isEqualTo(PASSWORD);
    sendOneEmail();
    assertThat(OURS.getReceivedMessages()).hasSize(1);
  }

  @Test
  void aLoginOverAConnectionWithoutTlsToAnotherMachineIsRefused() {
    HttpResponse<String> clear = saveSmtp("smtp.example.com", 25, "none", PASSWORD);

    assertThat(clear.statusCode()).isEqualTo(422);
    assertThat(clear.body())
        .contains("tls none would send the password in clear to smtp.example.com")
        .contains("use starttls or tls");
    assertThat(stored().host()).isEqualTo("127.0.0.1");
  }

  @Test
  void anEnvironmentVariableCannotBeNamedFromThePage() {
    HttpResponse<String> named =
        post(
            "host", "127.0.0.1",
            "port", Integer.toString(OURS.getSmtp().getPort()),
            "tls", "none",
            "user", LOGIN,
            "password", "",
            "password_env", "WARMREACH_SECRET_KEY",
            "from", LOGIN,
            "unsubscribe_mailto", "unsubscribe@example.com");

    assertThat(named.statusCode()).isEqualTo(422);
    assertThat(named.body()).contains("--password-env");
    assertThat(stored().passwordEnv()).isNull();
  }

  private void sendOneEmail() {
    Touch touch =
        PlannedTouches.email(
            server.app.store(),
            aProspect().named("Jürgen", "Groß").withEmail("juergen@kestrel.example").build(),
            "Your post on onboarding",
            "Hallo Jürgen, thanks for the post.",
            ServerFixture.START);
    RoutedExecutor executor =
        server.app.outboundExecutors(
            server.clock, Map.of(), new PrintWriter(new StringWriter(), true));
    executor.execute(touch);
  }

  private OutboundSettings.Smtp stored() {
    return server.app.outboundSettings().smtp().orElseThrow();
  }

  private HttpResponse<String> saveSmtp(String host, int port, String tls, String password) {
    return post(
        "host", host,
        "port", Integer.toString(port),
        "tls", tls,
        "user", LOGIN,
        "password", password,
        "password_env", "",
        "from", LOGIN,
        "unsubscribe_mailto", "unsubscribe@example.com");
  }

  private HttpResponse<String> post(String... fields) {
    StringBuilder body = new StringBuilder("_csrf=" + enc(admin.csrf()));
    for (int i = 0; i < fields.length; i += 2) {
      body.append('&').append(fields[i]).append('=').append(enc(fields[i + 1]));
    }
    return server.post("/settings/smtp", FORM, body.toString(), "Cookie", admin.cookie());
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
