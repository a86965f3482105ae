package dev.warmreach.execute.email;

import dev.warmreach.domain.EmailAddress;
import dev.warmreach.domain.Event;
import dev.warmreach.store.Deliveries;
import dev.warmreach.store.DoNotContactList;
import dev.warmreach.store.EngineSteps;
import dev.warmreach.store.OutboundTouch;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Carries out an unsubscribe link: a token this workspace signed puts its recipient's address on
 * the do-not-contact list and records an {@link Event.Unsubscribed} for the prospect the email went
 * to, which stops their sequences. A token that is malformed, altered or another workspace's
 * changes nothing. Doing it twice is doing it once. Thread-safe.
 */
public final class Unsubscribes {

  /** What the do-not-contact list says about an unsubscribe. */
  public static final String REASON = "unsubscribed with the link in an email";

  /** The outcome of a token. */
  public sealed interface Outcome {
    /** The token was ours: the address is (now, or already) on the do-not-contact list. */
    record Unsubscribed(EmailAddress email, boolean already) implements Outcome {}

    /** The token was not ours or not whole; nothing was stored. */
    record Refused(String reason) implements Outcome {}
  }

  private final Supplier<MailKey> key;
  private final DoNotContactList doNotContact;
  private final Deliveries deliveries;
  private final EngineSteps events;
  private volatile MailKey loaded;

  /** {@code key} is asked for the workspace's mail key when a token is first checked. */
  public Unsubscribes(
      Supplier<MailKey> key,
      DoNotContactList doNotContact,
      Deliveries deliveries,
      EngineSteps events) {
    this.key = key;
    this.doNotContact = doNotContact;
    this.deliveries = deliveries;
    this.events = events;
  }

  /** The address a token would unsubscribe, or why it is refused; changes nothing. */
  public Outcome check(String token) {
    return key()
        .verify(token)
        .<Outcome>map(u -> new Outcome.Unsubscribed(u.email(), false))
        .orElseGet(Unsubscribes::refused);
  }

  /** Unsubscribes the token's recipient as of {@code now}. */
  public Outcome unsubscribe(String token, Instant now) {
    Optional<MailKey.Unsubscribe> valid = key().verify(token);
    if (valid.isEmpty()) {
      return refused();
    }
    EmailAddress email = valid.get().email();
    boolean added = doNotContact.addDoNotContact(null, email, REASON);
    Optional<OutboundTouch> touch = deliveries.outboundTouch(valid.get().touchKey());
    boolean recorded =
        touch.isPresent()
            && events.recordEvent(
                new Event.Unsubscribed(
                    touch.get().prospect().id(), now, "unsubscribe:" + valid.get().touchKey()));
    return new Outcome.Unsubscribed(email, !added && !recorded);
  }

  /** The workspace's key, read once: it never changes once made. */
  private MailKey key() {
    MailKey k = loaded;
    if (k == null) {
      k = key.get();
      loaded = k;
    }
    return k;
  }

  private static Outcome refused() {
    return new Outcome.Refused(
        "this unsubscribe link was not made by this Warmreach workspace, or it was changed or cut"
            + " short on the way; nothing was changed. Open the whole link from the email, or"
            + " reply to the email asking to be removed");
  }
}
