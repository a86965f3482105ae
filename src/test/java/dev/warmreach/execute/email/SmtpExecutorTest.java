package dev.warmreach.execute.email;

import static dev.warmreach.testing.AProspect.aProspect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.warmreach.domain.EmailAddress;
import dev.warmreach.domain.Touch;
import dev.warmreach.domain.UserError;
import dev.warmreach.execute.Backoff;
import dev.warmreach.store.Delivery;
import dev.warmreach.store.Store;
import dev.warmreach.store.jdbc.JdbcStore;
import dev.warmreach.testing.PlannedTouches;
import dev.warmreach.testing.SettableClock;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Email over real SMTP (GreenMail, and a scripted server for refusals). */
@Timeout(60)
class SmtpExecutorTest {

  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  static final MailKey KEY = MailKey.random();
  static final String SUBJECT = "Grüße zu Ihrem Beitrag über SDR-Onboarding";
  static final String BODY =
      "Hallo Jürgen,\n\nIhr Beitrag über Onboarding hat mir gefallen — 👍\n\nSam";

  @RegisterExtension
  static final GreenMailExtension MAIL =
      new GreenMailExtension(
          new ServerSetup[] {
            ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()
          });

  @TempDir Path home;
  private final SettableClock clock = new SettableClock(T0);
  private Store store;

  @BeforeEach
  void open() {
    store = JdbcStore.openEmbedded(home, clock);
  }

  @AfterEach
  void close() {
    store.close();
  }

  static SmtpSettings settings(int port, Backoff retries) {
    return new SmtpSettings(
        "127.0.0.1",
        port,
        SmtpSettings.Tls.NONE,
        null,
        null,
        new EmailAddress("sam@northwind-sales.example"),
        "Sam Rivera",
        new EmailAddress("unsubscribe@northwind-sales.example"),
        URI.create("https://northwind-sales.example/unsubscribe"),
        Duration.ofSeconds(5),
        retries);
  }

  private SmtpExecutor executor() {
    return new SmtpExecutor(
        store.deliveries(),
        store.doNotContact(),
        settings(MAIL.getSmtp().getPort(), Backoff.DEFAULT),
        KEY,
        clock);
  }

  private Touch anEmailTo(String email) {
    return PlannedTouches.email(
        store, aProspect().named("Jürgen", "Groß").withEmail(email).build(), SUBJECT, BODY, T0);
  }

  private Delivery theDelivery() {
    for (Delivery.Status status : Delivery.Status.values()) {
      var found = store.deliveries().deliveries(Delivery.Kind.EMAIL, status, 1);
      if (!found.isEmpty()) {
        return found.get(0);
      }
    }
    throw new AssertionError("no delivery");
  }

  private Touch.Status touchStatus(Touch touch) {
    return store.touches().touches(touch.prospectId()).get(0).status();
  }

  @Test
  void sendsTheRenderedTextWithUnsubscribeHeadersAndAMessageIdFromTheTouch() throws Exception {
    Touch touch = anEmailTo("juergen@kestrel.example");

    executor().execute(touch);

    MimeMessage[] received = MAIL.getReceivedMessages();
    assertThat(received).hasSize(1);
    MimeMessage m = received[0];
    assertThat(m.getSubject()).isEqualTo(SUBJECT);
    assertThat(((String) m.getContent()).replace("\r\n", "\n")).isEqualTo(BODY);
    assertThat(m.getContentType())
        .containsIgnoringCase("text/plain")
        .containsIgnoringCase("charset=UTF-8");
    InternetAddress from = (InternetAddress) m.getFrom()[0];
    assertThat(from.getAddress()).isEqualTo("sam@northwind-sales.example");
    assertThat(from.getPersonal()).isEqualTo("Sam Rivera");
    assertThat(((InternetAddress) m.getAllRecipients()[0]).getAddress())
        .isEqualTo("juergen@kestrel.example");
    assertThat(m.getMessageID())
        .startsWith("<wr." + hex(touch.idempotencyKey()) + ".")
        .contains("." + KEY.workspaceMark() + ".")
        .endsWith("@northwind-sales.example>");
    assertThat(TouchReference.fromMessageId(m.getMessageID())).contains(touch.idempotencyKey());
    assertThat(m.getHeader("X-Warmreach-Touch", null)).isEqualTo(touch.idempotencyKey());
    String token =
        KEY.unsubscribeToken(touch.idempotencyKey(), new EmailAddress("juergen@kestrel.example"));
    assertThat(m.getHeader("List-Unsubscribe", null))
        .isEqualTo(
            "<mailto:unsubscribe@northwind-sales.example?subject=unsubscribe%20"
                + token
                + ">, <https://northwind-sales.example/unsubscribe?token="
                + token
                + ">");
    assertThat(KEY.verify(token))
        .contains(
            new MailKey.Unsubscribe(
                touch.idempotencyKey(), new EmailAddress("juergen@kestrel.example")));
    assertThat(m.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
    assertThat(touchStatus(touch)).isEqualTo(Touch.Status.DONE);
    assertThat(theDelivery().status()).isEqualTo(Delivery.Status.SENT);
  }

  @Test
  void onASpedUpClockTheEmailIsDoneAsOfItsAttemptNotOfItsHandOver() {
    // Given a clock that runs on by a simulated minute at every reading after the first, as a
    // 20,000x clock does while the SMTP dialogue takes a few milliseconds
    Touch touch = anEmailTo("juergen@kestrel.example");
    Clock running =
        new Clock() {
          private boolean first = true;

          @Override
          public Instant instant() {
            if (!first) {
              clock.tick(Duration.ofMinutes(1));
            }
            first = false;
            return clock.instant();
          }

          @Override
          public ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(ZoneId zone) {
            return this;
          }
        };
    SmtpExecutor executor =
        new SmtpExecutor(
            store.deliveries(),
            store.doNotContact(),
            settings(MAIL.getSmtp().getPort(), Backoff.DEFAULT),
            KEY,
            running);

    // When it is sent
    executor.execute(touch);

    // Then the touch is done as of the attempt's start, the instant its hours were checked
    Touch done = store.touches().touches(touch.prospectId()).get(0);
    assertThat(MAIL.getReceivedMessages()).hasSize(1);
    assertThat(done.status()).isEqualTo(Touch.Status.DONE);
    assertThat(clock.instant()).as("the clock ran on while sending").isAfter(T0);
    assertThat(done.doneAt()).isEqualTo(T0);
  }

  private static String hex(String text) {
    return java.util.HexFormat.of()
        .formatHex(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void twoWorkspacesSendingTheSameTouchNeverShareAMessageIdOrAnUnsubscribeToken(
      @TempDir Path otherHome) throws Exception {
    // Given two workspaces, each with its own key, whose first touches have the same key
    MailKey otherKey = MailKey.random();
    Touch here = anEmailTo("juergen@kestrel.example");
    Touch there;
    try (Store other = JdbcStore.openEmbedded(otherHome, clock)) {
      there =
          PlannedTouches.email(
              other,
              aProspect().named("Jürgen", "Groß").withEmail("juergen@kestrel.example").build(),
              SUBJECT,
              BODY,
              T0);
      assertThat(there.idempotencyKey()).isEqualTo(here.idempotencyKey());

      // When each sends it
      executor().execute(here);
      new SmtpExecutor(
              other.deliveries(),
              other.doNotContact(),
              settings(MAIL.getSmtp().getPort(), Backoff.DEFAULT),
              otherKey,
              clock)
          .execute(there);
    }

    // Then the two emails differ in Message-ID and token, and each maps back to the touch
    MimeMessage[] received = MAIL.getReceivedMessages();
    assertThat(received).hasSize(2);
    String first = received[0].getMessageID();
    String second = received[1].getMessageID();
    assertThat(first).isNotEqualTo(second);
    assertThat(TouchReference.fromMessageId(first)).contains(here.idempotencyKey());
    assertThat(TouchReference.fromMessageId(second)).contains(here.idempotencyKey());
    String firstLink = received[0].getHeader("List-Unsubscribe", null);
    String secondLink = received[1].getHeader("List-Unsubscribe", null);
    assertThat(firstLink).isNotEqualTo(secondLink);
    String firstToken = firstLink.substring(firstLink.lastIndexOf("token=") + 6).replace(">", "");
    String secondToken =
        secondLink.substring(secondLink.lastIndexOf("token=") + 6).replace(">", "");
    assertThat(KEY.verify(firstToken).isPresent())
        .isNotEqualTo(KEY.verify(secondToken).isPresent());
    assertThat(otherKey.verify(firstToken).isPresent())
        .isNotEqualTo(otherKey.verify(secondToken).isPresent());
  }

  @Test
  void eachSendOfATouchHasItsOwnMessageId() throws Exception {
    Touch touch = anEmailTo("juergen@kestrel.example");
    MimeMessage a =
        new SmtpMailer(settings(1, Backoff.DEFAULT), KEY)
            .message(store.deliveries().outboundTouch(touch.idempotencyKey()).orElseThrow(), T0);
    MimeMessage b =
        new SmtpMailer(settings(1, Backoff.DEFAULT), KEY)
            .message(store.deliveries().outboundTouch(touch.idempotencyKey()).orElseThrow(), T0);

    assertThat(a.getMessageID()).isNotEqualTo(b.getMessageID());
    assertThat(TouchReference.fromMessageId(a.getMessageID())).contains(touch.idempotencyKey());
  }

  @Test
  void ehloNamesTheSendersDomain() throws Exception {
    Touch touch = anEmailTo("juergen@kestrel.example");
    try (var server = new ScriptedSmtpServer("250 OK")) {
      new SmtpExecutor(
              store.deliveries(),
              store.doNotContact(),
              settings(server.port(), Backoff.DEFAULT),
              KEY,
              clock)
          .execute(touch);

      assertThat(server.greeting()).isEqualTo("EHLO northwind-sales.example");
    }
  }

  @Test
  void theTouchPlaceholderInTheUnsubscribeUrlIsReplacedByTheSignedToken() throws Exception {
    // Given settings as `settings smtp --unsubscribe-url` stores them, with {touch} in the path
    SmtpSettings withPlaceholder =
        new dev.warmreach.execute.outbound.OutboundSettings.Smtp(
                "127.0.0.1",
                MAIL.getSmtp().getPort(),
                "none",
                null,
                null,
                null,
                "sam@northwind-sales.example",
                "Sam Rivera",
                null,
                "https://northwind-sales.example/u/{touch}/confirm")
            .resolve(java.util.Map.of());
    Touch touch = anEmailTo("juergen@kestrel.example");

    new SmtpExecutor(store.deliveries(), store.doNotContact(), withPlaceholder, KEY, clock)
        .execute(touch);

    String token =
        KEY.unsubscribeToken(touch.idempotencyKey(), new EmailAddress("juergen@kestrel.example"));
    assertThat(MAIL.getReceivedMessages()[0].getHeader("List-Unsubscribe", null))
        .isEqualTo("<https://northwind-sales.example/u/" + token + "/confirm>");
  }

  @Test
  void aRetriedTouchIsNotSentTwice() {
    Touch touch = anEmailTo("juergen@kestrel.example");
    SmtpExecutor executor = executor();

    executor.execute(touch);
    executor.execute(touch);
    new SmtpExecutor(
            store.deliveries(),
            store.doNotContact(),
            settings(MAIL.getSmtp().getPort(), Backoff.DEFAULT),
            KEY,
            clock)
        .execute(touch);

    assertThat(MAIL.getReceivedMessages()).hasSize(1);
  }

  /** A sender claimed the touch's delivery and died, leaving the claim as it was. */
  private Delivery aClaimLeftBy(Touch touch, boolean handingOver) {
    Delivery d =
        store
            .deliveries()
            .openDelivery(
                touch.idempotencyKey(), Delivery.Kind.EMAIL, "juergen@kestrel.example", T0);
    store
        .deliveries()
        .claimDelivery(d.id(), 0, Delivery.Status.SENDING, T0, T0.plus(Duration.ofSeconds(30)));
    if (handingOver) {
      assertThat(store.deliveries().markHandingOver(d.id(), 1, T0)).isTrue();
    }
    return d;
  }

  @Test
  void anEmailWhoseSenderDiedBeforeHandingItOverIsSentOnceTheClaimLapses() {
    Touch touch = anEmailTo("juergen@kestrel.example");
    aClaimLeftBy(touch, false);

    executor().execute(touch);
    int whileClaimed = MAIL.getReceivedMessages().length;
    clock.tick(Duration.ofMinutes(1));
    executor().execute(touch);
    executor().execute(touch);

    assertThat(whileClaimed).isZero();
    assertThat(MAIL.getReceivedMessages()).hasSize(1);
    assertThat(touchStatus(touch)).isEqualTo(Touch.Status.DONE);
    assertThat(theDelivery().status()).isEqualTo(Delivery.Status.SENT);
    assertThat(theDelivery().attempts()).isEqualTo(2);
  }

  @Test
  void anEmailWhoseSenderDiedWhileHandingItOverIsNeverSentAgainButUncertain() {
    Touch touch = anEmailTo("juergen@kestrel.example");
    aClaimLeftBy(touch, true);

    executor().execute(touch);
    Touch.Status whileClaimed = touchStatus(touch);
    clock.tick(Duration.ofMinutes(1));
    executor().execute(touch);
    executor().execute(touch);

    assertThat(MAIL.getReceivedMessages()).isEmpty();
    assertThat(whileClaimed).isEqualTo(Touch.Status.PLANNED);
    Touch after = store.touches().touches(touch.prospectId()).get(0);
    assertThat(after.status()).isEqualTo(Touch.Status.UNCERTAIN);
    assertThat(after.doneAt()).as("when it was handed over").isEqualTo(T0);
    assertThat(theDelivery().status()).isEqualTo(Delivery.Status.UNCERTAIN);
    assertThat(theDelivery().lastError())
        .startsWith("interrupted while the mail server was receiving it (attempt 1)")
        .contains("confirm sent or not sent");
    assertThat(store.touches().uncertainTouches(10)).extracting(Touch::id).contains(after.id());
  }

  @Test
  void theSentMarkerIsInTheStoreBeforeTheServerIsGivenTheMessage() throws Exception {
    Touch touch = anEmailTo("juergen@kestrel.example");
    AtomicReference<Delivery.Status> atData = new AtomicReference<>();
    try (var server =
        new ScriptedSmtpServer("250 OK", () -> atData.set(theDelivery().status()), false)) {
      new SmtpExecutor(
              store.deliveries(),
              store.doNotContact(),
              settings(server.port(), Backoff.DEFAULT),
              KEY,
              clock)
          .execute(touch);
      assertThat(server.messages()).isEqualTo(1);
    }

    assertThat(atData.get()).isEqualTo(Delivery.Status.HANDING_OVER);
    assertThat(touchStatus(touch)).isEqualTo(Touch.Status.DONE);
  }

  @Test
  void aConnectionLostAfterTheMessageWasHandedOverIsUncertainAndNotRetried() throws Exception {
    Touch touch = anEmailTo("juergen@kestrel.example");
    try (var server = new ScriptedSmtpServer("250 OK", () -> {}, true)) {
      SmtpExecutor executor =
          new SmtpExecutor(
              store.deliveries(),
              store.doNotContact(),
              settings(server.port(), Backoff.DEFAULT),
              KEY,
              clock);

      executor.execute(touch);
      clock.tick(Duration.ofHours(2));
      executor.execute(touch);

      assertThat(server.messages())
          .as("the server got it once, and was not sent it again")
          .isEqualTo(1);
    }
    assertThat(touchStatus(touch)).isEqualTo(Touch.Status.UNCERTAIN);
    assertThat(theDelivery().lastError())
        .startsWith("the connection ended after the email was handed over");
  }

  @Test
  void theUserConfirmsAnUncertainEmailSentOrNotSent() {
    Touch sent = anEmailTo("juergen@kestrel.example");
    aClaimLeftBy(sent, true);
    clock.tick(Duration.ofMinutes(1));
    executor().execute(sent);

    boolean confirmed = store.touches().confirmUncertain(sent.idempotencyKey(), true, null);
    boolean again = store.touches().confirmUncertain(sent.idempotencyKey(), false, "x");

    assertThat(confirmed).isTrue();
    assertThat(again).as("settled once").isFalse();
    Touch after = store.touches().touches(sent.prospectId()).get(0);
    assertThat(after.status()).isEqualTo(Touch.Status.DONE);
    assertThat(after.doneAt()).isEqualTo(T0);
    assertThat(theDelivery().status()).isEqualTo(Delivery.Status.SENT);
    assertThat(MAIL.getReceivedMessages()).isEmpty();
  }

  @Test
  void skipsAProspectWithoutEmailOrOnTheDoNotContactList() {
    Touch noEmail =
        PlannedTouches.email(
            store,
            aProspect().at("https://www.linkedin.com/in/no-mail").withEmail(null).build(),
            "S",
            "B",
            T0);
    Touch listed = anEmailTo("juergen@kestrel.example");
    store
        .doNotContact()
        .addDoNotContact(null, new EmailAddress("JUERGEN@kestrel.example"), "asked us");

    executor().execute(noEmail);
    executor().execute(listed);

    assertThat(MAIL.getReceivedMessages()).isEmpty();
    assertThat(touchStatus(noEmail)).isEqualTo(Touch.Status.SKIPPED);
    assertThat(touchStatus(listed)).isEqualTo(Touch.Status.SKIPPED);
    assertThat(store.deliveries().deliveries(Delivery.Kind.EMAIL, Delivery.Status.SKIPPED, 10))
        .extracting(Delivery::lastError)
        .containsExactlyInAnyOrder(
            "the prospect has no email address", "the prospect is on the do-not-contact list");
  }

  @Test
  void aPermanentRefusalFailsTheTouchWithTheServersReason() throws Exception {
    Touch touch = anEmailTo("nobody@kestrel.example");
    try (var server = new ScriptedSmtpServer("550 5.1.1 <nobody@kestrel.example>: User unknown")) {
      new SmtpExecutor(
              store.deliveries(),
              store.doNotContact(),
              settings(server.port(), Backoff.DEFAULT),
              KEY,
              clock)
          .execute(touch);
    }

    assertThat(touchStatus(touch)).isEqualTo(Touch.Status.FAILED);
    assertThat(theDelivery().status()).isEqualTo(Delivery.Status.FAILED);
    assertThat(theDelivery().lastError())
        .contains("550 5.1.1 <nobody@kestrel.example>: User unknown");
  }

  @Test
  void aTransientFailureLeavesTheTouchPlannedAndRetriesUntilTheLastAttempt() throws Exception {
    Touch touch = anEmailTo("juergen@kestrel.example");
    Backoff twice = new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(10), 2);
    try (var server = new ScriptedSmtpServer("451 4.7.1 greylisted, try again later")) {
      SmtpExecutor executor =
          new SmtpExecutor(
              store.deliveries(), store.doNotContact(), settings(server.port(), twice), KEY, clock);

      executor.execute(touch);
      Delivery afterFirst = theDelivery();
      Touch.Status touchAfterFirst = touchStatus(touch);
      clock.tick(Duration.ofSeconds(59));
      executor.execute(touch);
      int attemptsBeforeDue = theDelivery().attempts();
      clock.tick(Duration.ofSeconds(1));
      executor.execute(touch);

      assertThat(afterFirst.status()).isEqualTo(Delivery.Status.PENDING);
      assertThat(afterFirst.lastError()).contains("451 4.7.1 greylisted");
      assertThat(afterFirst.nextAttemptAt()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
      assertThat(touchAfterFirst).isEqualTo(Touch.Status.PLANNED);
      assertThat(attemptsBeforeDue).isEqualTo(1);
    }
    assertThat(theDelivery().status()).isEqualTo(Delivery.Status.DEAD);
    assertThat(theDelivery().lastError()).endsWith("(gave up after 2 attempts)");
    assertThat(touchStatus(touch)).isEqualTo(Touch.Status.FAILED);
  }

  @Test
  void noServerAtAllIsATransientFailure() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    Touch touch = anEmailTo("juergen@kestrel.example");

    new SmtpExecutor(
            store.deliveries(), store.doNotContact(), settings(closed, Backoff.DEFAULT), KEY, clock)
        .execute(touch);

    assertThat(touchStatus(touch)).isEqualTo(Touch.Status.PLANNED);
    assertThat(theDelivery().status()).isEqualTo(Delivery.Status.PENDING);
    assertThat(theDelivery().lastError()).startsWith("could not reach the SMTP server");
  }

  @Test
  void settingsNameTheBadField() {
    var from = new EmailAddress("sam@northwind-sales.example");
    assertThatThrownBy(
            () ->
                new SmtpSettings(
                    "smtp.example.com",
                    0,
                    SmtpSettings.Tls.STARTTLS,
                    null,
                    null,
                    from,
                    "",
                    from,
                    null,
                    Duration.ofSeconds(30),
                    Backoff.DEFAULT))
        .isInstanceOf(UserError.class)
        .hasMessageStartingWith("smtp port 0 is out of range");
    assertThatThrownBy(
            () ->
                new SmtpSettings(
                    "smtp.example.com",
                    587,
                    SmtpSettings.Tls.STARTTLS,
                    "sam",
                    null,
                    from,
                    "",
                    from,
                    null,
                    Duration.ofSeconds(30),
                    Backoff.DEFAULT))
        .isInstanceOf(UserError.class)
        .hasMessageStartingWith("smtp username and password go together");
    assertThatThrownBy(
            () ->
                new SmtpSettings(
                    "smtp.example.com",
                    587,
                    SmtpSettings.Tls.STARTTLS,
                    null,
                    null,
                    from,
                    "",
                    null,
                    null,
                    Duration.ofSeconds(30),
                    Backoff.DEFAULT))
        .isInstanceOf(UserError.class)
        .hasMessageStartingWith("smtp unsubscribe needs a mailto address or an https URL");
    assertThatThrownBy(
            () ->
                new SmtpSettings(
                    "smtp.example.com",
                    587,
                    SmtpSettings.Tls.STARTTLS,
                    null,
                    null,
                    from,
                    "",
                    null,
                    URI.create("http://x.example/u"),
                    Duration.ofSeconds(30),
                    Backoff.DEFAULT))
        .isInstanceOf(UserError.class)
        .hasMessageStartingWith("smtp unsubscribe URL 'http://x.example/u' must be an https URL");
    assertThat(
            new SmtpSettings(
                    "smtp.example.com",
                    587,
                    SmtpSettings.Tls.STARTTLS,
                    "sam",
                    "hunter2",
                    from,
                    "",
                    from,
                    null,
                    Duration.ofSeconds(30),
                    Backoff.DEFAULT)
                .toString())
        .doesNotContain("hunter2");
  }
}
