package dev.warmreach.execute.webhook;

import dev.warmreach.store.Deliveries;
import dev.warmreach.store.Delivery;
import dev.warmreach.store.WebhookEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything posted to the webhook that failed on every attempt: touches handed over ({@code
 * touch.due}) and the prospects' outcomes and campaigns' ends ({@code prospect.*}, {@code
 * campaign.finished}). They live in two tables, so a touch's dead letter is named by its number
 * ({@code 17}) and an outcome's by {@code e} and its number ({@code e5}).
 */
public final class DeadLetters {

  private static final Pattern REFERENCE = Pattern.compile("(?i)(e?)(\\d{1,18})");

  private final Deliveries deliveries;

  public DeadLetters(Deliveries deliveries) {
    this.deliveries = deliveries;
  }

  /**
   * One dead letter as people see it.
   *
   * @param reference what {@code replay} takes: {@code 17} for a touch, {@code e5} for an outcome
   * @param type the payload type, e.g. {@code touch.due}, {@code prospect.replied}
   * @param key its {@code webhook-id}: the touch's key, {@code event:…}, {@code
   *     campaign.finished:…}
   */
  public record Letter(
      String reference,
      String type,
      String key,
      int attempts,
      Instant createdAt,
      Instant deadSince,
      String lastError,
      String url) {}

  /** Both kinds, given up longest ago first, at most {@code limit} of each. */
  public List<Letter> list(int limit) {
    List<Letter> letters = new ArrayList<>();
    for (Delivery d : deliveries.deliveries(Delivery.Kind.WEBHOOK, Delivery.Status.DEAD, limit)) {
      letters.add(
          new Letter(
              Long.toString(d.id()),
              WebhookExecutor.TOUCH_DUE,
              d.touchKey(),
              d.attempts(),
              d.createdAt(),
              d.updatedAt(),
              d.lastError(),
              d.target()));
    }
    for (WebhookEvent e : deliveries.deadWebhookEvents(limit)) {
      letters.add(
          new Letter(
              "e" + e.id(),
              e.type(),
              e.eventKey(),
              e.attempts(),
              e.createdAt(),
              e.updatedAt(),
              e.lastError(),
              null));
    }
    letters.sort(Comparator.comparing(Letter::deadSince));
    return letters;
  }

  /**
   * Gives the dead letter named {@code reference} a fresh set of attempts; false when there is no
   * such dead letter (a wrong number, or replayed already).
   */
  public boolean replay(String reference, Instant now) {
    Optional<Matcher> parsed =
        Optional.of(REFERENCE.matcher(reference.strip())).filter(Matcher::matches);
    if (parsed.isEmpty()) {
      return false;
    }
    long id = Long.parseLong(parsed.get().group(2));
    if (!parsed.get().group(1).isEmpty()) {
      return deliveries.replayWebhookEvent(id, now);
    }
    boolean deadTouch =
        deliveries
            .delivery(id)
            .map(d -> d.kind() == Delivery.Kind.WEBHOOK && d.status() == Delivery.Status.DEAD)
            .orElse(false);
    return deadTouch && deliveries.replayDelivery(id, now);
  }

  /** Replays every dead letter; the references replayed. */
  public List<String> replayAll(int limit, Instant now) {
    List<String> replayed = new ArrayList<>();
    for (Letter letter : list(limit)) {
      if (replay(letter.reference(), now)) {
        replayed.add(letter.reference());
      }
    }
    return replayed;
  }
}
