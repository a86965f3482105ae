package dev.warmreach.execute.email;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.EmailAddress;
import dev.warmreach.domain.Prospect;
import dev.warmreach.domain.Touch;
import dev.warmreach.execute.Executor;
import dev.warmreach.execute.OpenHours;
import dev.warmreach.live.ScaledClock;
import dev.warmreach.store.Deliveries;
import dev.warmreach.store.Delivery;
import dev.warmreach.store.DoNotContactList;
import dev.warmreach.store.OutboundTouch;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Sends email touches over SMTP, each at most once. A touch whose prospect has no email address or
 * must not be contacted is skipped with the reason; a permanent refusal (5xx) fails the touch with
 * the server's words; a transient failure (4xx, no connection, a timeout) leaves it planned and
 * retries it with {@link dev.warmreach.execute.Backoff}, failing it after the last attempt.
 *
 * <p>Why at most once: before talking to the server the delivery is claimed as {@code SENDING} in
 * the store; just before the DATA command it records the sent-marker ({@code HANDING_OVER}); after
 * the server accepts it, the delivery is {@code SENT} and the touch done in one transaction. A
 * crash before the marker left nothing with the server, so the lapsed claim is taken back and the
 * email sent. A crash after it (or a connection lost before the server's answer) may have left the
 * email with the server, and SMTP cannot be asked, so it is never sent again: the touch becomes
 * {@code UNCERTAIN} for the user to confirm. A duplicate cold email costs more than a lost one.
 * Thread-safe.
 */
public final class SmtpExecutor implements Executor {

  private final Deliveries deliveries;
  private final DoNotContactList doNotContact;
  private final SmtpSettings settings;
  private final Clock clock;
  private final SmtpMailer mailer;
  private final OpenHours hours;

  /**
   * Sends with {@code settings}; {@code key} is the workspace's, which signs the unsubscribe links
   * and marks the Message-IDs.
   */
  public SmtpExecutor(
      Deliveries deliveries,
      DoNotContactList doNotContact,
      SmtpSettings settings,
      MailKey key,
      Clock clock) {
    this(deliveries, doNotContact, settings, key, clock, OpenHours.ALWAYS);
  }

  /** As the constructor above, sending a touch only inside its sender account's working hours. */
  public SmtpExecutor(
      Deliveries deliveries,
      DoNotContactList doNotContact,
      SmtpSettings settings,
      MailKey key,
      Clock clock,
      OpenHours hours) {
    this.deliveries = deliveries;
    this.doNotContact = doNotContact;
    this.settings = settings;
    this.clock = clock;
    this.mailer = new SmtpMailer(settings, key);
    this.hours = hours;
  }

  @Override
  public Set<Channel> channels() {
    return Set.of(Channel.EMAIL);
  }

  @Override
  public void execute(Touch touch) {
    if (touch.channel() != Channel.EMAIL) {
      throw new IllegalArgumentException(
          "the SMTP executor sends email touches only, not " + touch.channel());
    }
    Optional<OutboundTouch> outbound = deliveries.outboundTouch(touch.idempotencyKey());
    if (outbound.isEmpty()) {
      return; // the prospect was erased since the touch was planned
    }
    Prospect prospect = outbound.get().prospect();
    EmailAddress to = prospect.profile().email();
    Instant now = clock.instant();
    Delivery delivery =
        deliveries.openDelivery(
            touch.idempotencyKey(), Delivery.Kind.EMAIL, to == null ? "" : to.value(), now);
    switch (delivery.status()) {
      case PENDING -> attempt(delivery, outbound.get(), now);
      case SENDING -> {
        // A lapsed claim without the sent-marker: its sender died before handing anything over.
        if (lapsed(delivery, now)
            && deliveries.reopenLapsedClaim(delivery.id(), delivery.attempts(), now)) {
          attempt(deliveries.delivery(delivery.id()).orElseThrow(), outbound.get(), now);
        }
      }
      case HANDING_OVER -> {
        // A lapsed claim with the sent-marker: its sender died while the server was taking it.
        if (lapsed(delivery, now)) {
          uncertain(
              delivery,
              "interrupted while the mail server was receiving it (attempt "
                  + delivery.attempts()
                  + ")",
              delivery.updatedAt());
        }
      }
      case SENT, SKIPPED, FAILED, DEAD, UNCERTAIN -> {
        // settled together with its touch; nothing to do
      }
    }
  }

  private static boolean lapsed(Delivery delivery, Instant now) {
    return delivery.nextAttemptAt() == null || !delivery.nextAttemptAt().isAfter(now);
  }

  /** Never sent again: the touch waits for the user to confirm sent or not sent. */
  private void uncertain(Delivery delivery, String what, Instant attemptedAt) {
    deliveries.settleDelivery(
        delivery.id(),
        Delivery.Status.UNCERTAIN,
        what
            + "; it may have arrived, so it is not sent again — check the sent mail and confirm"
            + " sent or not sent",
        Touch.Status.UNCERTAIN,
        attemptedAt);
  }

  private void attempt(Delivery delivery, OutboundTouch outbound, Instant now) {
    if (!delivery.isDue(now)) {
      return;
    }
    Optional<String> skip = reasonToSkip(outbound);
    if (skip.isPresent()) {
      deliveries.settleDelivery(
          delivery.id(), Delivery.Status.SKIPPED, skip.get(), Touch.Status.SKIPPED, now);
      return;
    }
    if (outbound.touch().message() == null) {
      deliveries.settleDelivery(
          delivery.id(),
          Delivery.Status.FAILED,
          "the touch has no text to send",
          Touch.Status.FAILED,
          now);
      return;
    }
    if (hours.holdWhileClosed(deliveries, delivery, outbound.touch().senderAccount(), now)) {
      return;
    }
    // The claim outlasts every timeout of one send, so a live sender is never taken for dead.
    Instant claimUntil = now.plus(ScaledClock.span(clock, settings.timeout().multipliedBy(6)));
    if (!deliveries.claimDelivery(
        delivery.id(), delivery.attempts(), Delivery.Status.SENDING, now, claimUntil)) {
      return; // another sender has it
    }
    int attemptsMade = delivery.attempts() + 1;
    SmtpMailer.Result result =
        mailer.send(
            outbound,
            now,
            // The hand-over is stamped with the attempt's start, when the working hours were
            // checked: on a sped-up clock the SMTP dialogue before DATA spans simulated minutes.
            () -> deliveries.markHandingOver(delivery.id(), attemptsMade, now));
    Instant after = clock.instant();
    if (result instanceof SmtpMailer.Result.Accepted) {
      deliveries.settleDelivery(delivery.id(), Delivery.Status.SENT, "", Touch.Status.DONE, after);
    } else if (result instanceof SmtpMailer.Result.Refused refused) {
      deliveries.settleDelivery(
          delivery.id(), Delivery.Status.FAILED, refused.reason(), Touch.Status.FAILED, after);
    } else if (result instanceof SmtpMailer.Result.Unknown unknown) {
      uncertain(
          delivery,
          "the connection ended after the email was handed over, before the server answered ("
              + unknown.reason()
              + ")",
          now);
    } else if (result instanceof SmtpMailer.Result.TryLater later) {
      Optional<Instant> next = settings.retries().next(attemptsMade, after);
      if (next.isPresent()) {
        deliveries.retryDelivery(delivery.id(), next.get(), later.reason(), after);
      } else {
        deliveries.settleDelivery(
            delivery.id(),
            Delivery.Status.DEAD,
            later.reason() + " (gave up after " + attemptsMade + " attempts)",
            Touch.Status.FAILED,
            after);
      }
    }
  }

  private Optional<String> reasonToSkip(OutboundTouch outbound) {
    Prospect prospect = outbound.prospect();
    EmailAddress email = prospect.profile().email();
    if (email == null) {
      return Optional.of("the prospect has no email address");
    }
    if (prospect.doNotContact()
        || doNotContact.isDoNotContact(prospect.profile().profileUrl(), email)) {
      return Optional.of("the prospect is on the do-not-contact list");
    }
    return Optional.empty();
  }
}
