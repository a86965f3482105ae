package dev.warmreach.web.api;

import static dev.warmreach.testing.AProspect.aProspect;
import static dev.warmreach.web.ProblemAssert.assertThatProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.warmreach.domain.EmailAddress;
import dev.warmreach.domain.Role;
import dev.warmreach.domain.Touch;
import dev.warmreach.execute.Backoff;
import dev.warmreach.execute.email.MailKey;
import dev.warmreach.execute.email.SmtpExecutor;
import dev.warmreach.execute.email.SmtpSettings;
import dev.warmreach.testing.PlannedTouches;
import dev.warmreach.web.ServerFixture;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unsubscribe link of a real email (sent over SMTP to GreenMail) followed against the running
 * server: one-click POST lists the address and records the event; a link another workspace signed,
 * or one altered on the way, is refused and stores nothing.
 */
class UnsubscribeApiTest {

  private static final String ANA = "ana.silva@kestrel.example";

  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @TempDir Path home;
  private ServerFixture fixture;
  private Touch touch;

  @BeforeEach
  void start() {
    fixture = ServerFixture.start(home);
    touch =
        PlannedTouches.email(
            fixture.app.store(),
            aProspect().named("Ana", "Silva").withEmail(ANA).build(),
            "Your post on SDR onboarding",
            "Hi Ana, …",
            ServerFixture.START);
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  /** Sends the touch as the workspace does, and returns its https link's path and query. */
  private String linkInTheEmail() throws Exception {
    new SmtpExecutor(
            fixture.app.deliveries(),
            fixture.app.doNotContact(),
            new SmtpSettings(
                "127.0.0.1",
                MAIL.getSmtp().getPort(),
                SmtpSettings.Tls.NONE,
                null,
                null,
                new EmailAddress("sam@northwind-sales.example"),
                "Sam Rivera",
                null,
                URI.create("https://warmreach.northwind-sales.example/unsubscribe"),
                Duration.ofSeconds(5),
                Backoff.DEFAULT),
            fixture.app.outboundSettings().mailKey(),
            fixture.clock)
        .execute(touch);
    String header = MAIL.getReceivedMessages()[0].getHeader("List-Unsubscribe", null);
    URI link = URI.create(header.substring(1, header.length() - 1));
    assertThat(link.getHost()).isEqualTo("warmreach.northwind-sales.example");
    return link.getRawPath() + "?" + link.getRawQuery();
  }

  private HttpResponse<String> oneClick(String pathAndQuery) {
    // what Gmail and Yahoo post (RFC 8058)
    return fixture.post(
        pathAndQuery, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click");
  }

  private long stored() {
    return fixture.count("SELECT count(*) FROM do_not_contact")
        + fixture.count("SELECT count(*) FROM prospect_event")
        + fixture.count("SELECT count(*) FROM prospect WHERE do_not_contact = TRUE");
  }

  @Test
  void theOneClickPostOfTheEmailsLinkListsTheAddressAndRecordsTheUnsubscribe() throws Exception {
    String link = linkInTheEmail();

    HttpResponse<String> first = oneClick(link);
    HttpResponse<String> again = oneClick(link);

    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(ServerFixture.json(first).get("email").asText()).isEqualTo(ANA);
    assertThat(ServerFixture.json(first).get("already").asBoolean()).isFalse();
    assertThat(ServerFixture.json(again).get("already").asBoolean()).isTrue();
    assertThat(fixture.app.doNotContact().isDoNotContact(null, new EmailAddress(ANA))).isTrue();
    assertThat(fixture.count("SELECT count(*) FROM prospect_event WHERE kind = 'UNSUBSCRIBED'"))
        .isEqualTo(1);
    assertThat(fixture.count("SELECT count(*) FROM prospect WHERE do_not_contact = TRUE"))
        .isEqualTo(1);
    // the enrollment is woken, so its next step sees the prospect on the list and stops
    assertThat(
            fixture.count(
                "SELECT count(*) FROM enrollment WHERE status = 'ACTIVE' AND next_due_at = "
                    + ServerFixture.START.toEpochMilli()))
        .isEqualTo(1);
  }

  @Test
  void openingTheLinkShowsTheAddressAndAButtonButUnsubscribesNobody() throws Exception {
    String link = linkInTheEmail();

    HttpResponse<String> page = fixture.get(link, "Accept", "text/html");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(ANA).contains("<form method=\"post\"").contains(link);
    assertThat(stored()).isZero();

    HttpResponse<String> clicked =
        fixture.post(
            link,
            "application/x-www-form-urlencoded",
            "List-Unsubscribe=One-Click",
            "Accept",
            "text/html");
    assertThat(clicked.statusCode()).isEqualTo(200);
    assertThat(clicked.body()).contains(ANA + "</strong> will not be contacted again");
    assertThat(fixture.app.doNotContact().isDoNotContact(null, new EmailAddress(ANA))).isTrue();
  }

  @Test
  void aTokenAnotherWorkspaceSignedIsRefusedAndStoresNothing() {
    String foreign =
        MailKey.random().unsubscribeToken(touch.idempotencyKey(), new EmailAddress(ANA));

    HttpResponse<String> posted = oneClick("/unsubscribe?token=" + foreign);
    HttpResponse<String> page = fixture.get("/unsubscribe?token=" + foreign, "Accept", "text/html");

    assertThatProblem(posted).hasStatus(400);
    assertThat(ServerFixture.json(posted).get("detail").asText())
        .contains("not made by this Warmreach workspace");
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("This link does not work").contains("nothing was changed");
    assertThat(stored()).isZero();
  }

  @Test
  void aLinkAlteredToNameAnotherAddressOrCutShortIsRefused() throws Exception {
    String link = linkInTheEmail();
    String token = link.substring(link.indexOf("token=") + 6);
    String[] parts = token.split("\\.");
    String otherAddress =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString((touch.idempotencyKey() + "\nboss@kestrel.example").getBytes());

    assertThatProblem(
            oneClick("/unsubscribe?token=" + parts[0] + "." + otherAddress + "." + parts[2]))
        .hasStatus(400);
    assertThatProblem(oneClick("/unsubscribe?token=" + token.substring(0, token.length() - 3)))
        .hasStatus(400);
    assertThatProblem(oneClick("/unsubscribe")).hasStatus(400);
    assertThat(stored()).isZero();
  }

  @Test
  void anUnsubscribedEventPostedToTheApiListsTheAddressToo() {
    fixture.addUser("admin@northwind-sales.example", Role.ADMIN);
    String[] auth = fixture.bearer(fixture.login("admin@northwind-sales.example"));

    HttpResponse<String> response =
        fixture.post(
            "/api/events",
            "application/json",
            "{\"kind\": \"unsubscribed\", \"prospectId\": "
                + touch.prospectId()
                + ", \"idempotencyKey\": \"crm-optout-1\"}",
            auth);

    assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
    assertThat(fixture.app.doNotContact().isDoNotContact(null, new EmailAddress(ANA))).isTrue();
    assertThat(fixture.count("SELECT count(*) FROM prospect WHERE do_not_contact = TRUE"))
        .isEqualTo(1);
  }
}
