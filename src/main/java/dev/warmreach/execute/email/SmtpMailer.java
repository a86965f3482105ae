package dev.warmreach.execute.email;

import dev.warmreach.domain.Touch;
import dev.warmreach.store.OutboundTouch;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

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
  }

  private final SmtpSettings settings;
  private final Session session;

  SmtpMailer(SmtpSettings settings) {
    this.settings = settings;
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

  Result send(OutboundTouch outbound, Instant now) {
    try {
      MimeMessage message = message(outbound, now);
      try (Transport transport = session.getTransport("smtp")) {
        transport.connect(
            settings.host(), settings.port(), settings.username(), settings.password());
        transport.sendMessage(message, message.getAllRecipients());
      }
      return new Result.Accepted();
    } catch (AuthenticationFailedException e) {
      // The settings are wrong, not the touch: retry once the user has fixed them.
      return new Result.TryLater(
          "the SMTP server refused the login"
              + detail(e)
              + "; check the smtp username and password");
    } catch (MessagingException e) {
      return classify(e);
    }
  }

  MimeMessage message(OutboundTouch outbound, Instant now) throws MessagingException {
    Touch touch = outbound.touch();
    String id = TouchReference.messageId(touch.idempotencyKey(), settings.domain());
    MimeMessage m =
        new MimeMessage(session) {
          @Override
          protected void updateMessageID() throws MessagingException {
            // Stable across retries and derived from the touch, so bounces find their way back.
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
    m.setHeader("List-Unsubscribe", listUnsubscribe(touch.idempotencyKey()));
    if (settings.unsubscribeUrl() != null) {
      m.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }
    m.saveChanges();
    return m;
  }

  private String listUnsubscribe(String touchKey) {
    List<String> targets = new ArrayList<>(2);
    if (settings.unsubscribeMailto() != null) {
      targets.add(
          "<mailto:"
              + settings.unsubscribeMailto().value()
              + "?subject="
              + URLEncoder.encode("unsubscribe " + touchKey, StandardCharsets.UTF_8)
                  .replace("+", "%20")
              + ">");
    }
    if (settings.unsubscribeUrl() != null) {
      targets.add("<" + unsubscribeUrl(settings.unsubscribeUrl(), touchKey) + ">");
    }
    return String.join(", ", targets);
  }

  static String unsubscribeUrl(URI url, String touchKey) {
    String key = URLEncoder.encode(touchKey, StandardCharsets.UTF_8);
    String text = url.toString();
    if (text.contains("{touch}")) {
      return text.replace("{touch}", key);
    }
    return text + (url.getRawQuery() == null ? "?" : "&") + "touch=" + key;
  }

  /** 5xx answers are for good; everything else may work later. */
  private static Result classify(MessagingException e) {
    for (Exception x = e; x != null; x = next(x)) {
      int code = code(x);
      if (code >= 500) {
        return new Result.Refused(reason(x));
      }
      if (code >= 400) {
        return new Result.TryLater(reason(x));
      }
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return new Result.TryLater(
        "could not reach the SMTP server "
            + "("
            + (root == e
                ? e.getMessage()
                : root.getClass().getSimpleName() + ": " + root.getMessage())
            + ")");
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
