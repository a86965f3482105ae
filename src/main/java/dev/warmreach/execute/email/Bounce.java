package dev.warmreach.execute.email;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.ParseException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A permanent delivery failure of one of our emails, as read from a mailbox: the touch it was for
 * and the bounce's own id. Recognises standard delivery status notifications (RFC 3464: {@code
 * multipart/report; report-type=delivery-status} with {@code Action: failed}) and the common
 * non-standard ones (from a mailer daemon or postmaster, or with a subject such as "Undelivered
 * Mail Returned to Sender"). A delay notice ({@code Action: delayed}) is not a bounce.
 */
record Bounce(String touchKey, String bounceId) {

  private static final Pattern ACTION = Pattern.compile("(?im)^Action:\\s*(\\S+)");
  private static final Pattern BOUNCE_SENDER =
      Pattern.compile("(?i)(mailer-daemon|postmaster|mail delivery (sub)?system)");
  private static final Pattern BOUNCE_SUBJECT =
      Pattern.compile(
          "(?i)(undeliver|undelivered mail|delivery status notification \\(failure\\)|"
              + "delivery (has )?failed|failure notice|returned mail|mail delivery failed|"
              + "could not be delivered|non[- ]?delivery)");

  static Optional<Bounce> of(Message message) throws MessagingException, IOException {
    String[] ids = message.getHeader("Message-ID");
    if (isReport(message)) {
      Multipart parts = (Multipart) message.getContent();
      String status = "";
      String original = "";
      for (int i = 0; i < parts.getCount(); i++) {
        BodyPart part = parts.getBodyPart(i);
        if (part.isMimeType("message/delivery-status")) {
          status = text(part);
        } else if (part.isMimeType("message/rfc822") || part.isMimeType("text/rfc822-headers")) {
          original = text(part);
        }
      }
      if (!failed(status)) {
        return Optional.empty();
      }
      Optional<String> key = TouchReference.findIn(original);
      if (key.isEmpty()) {
        key = referenceIn(message);
      }
      return key.map(k -> new Bounce(k, id(ids, k)));
    }
    if (!looksLikeABounce(message)) {
      return Optional.empty();
    }
    Optional<String> key = TouchReference.findIn(raw(message));
    if (key.isEmpty()) {
      key = referenceIn(message);
    }
    return key.map(k -> new Bounce(k, id(ids, k)));
  }

  private static boolean isReport(Message message) throws MessagingException {
    if (!message.isMimeType("multipart/report")) {
      return false;
    }
    try {
      String type = new ContentType(message.getContentType()).getParameter("report-type");
      return type != null && type.equalsIgnoreCase("delivery-status");
    } catch (ParseException e) {
      return false;
    }
  }

  /** A report with at least one failed recipient; delayed, relayed and delivered are not. */
  private static boolean failed(String status) {
    Matcher m = ACTION.matcher(status);
    while (m.find()) {
      if (m.group(1).toLowerCase(Locale.ROOT).startsWith("failed")) {
        return true;
      }
    }
    return false;
  }

  private static boolean looksLikeABounce(Message message) throws MessagingException {
    String from =
        message.getFrom() == null || message.getFrom().length == 0
            ? ""
            : message.getFrom()[0].toString();
    String subject = message.getSubject() == null ? "" : message.getSubject();
    if (subject.toLowerCase(Locale.ROOT).startsWith("re:")
        || subject.toLowerCase(Locale.ROOT).startsWith("automatic reply")) {
      return false;
    }
    return BOUNCE_SENDER.matcher(from).find() || BOUNCE_SUBJECT.matcher(subject).find();
  }

  /** Some servers quote only the original Message-ID, in In-Reply-To or References. */
  private static Optional<String> referenceIn(Message message) throws MessagingException {
    for (String header : new String[] {"In-Reply-To", "References"}) {
      String[] values = message.getHeader(header);
      if (values != null) {
        for (String value : values) {
          Optional<String> key = TouchReference.findIn(value);
          if (key.isPresent()) {
            return key;
          }
        }
      }
    }
    return Optional.empty();
  }

  private static String id(String[] ids, String touchKey) {
    // Without a Message-ID of its own, one bounce per touch is all we can tell apart.
    return ids != null && ids.length > 0 && !ids[0].isBlank() ? ids[0].strip() : touchKey;
  }

  private static String text(Part part) throws MessagingException, IOException {
    try (InputStream in = part.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String raw(Message message) throws MessagingException, IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    message.writeTo(out);
    return out.toString(StandardCharsets.UTF_8);
  }
}
