package dev.warmreach.execute.email;

import static dev.warmreach.testing.AProspect.aProspect;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.warmreach.domain.Event;
import dev.warmreach.domain.Touch;
import dev.warmreach.execute.Backoff;
import dev.warmreach.store.Store;
import dev.warmreach.store.jdbc.JdbcStore;
import dev.warmreach.testing.PlannedTouches;
import dev.warmreach.testing.SettableClock;
import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Bounces read over real IMAP (GreenMail) from the mailbox the SMTP executor's mail returns to. */
@Timeout(60)
class BounceReaderTest {

  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  static final MailKey KEY = MailKey.random();
  private static final String BOUNCES = "sam@northwind-sales.example";

  @RegisterExtension
  static final GreenMailExtension MAIL =
      new GreenMailExtension(
          new ServerSetup[] {
            ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()
          });

  @TempDir Path home;
  private final SettableClock clock = new SettableClock(T0);
  private Store store;
  private GreenMailUser mailbox;
  private BounceReader reader;

  @BeforeEach
  void open() {
    store = JdbcStore.openEmbedded(home, clock);
    mailbox = MAIL.setUser(BOUNCES, "sam", "s3cret-pass");
    reader =
        new BounceReader(
            store.deliveries(),
            store.engineSteps(),
            new BounceSettings(
                "127.0.0.1",
                MAIL.getImap().getPort(),
                SmtpSettings.Tls.NONE,
                "sam",
                "s3cret-pass",
                "INBOX",
                Duration.ofSeconds(5)),
            clock);
  }

  @AfterEach
  void close() {
    store.close();
  }

  /** Sends a touch through the SMTP executor and returns what the prospect's server received. */
  private MimeMessage sent(Touch touch) {
    new SmtpExecutor(
            store.deliveries(),
            store.doNotContact(),
            SmtpExecutorTest.settings(MAIL.getSmtp().getPort(), Backoff.DEFAULT),
            KEY,
            clock)
        .execute(touch);
    return MAIL.getReceivedMessagesForDomain("kestrel.example")[0];
  }

  private Touch aTouch() {
    return PlannedTouches.email(
        store,
        aProspect().named("Jürgen", "Groß").withEmail("juergen@kestrel.example").build(),
        "Ihr Beitrag",
        "Hallo Jürgen, …",
        T0);
  }

  private static String headersOf(MimeMessage m) throws Exception {
    StringBuilder text = new StringBuilder();
    var lines = m.getAllHeaderLines();
    while (lines.hasMoreElements()) {
      text.append(lines.nextElement()).append("\r\n");
    }
    return text.toString();
  }

  private void deliver(String raw) throws Exception {
    mailbox.deliver(
        new MimeMessage(
            Session.getInstance(new Properties()),
            new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));
  }

  private static String dsn(String id, String action, String originalHeaders) {
    return ("From: Mail Delivery System <MAILER-DAEMON@mx.northwind-sales.example>\r\n"
            + "To: "
            + BOUNCES
            + "\r\n"
            + "Subject: Undelivered Mail Returned to Sender\r\n"
            + "Date: Mon, 2 Mar 2026 09:05:00 +0000\r\n"
            + "Message-ID: "
            + id
            + "\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\r\n"
            + "\r\n"
            + "--b1\r\n"
            + "Content-Type: text/plain; charset=us-ascii\r\n"
            + "\r\n"
            + "Your message could not be delivered.\r\n"
            + "--b1\r\n"
            + "Content-Type: message/delivery-status\r\n"
            + "\r\n"
            + "Reporting-MTA: dns; mx.northwind-sales.example\r\n"
            + "\r\n"
            + "Final-Recipient: rfc822; juergen@kestrel.example\r\n"
            + "Action: ACTION\r\n"
            + "Status: 5.1.1\r\n"
            + "Diagnostic-Code: smtp; 550 5.1.1 User unknown\r\n"
            + "--b1\r\n"
            + "Content-Type: text/rfc822-headers\r\n"
            + "\r\n"
            + originalHeaders
            + "--b1--\r\n")
        .replace("ACTION", action);
  }

  @Test
  void recordsADeliveryStatusNotificationAsOneBouncedEventEvenWhenReadTwice() throws Exception {
    Touch touch = aTouch();
    MimeMessage original = sent(touch);
    String bounceId = "<dsn-1@mx.northwind-sales.example>";
    deliver(dsn(bounceId, "failed", headersOf(original)));

    int first = reader.poll();
    int second = reader.poll();
    // marked unread again by a person, and the same report delivered a second time
    for (var m : MAIL.getReceivedMessagesForDomain("northwind-sales.example")) {
      m.setFlag(Flags.Flag.SEEN, false);
    }
    deliver(dsn(bounceId, "failed", headersOf(original)));
    int third = reader.poll();

    assertThat(first).isEqualTo(1);
    assertThat(second).isZero();
    assertThat(third).isZero();
    // the event is stored under the bounce's own Message-ID: recording it again is a duplicate
    assertThat(
            store
                .engineSteps()
                .recordEvent(new Event.Bounced(touch.prospectId(), T0, "bounce:" + bounceId)))
        .isFalse();
  }

  @Test
  void theLiveLoopReadsTheMailboxAtMostEveryIntervalAndSurvivesAnUnreachableOne() throws Exception {
    StringWriter log = new StringWriter();
    BounceWatch watch = new BounceWatch(reader, clock, Duration.ofMinutes(5), new PrintWriter(log));
    String original = headersOf(sent(aTouch()));
    deliver(dsn("<dsn-a@mx.northwind-sales.example>", "failed", original));

    int first = watch.runDue();
    // a second report (another relay's) of the same email
    deliver(dsn("<dsn-b@relay.northwind-sales.example>", "failed", original));
    int tooSoon = watch.runDue();
    clock.tick(Duration.ofMinutes(5));
    int later = watch.runDue();

    StringWriter down = new StringWriter();
    BounceWatch unreachable =
        new BounceWatch(
            new BounceReader(
                store.deliveries(),
                store.engineSteps(),
                new BounceSettings(
                    "127.0.0.1",
                    1,
                    SmtpSettings.Tls.NONE,
                    "sam",
                    "x",
                    "INBOX",
                    Duration.ofSeconds(2)),
                clock),
            clock,
            Duration.ofMinutes(5),
            new PrintWriter(down));
    int whileDown = unreachable.runDue();
    clock.tick(Duration.ofMinutes(5));
    int stillDown = unreachable.runDue();

    assertThat(first).isEqualTo(1);
    assertThat(tooSoon).isZero();
    assertThat(later).isEqualTo(1);
    assertThat(log.toString()).isEmpty();
    assertThat(whileDown + stillDown).isZero();
    assertThat(down.toString().lines())
        .hasSize(1)
        .first()
        .asString()
        .contains("cannot read the bounce mailbox INBOX at 127.0.0.1:1")
        .contains("trying again in 5 min");
  }

  @Test
  void matchesByMessageIdWhenTheReportQuotesOnlyThat() throws Exception {
    Touch touch = aTouch();
    String messageId = sent(touch).getMessageID();
    deliver(dsn("<dsn-2@mx.example>", "failed", "Message-ID: " + messageId + "\r\n"));

    assertThat(reader.poll()).isEqualTo(1);
  }

  @Test
  void recognisesANonStandardBounceQuotingTheOriginal() throws Exception {
    Touch touch = aTouch();
    MimeMessage original = sent(touch);
    deliver(
        "From: postmaster@kestrel.example\r\n"
            + "To: "
            + BOUNCES
            + "\r\n"
            + "Subject: failure notice\r\n"
            + "Message-ID: <qmail-77@kestrel.example>\r\n"
            + "\r\n"
            + "Hi. This is the qmail-send program. I'm afraid I wasn't able to deliver your"
            + " message.\r\n\r\n<juergen@kestrel.example>:\r\nSorry, no mailbox here by that"
            + " name.\r\n\r\n--- Below this line is a copy of the message.\r\n\r\n"
            + headersOf(original)
            + "\r\nHallo J=C3=BCrgen\r\n");

    assertThat(reader.poll()).isEqualTo(1);
  }

  @Test
  void ignoresDelayNoticesRepliesAndOtherPeoplesMail() throws Exception {
    Touch touch = aTouch();
    MimeMessage original = sent(touch);
    deliver(dsn("<dsn-3@mx.example>", "delayed", headersOf(original)));
    deliver(
        "From: Jürgen Groß <juergen@kestrel.example>\r\n"
            + "To: "
            + BOUNCES
            + "\r\n"
            + "Subject: Re: Ihr Beitrag\r\n"
            + "In-Reply-To: "
            + original.getMessageID()
            + "\r\n"
            + "Message-ID: <reply-1@kestrel.example>\r\n"
            + "\r\n"
            + "Gerne, lassen Sie uns sprechen.\r\n");
    deliver(
        dsn(
            "<dsn-4@mx.example>",
            "failed",
            "Message-ID: <something-else@elsewhere.example>\r\nSubject: not ours\r\n"));

    assertThat(reader.poll()).isZero();
  }
}
