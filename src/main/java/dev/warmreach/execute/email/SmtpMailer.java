package dev.warmreach.execute.email;

import dev.warmreach.domain.Touch;
import dev.warmreach.store.OutboundTouch;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Writes a touch as a plain-text UTF-8 email and hands it to the SMTP server (Angus Mail), telling
 * an accepted email from a permanent refusal and a failure worth retrying. Thread-safe.
 */
final class SmtpMailer {

  /** What the server made of one email. */
  sealed interface Result {
    record Accepted() implements Result {}

    /** Refused for good (a 5xx answer), in the server's words. */
    record Refused(String reason) implements Result {}

    /** Not taken this time: a 4xx answer, no connection, a timeout, a refused login. */
    record TryLater(String reason) implements Result {}

    /**
     * Handed over (DATA had begun) and then no answer: the connection broke or timed out, so the
     * server may or may not have taken it.
     */
    record Unknown(String reason) implements Result {}
  }

  /** Where the unsubscribe URL wants the token: {@code {touch}}, maybe percent-encoded. */
  private static final Pattern PLACEHOLDER = Pattern.compile("(?i)\\{touch\\}|%7Btouch%7D");

  private final SmtpSettings settings;
  private final MailKey key;
  private final Session session;

  SmtpMailer(SmtpSettings settings, MailKey key) {
    this.settings = settings;
    this.key = key;
    this.session = Session.getInstance(properties(settings));
  }

  private static Properties properties(SmtpSettings s) {
    String millis = Long.toString(s.timeout().toMillis());
    Properties p = new Properties();
    p.put("mail.smtp.host", s.host());
    p.put("mail.smtp.port", Integer.toString(s.port()));
    p.put("mail.smtp.connectiontimeout", millis);
    p.put("mail.smtp.timeout", millis);
    p.put("mail.smtp.writetimeout", millis);
    p.put("mail.smtp.auth", Boolean.toString(s.username() != null));
    // EHLO names the sender's domain, not this machine's name (often "localhost" in a container),
    // which receiving servers count against the sender.
    p.put("mail.smtp.localhost", s.domain());
    // The envelope sender is the from address, so bounces come back to its mailbox.
    p.put("mail.smtp.from", s.fromAddress().value());
    switch (s.tls()) {
      case NONE -> {}
      case STARTTLS -> {
        p.put("mail.smtp.starttls.enable", "true");
        p.put("mail.smtp.starttls.required", "true");
        p.put("mail.smtp.ssl.checkserveridentity", "true");
      }
      case TLS -> {
        p.put("mail.smtp.ssl.enable", "true");
        p.put("mail.smtp.ssl.checkserveridentity", "true");
      }
    }
    return p;
  }

  /**
   * Sends one email; {@code beforeData} is asked just before the DATA command and, when it answers
   * false (the sent-marker could not be recorded), the email is not handed over.
   */
  Result send(OutboundTouch outbound, Instant now, BooleanSupplier beforeData) {
    MarkingTransport transport = null;
    boolean accepted = false;
    try {
      MimeMessage message = message(outbound, now);
      transport =
          new MarkingTransport(
              session,
              new URLName("smtp", settings.host(), settings.port(), null, null, null),
              beforeData);
      transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
      transport.sendMessage(message, message.getAllRecipients());
      accepted = true;
      transport.close();
      return new Result.Accepted();
    } catch (AuthenticationFailedException e) {
      // The settings are wrong, not the touch: retry once the user has fixed them.
      return new Result.TryLater(
          "the SMTP server refused the login"
              + detail(e)
              + "; check the smtp username and password");
    } catch (MessagingException e) {
      if (accepted) {
        return new Result.Accepted(); // only the goodbye (QUIT) failed
      }
      Optional<Result> answered = answered(e);
      if (answered.isPresent()) {
        return answered.get();
      }
      if (transport != null && transport.handedOver) {
        // No answer to the message itself: the server may have taken it.
        return new Result.Unknown(unreachable(e));
      }
      return new Result.TryLater("could not reach the SMTP server (" + unreachable(e) + ")");
    } finally {
      closeQuietly(transport);
    }
  }

  private static void closeQuietly(MarkingTransport transport) {
    if (transport != null && transport.isConnected()) {
      try {
        transport.close();
      } catch (MessagingException e) {
        // the answer that matters has been read already
      }
    }
  }

  /**
   * Angus Mail's SMTP transport with one addition: the sent-marker is recorded just before the DATA
   * command, once the server has taken the sender and the recipients. Not thread-safe; one per
   * email.
   */
  private static final class MarkingTransport extends SMTPTransport {
    private final BooleanSupplier beforeData;
    private boolean handedOver;

    MarkingTransport(Session session, URLName url, BooleanSupplier beforeData) {
      super(session, url);
      this.beforeData = beforeData;
    }

    @Override
    protected OutputStream data() throws MessagingException {
      if (!beforeData.getAsBoolean()) {
        throw new MessagingException(
            "the email's claim was taken over by another sender; not handed over");
      }
      handedOver = true;
      return super.data();
    }
  }

  MimeMessage message(OutboundTouch outbound, Instant now) throws MessagingException {
    Touch touch = outbound.touch();
    String id =
        TouchReference.messageId(touch.idempotencyKey(), key.workspaceMark(), settings.domain());
    MimeMessage m =
        new MimeMessage(session) {
          @Override
          protected void updateMessageID() throws MessagingException {
            // Unique to this email and carrying the touch's key, so bounces find their way back.
            setHeader("Message-ID", id);
          }
        };
    try {
      m.setFrom(
          new InternetAddress(
              settings.fromAddress().value(),
              settings.fromName().isEmpty() ? null : settings.fromName(),
              "UTF-8"));
      var prospect = outbound.prospect();
      m.setRecipient(
          Message.RecipientType.TO,
          new InternetAddress(
              prospect.profile().email().value(), prospect.fullName().strip(), "UTF-8"));
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException("UTF-8 is always supported", e);
    }
    m.setSubject(touch.message().subject(), "UTF-8");
    m.setText(touch.message().body(), "UTF-8", "plain");
    m.setSentDate(Date.from(now));
    m.setHeader(TouchReference.HEADER, touch.idempotencyKey());
    m.setHeader(
        "List-Unsubscribe",
        listUnsubscribe(
            key.unsubscribeToken(touch.idempotencyKey(), outbound.prospect().profile().email())));
    if (settings.unsubscribeUrl() != null) {
      m.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }
    m.saveChanges();
    return m;
  }

  private String listUnsubscribe(String token) {
    List<String> targets = new ArrayList<>(2);
    if (settings.unsubscribeMailto() != null) {
      targets.add(
          "<mailto:"
              + settings.unsubscribeMailto().value()
              + "?subject="
              + URLEncoder.encode("unsubscribe " + token, StandardCharsets.UTF_8)
                  .replace("+", "%20")
              + ">");
    }
    if (settings.unsubscribeUrl() != null) {
      targets.add("<" + unsubscribeUrl(settings.unsubscribeUrl(), token) + ">");
    }
    return String.join(", ", targets);
  }

  /**
   * The unsubscribe link for one email: {@code {touch}} in the URL (as typed, or as {@code
   * %7Btouch%7D}) is replaced by the signed token, else {@code token=TOKEN} is added to its query.
   */
  static String unsubscribeUrl(URI url, String token) {
    String value = URLEncoder.encode(token, StandardCharsets.UTF_8);
    String text = url.toString();
    String placed = PLACEHOLDER.matcher(text).replaceAll(Matcher.quoteReplacement(value));
    if (!placed.equals(text)) {
      return placed;
    }
    return text + (url.getRawQuery() == null ? "?" : "&") + "token=" + value;
  }

  /** The server's answer, if it gave one: 5xx is for good, 4xx may work later. */
  private static Optional<Result> answered(MessagingException e) {
    for (Exception x = e; x != null; x = next(x)) {
      int code = code(x);
      if (code >= 500) {
        return Optional.of(new Result.Refused(reason(x)));
      }
      if (code >= 400) {
        return Optional.of(new Result.TryLater(reason(x)));
      }
    }
    return Optional.empty();
  }

  /** What went wrong with the connection, from the innermost cause. */
  private static String unreachable(MessagingException e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e ? e.getMessage() : root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  private static Exception next(Exception x) {
    return x instanceof MessagingException m ? m.getNextException() : null;
  }

  private static int code(Exception x) {
    if (x instanceof SMTPAddressFailedException a) {
      return a.getReturnCode();
    }
    if (x instanceof SMTPSenderFailedException s) {
      return s.getReturnCode();
    }
    if (x instanceof SMTPSendFailedException f) {
      return f.getReturnCode();
    }
    return -1;
  }

  private static String reason(Exception x) {
    String message = x.getMessage() == null ? "" : x.getMessage().strip();
    return "the SMTP server answered: " + message.replaceAll("\\s+", " ");
  }

  private static String detail(Exception e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? "" : " (" + message.strip() + ")";
  }
}
