package dev.warmreach.execute.email;

import dev.warmreach.domain.Event;
import dev.warmreach.store.Deliveries;
import dev.warmreach.store.EngineSteps;
import dev.warmreach.store.OutboundTouch;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * Reads the bounce mailbox over IMAP and turns each bounce of one of our emails into an {@link
 * Event.Bounced}, so the engine moves on. Unread messages are read and then flagged as read; the
 * event's key comes from the bounce's own Message-ID, so a bounce read twice (a crash before the
 * flag was set, a user marking it unread) is recorded once. Mail that is not a bounce of ours is
 * left for people, only flagged read. Thread-safe.
 */
public final class BounceReader {

  private final Deliveries deliveries;
  private final EngineSteps events;
  private final BounceSettings settings;
  private final Clock clock;
  private final Session session;

  public BounceReader(
      Deliveries deliveries, EngineSteps events, BounceSettings settings, Clock clock) {
    this.deliveries = deliveries;
    this.events = events;
    this.settings = settings;
    this.clock = clock;
    this.session = Session.getInstance(properties(settings));
  }

  private static Properties properties(BounceSettings s) {
    String millis = Long.toString(s.timeout().toMillis());
    Properties p = new Properties();
    p.put("mail.imap.connectiontimeout", millis);
    p.put("mail.imap.timeout", millis);
    p.put("mail.imap.writetimeout", millis);
    switch (s.tls()) {
      case NONE -> {}
      case STARTTLS -> {
        p.put("mail.imap.starttls.enable", "true");
        p.put("mail.imap.starttls.required", "true");
        p.put("mail.imap.ssl.checkserveridentity", "true");
      }
      case TLS -> {
        p.put("mail.imap.ssl.enable", "true");
        p.put("mail.imap.ssl.checkserveridentity", "true");
      }
    }
    return p;
  }

  /**
   * Reads the unread mail once; returns how many new bounces were recorded.
   *
   * @throws MailboxUnavailable when the mailbox cannot be reached or read; nothing is lost, the
   *     next poll tries again
   */
  public int poll() {
    try (jakarta.mail.Store imap = session.getStore("imap")) {
      imap.connect(settings.host(), settings.port(), settings.username(), settings.password());
      Folder folder = imap.getFolder(settings.folder());
      folder.open(Folder.READ_WRITE);
      try {
        int recorded = 0;
        Message[] unread = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
        for (Message message : unread) {
          if (record(message)) {
            recorded++;
          }
          // Only after the event is stored: a crash before this reads it again, harmlessly.
          message.setFlag(Flags.Flag.SEEN, true);
        }
        return recorded;
      } finally {
        folder.close(false);
      }
    } catch (MessagingException e) {
      throw new MailboxUnavailable(
          "cannot read the bounce mailbox "
              + settings.folder()
              + " at "
              + settings.host()
              + ":"
              + settings.port()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private boolean record(Message message) throws MessagingException {
    Optional<Bounce> bounce;
    try {
      bounce = Bounce.of(message);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (bounce.isEmpty()) {
      return false;
    }
    Optional<OutboundTouch> touch = deliveries.outboundTouch(bounce.get().touchKey());
    if (touch.isEmpty()) {
      return false; // not ours, or the prospect was erased since
    }
    Instant at =
        message.getSentDate() != null ? message.getSentDate().toInstant() : clock.instant();
    return events.recordEvent(
        new Event.Bounced(touch.get().prospect().id(), at, "bounce:" + bounce.get().bounceId()));
  }

  /** The bounce mailbox could not be reached or read; the next poll tries again. */
  public static final class MailboxUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MailboxUnavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
