package dev.warmreach.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.domain.EmailAddress;
import dev.warmreach.domain.Touch;
import dev.warmreach.testing.PlannedTouches;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Email and webhook deliveries of touches, whatever database is behind the store. */
interface DeliveriesContract extends StoreFixture {

  @Test
  default void opensOneDeliveryPerTouchAndKindAndReturnsTheStoredOneAfter() {
    Touch touch = anEmailTouch();

    Delivery first =
        store()
            .deliveries()
            .openDelivery(
                touch.idempotencyKey(), Delivery.Kind.EMAIL, "ana@northwind.example", START);
    clock().tick(Duration.ofMinutes(5));
    Delivery again =
        store()
            .deliveries()
            .openDelivery(
                touch.idempotencyKey(),
                Delivery.Kind.EMAIL,
                "other@example.com",
                clock().instant());
    Delivery webhook =
        store()
            .deliveries()
            .openDelivery(
                touch.idempotencyKey(),
                Delivery.Kind.WEBHOOK,
                "http://127.0.0.1/x",
                clock().instant());

    assertThat(again).isEqualTo(first);
    assertThat(first.status()).isEqualTo(Delivery.Status.PENDING);
    assertThat(first.attempts()).isZero();
    assertThat(first.nextAttemptAt()).isEqualTo(START);
    assertThat(first.createdAt()).isEqualTo(START);
    assertThat(first.target()).isEqualTo("ana@northwind.example");
    assertThat(webhook.id()).isNotEqualTo(first.id());
    assertThat(store().deliveries().delivery(first.id())).contains(first);
  }

  @Test
  default void onlyOneSenderClaimsEachAttemptAndOnlyWhenDue() {
    Touch touch = anEmailTouch();
    Delivery d =
        store()
            .deliveries()
            .openDelivery(touch.idempotencyKey(), Delivery.Kind.EMAIL, "a@b.example", START);
    Instant lease = START.plus(Duration.ofMinutes(10));

    boolean early =
        store()
            .deliveries()
            .claimDelivery(d.id(), 0, Delivery.Status.SENDING, START.minusMillis(1), lease);
    boolean first =
        store().deliveries().claimDelivery(d.id(), 0, Delivery.Status.SENDING, START, lease);
    boolean second =
        store().deliveries().claimDelivery(d.id(), 0, Delivery.Status.SENDING, START, lease);

    assertThat(early).isFalse();
    assertThat(first).isTrue();
    assertThat(second).isFalse();
    Delivery claimed = store().deliveries().delivery(d.id()).orElseThrow();
    assertThat(claimed.status()).isEqualTo(Delivery.Status.SENDING);
    assertThat(claimed.attempts()).isEqualTo(1);
    assertThat(claimed.nextAttemptAt()).isEqualTo(lease);
  }

  @Test
  default void aFailedAttemptWaitsUntilItsNextTime() {
    Touch touch = anEmailTouch();
    Delivery d =
        store()
            .deliveries()
            .openDelivery(touch.idempotencyKey(), Delivery.Kind.WEBHOOK, "http://x", START);
    Instant next = START.plus(Duration.ofMinutes(1));
    store()
        .deliveries()
        .claimDelivery(d.id(), 0, Delivery.Status.PENDING, START, START.plusSeconds(30));

    store().deliveries().retryDelivery(d.id(), next, "HTTP 500", START);

    assertThat(store().deliveries().dueDeliveries(Delivery.Kind.WEBHOOK, next.minusMillis(1), 10))
        .isEmpty();
    assertThat(store().deliveries().dueDeliveries(Delivery.Kind.EMAIL, next, 10)).isEmpty();
    List<Delivery> due = store().deliveries().dueDeliveries(Delivery.Kind.WEBHOOK, next, 10);
    assertThat(due).hasSize(1);
    assertThat(due.get(0).attempts()).isEqualTo(1);
    assertThat(due.get(0).lastError()).isEqualTo("HTTP 500");
    assertThat(store().touches().touches(touch.prospectId()).get(0).status())
        .isEqualTo(Touch.Status.PLANNED);
  }

  @Test
  default void settlingASentDeliveryMarksItsTouchDoneOnce() {
    Touch touch = anEmailTouch();
    Delivery d =
        store()
            .deliveries()
            .openDelivery(touch.idempotencyKey(), Delivery.Kind.EMAIL, "a@b.example", START);
    store()
        .deliveries()
        .claimDelivery(d.id(), 0, Delivery.Status.SENDING, START, START.plusSeconds(600));
    Instant sent = START.plusSeconds(2);

    boolean changed =
        store()
            .deliveries()
            .settleDelivery(d.id(), Delivery.Status.SENT, "", Touch.Status.DONE, sent);
    boolean again =
        store()
            .deliveries()
            .settleDelivery(d.id(), Delivery.Status.SENT, "", Touch.Status.DONE, sent);

    assertThat(changed).isTrue();
    assertThat(again).isFalse();
    Touch done = store().touches().touches(touch.prospectId()).get(0);
    assertThat(done.status()).isEqualTo(Touch.Status.DONE);
    assertThat(done.doneAt()).as("when the attempt began").isEqualTo(START);
    Delivery settled = store().deliveries().delivery(d.id()).orElseThrow();
    assertThat(settled.status()).isEqualTo(Delivery.Status.SENT);
    assertThat(settled.nextAttemptAt()).isNull();
    assertThat(store().touches().plannedTouches(10)).isEmpty();
  }

  @Test
  default void aTouchIsDoneWhenItsAttemptBeganNotWhenTheAnswerWasRecorded() {
    // Claimed just before the account's hours close (checked then); on a sped-up clock the
    // receiver's answer is recorded a simulated minute later, after the close.
    Touch touch = anEmailTouch();
    Delivery d =
        store()
            .deliveries()
            .openDelivery(touch.idempotencyKey(), Delivery.Kind.PROVIDER, "acc-1", START);
    Instant claimed = START.plusSeconds(90);
    Instant answered = claimed.plusSeconds(60);
    store()
        .deliveries()
        .claimDelivery(d.id(), 0, Delivery.Status.SENDING, claimed, claimed.plusSeconds(600));

    store()
        .deliveries()
        .settleDelivery(d.id(), Delivery.Status.SENT, "", Touch.Status.DONE, answered);

    assertThat(store().touches().touches(touch.prospectId()).get(0).doneAt()).isEqualTo(claimed);
    assertThat(store().deliveries().delivery(d.id()).orElseThrow().updatedAt()).isEqualTo(answered);
  }

  @Test
  default void aTouchSkippedBeforeAnyAttemptTakesTheTimeItWasSkipped() {
    Touch touch = anEmailTouch();
    Delivery d =
        store()
            .deliveries()
            .openDelivery(touch.idempotencyKey(), Delivery.Kind.PROVIDER, "acc-1", START);
    Instant skipped = START.plusSeconds(5);

    store()
        .deliveries()
        .settleDelivery(
            d.id(), Delivery.Status.SKIPPED, "do-not-contact", Touch.Status.SKIPPED, skipped);

    assertThat(store().touches().touches(touch.prospectId()).get(0).doneAt()).isEqualTo(skipped);
  }

  @Test
  default void aReplayedDeadLetterStartsAfreshAndTurnsItsFailedTouchDone() {
    Touch touch = anEmailTouch();
    Delivery d =
        store()
            .deliveries()
            .openDelivery(touch.idempotencyKey(), Delivery.Kind.WEBHOOK, "http://x", START);
    store()
        .deliveries()
        .settleDelivery(d.id(), Delivery.Status.DEAD, "HTTP 500", Touch.Status.FAILED, START);
    assertThat(store().deliveries().deliveries(Delivery.Kind.WEBHOOK, Delivery.Status.DEAD, 10))
        .extracting(Delivery::id)
        .containsExactly(d.id());
    Instant replayAt = START.plus(Duration.ofDays(1));

    boolean replayed = store().deliveries().replayDelivery(d.id(), replayAt);
    boolean twice = store().deliveries().replayDelivery(d.id(), replayAt);

    assertThat(replayed).isTrue();
    assertThat(twice).isFalse();
    Delivery fresh = store().deliveries().delivery(d.id()).orElseThrow();
    assertThat(fresh.status()).isEqualTo(Delivery.Status.PENDING);
    assertThat(fresh.attempts()).isZero();
    assertThat(fresh.isDue(replayAt)).isTrue();
    assertThat(store().deliveries().deliveries(Delivery.Kind.WEBHOOK, Delivery.Status.DEAD, 10))
        .isEmpty();

    store()
        .deliveries()
        .claimDelivery(d.id(), 0, Delivery.Status.PENDING, replayAt, replayAt.plusSeconds(30));
    store()
        .deliveries()
        .settleDelivery(d.id(), Delivery.Status.SENT, "", Touch.Status.DONE, replayAt);
    Touch done = store().touches().touches(touch.prospectId()).get(0);
    assertThat(done.status()).isEqualTo(Touch.Status.DONE);
    assertThat(done.doneAt()).isEqualTo(replayAt);
  }

  @Test
  default void namesTheProspectAndCampaignOfAnOutboundTouch() {
    Touch touch = anEmailTouch();

    OutboundTouch outbound =
        store().deliveries().outboundTouch(touch.idempotencyKey()).orElseThrow();

    assertThat(outbound.touch()).isEqualTo(touch);
    assertThat(outbound.touch().message().subject()).isEqualTo("Your post on SDR ramp time");
    assertThat(outbound.prospect().profile().email())
        .isEqualTo(new EmailAddress("ana@northwind.example"));
    assertThat(outbound.campaign()).isEqualTo(PlannedTouches.CAMPAIGN);
    assertThat(store().deliveries().outboundTouch("e999:nothing:0")).isEmpty();
  }

  @Test
  default void erasingAProspectDeletesTheirDeliveries() {
    Touch touch = anEmailTouch();
    Delivery d =
        store()
            .deliveries()
            .openDelivery(touch.idempotencyKey(), Delivery.Kind.EMAIL, "a@b.example", START);

    store().prospects().forgetProspect(touch.prospectId());

    assertThat(store().deliveries().delivery(d.id())).isEmpty();
    assertThat(store().deliveries().outboundTouch(touch.idempotencyKey())).isEmpty();
  }
}
