package dev.warmreach.execute.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Prospect;
import dev.warmreach.domain.Touch;
import dev.warmreach.execute.Executor;
import dev.warmreach.execute.OpenHours;
import dev.warmreach.live.ScaledClock;
import dev.warmreach.store.Deliveries;
import dev.warmreach.store.Delivery;
import dev.warmreach.store.DoNotContactList;
import dev.warmreach.store.FinishedCampaign;
import dev.warmreach.store.OutboundTouch;
import dev.warmreach.store.OutcomeEvent;
import dev.warmreach.store.WebhookEvent;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Hands touches to an external tool by posting them, signed, to a webhook. A 2xx answer means the
 * tool took the task: the touch is marked done, and what happens next (accepted, replied) comes
 * back through the events API. Any other answer, a timeout or a refused connection is retried with
 * {@link dev.warmreach.execute.Backoff}, kept in the store so a restart carries on; after the last
 * attempt the delivery is a dead letter and its touch failed, until the user replays it.
 *
 * <p>Delivery is at least once: a crash after the receiver answered but before the store heard it
 * sends the same body again with the same {@code Idempotency-Key}, which the receiver uses to drop
 * the repeat. Thread-safe.
 */
public final class WebhookExecutor implements Executor {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int BATCH = 100;

  /** The payload type of a touch handed to the receiver. */
  public static final String TOUCH_DUE = "touch.due";

  /** The payload type of a campaign whose enrollments have all finished, posted once a finish. */
  public static final String CAMPAIGN_FINISHED = "campaign.finished";

  private final Deliveries deliveries;
  private final DoNotContactList doNotContact;
  private final WebhookSettings settings;
  private final Clock clock;
  private final HttpClient http;
  private final OpenHours hours;

  /** An executor that posts touches at any hour (no accounts' working hours to keep). */
  public WebhookExecutor(
      Deliveries deliveries, DoNotContactList doNotContact, WebhookSettings settings, Clock clock) {
    this(deliveries, doNotContact, settings, clock, OpenHours.ALWAYS);
  }

  /** An executor that posts a touch only inside its sender account's working hours. */
  public WebhookExecutor(
      Deliveries deliveries,
      DoNotContactList doNotContact,
      WebhookSettings settings,
      Clock clock,
      OpenHours hours) {
    this.deliveries = deliveries;
    this.doNotContact = doNotContact;
    this.settings = settings;
    this.clock = clock;
    this.hours = hours;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(settings.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public Set<Channel> channels() {
    // Any step the external tool is told about; an SMTP executor, when set, takes email first.
    return EnumSet.allOf(Channel.class);
  }

  @Override
  public int runDue() {
    return deliverDue();
  }

  /** The outcomes posted besides touches: a stored event's code and the payload type it gets. */
  static final Map<String, String> OUTCOME_TYPES =
      Map.of(
          "ACCEPTED", "prospect.accepted",
          "REPLIED", "prospect.replied",
          "BOUNCED", "prospect.bounced",
          "UNSUBSCRIBED", "prospect.unsubscribed");

  /**
   * Queues the prospects' outcomes stored since the last pass (each once, whichever node sees it
   * first) and posts those due, retried as touches are. Returns how many were tried.
   */
  public int deliverOutcomes() {
    Instant now = clock.instant();
    for (int round = 0; round < 10; round++) {
      List<OutcomeEvent> fresh = deliveries.unqueuedOutcomes(OUTCOME_TYPES.keySet(), BATCH);
      if (fresh.isEmpty()) {
        break;
      }
      List<WebhookEvent.New> queued = new ArrayList<>();
      for (OutcomeEvent e : fresh) {
        queued.add(
            new WebhookEvent.New(
                "event:" + e.idempotencyKey(),
                e.prospect().id(),
                OUTCOME_TYPES.get(e.kind()),
                new String(outcomePayload(e), StandardCharsets.UTF_8)));
      }
      deliveries.queueWebhookEvents(queued, fresh.get(fresh.size() - 1).sourceId(), now);
    }
    List<WebhookEvent.New> finished = new ArrayList<>();
    for (FinishedCampaign campaign : deliveries.unqueuedFinishedCampaigns(BATCH)) {
      finished.add(
          new WebhookEvent.New(
              finishedKey(campaign),
              null,
              CAMPAIGN_FINISHED,
              new String(finishedPayload(campaign), StandardCharsets.UTF_8)));
    }
    if (!finished.isEmpty()) {
      deliveries.queueWebhookEvents(finished, 0, now);
    }
    int tried = 0;
    for (WebhookEvent event : deliveries.dueWebhookEvents(now, BATCH)) {
      Instant claimUntil = now.plus(ScaledClock.span(clock, settings.timeout().multipliedBy(3)));
      if (!deliveries.claimWebhookEvent(event.id(), event.attempts(), now, claimUntil)) {
        continue;
      }
      tried++;
      Optional<String> failure =
          post(event.eventKey(), event.payload().getBytes(StandardCharsets.UTF_8), now);
      Instant after = clock.instant();
      if (failure.isEmpty()) {
        deliveries.settleWebhookEvent(event.id(), WebhookEvent.Status.SENT, null, "", after);
        continue;
      }
      int attemptsMade = event.attempts() + 1;
      Optional<Instant> next = settings.retries().next(attemptsMade, after);
      deliveries.settleWebhookEvent(
          event.id(),
          next.isPresent() ? WebhookEvent.Status.PENDING : WebhookEvent.Status.DEAD,
          next.orElse(null),
          next.isPresent()
              ? failure.get()
              : failure.get() + " (gave up after " + attemptsMade + " attempts)",
          after);
    }
    return tried;
  }

  /**
   * The {@code webhook-id} of a campaign's end: its id and when it finished, since a completed
   * campaign that gains people runs again and may finish more than once.
   */
  static String finishedKey(FinishedCampaign campaign) {
    return CAMPAIGN_FINISHED + ":" + campaign.id() + ":" + campaign.finishedAt().toEpochMilli();
  }

  /**
   * A campaign whose enrollments have all finished, as the receiver gets it: {@code {type,
   * timestamp, data}} with the campaign's id, name, when it finished and its enrollments by how
   * they ended.
   */
  static byte[] finishedPayload(FinishedCampaign campaign) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("campaign", campaign.name());
    data.put("id", campaign.id());
    data.put("finishedAt", campaign.finishedAt().toString());
    data.put("enrollments", new java.util.TreeMap<>(campaign.enrollments()));
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("type", CAMPAIGN_FINISHED);
    envelope.put("timestamp", campaign.finishedAt().toString());
    envelope.put("data", data);
    try {
      return JSON.writeValueAsBytes(envelope);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write the webhook payload", e);
    }
  }

  /** A prospect's outcome as the receiver gets it: {@code {type, timestamp, data}}. */
  static byte[] outcomePayload(OutcomeEvent event) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("event", event.idempotencyKey());
    data.put("at", event.at().toString());
    data.put("channel", event.channel());
    data.put("prospect", person(event.prospect()));
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("type", OUTCOME_TYPES.get(event.kind()));
    envelope.put("timestamp", event.at().toString());
    envelope.put("data", data);
    try {
      return JSON.writeValueAsBytes(envelope);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write the webhook payload", e);
    }
  }

  /** Starts the touch's delivery, or carries on with it when it is due again. */
  @Override
  public void execute(Touch touch) {
    Delivery delivery =
        deliveries.openDelivery(
            touch.idempotencyKey(),
            Delivery.Kind.WEBHOOK,
            settings.url().toString(),
            clock.instant());
    attempt(delivery);
  }

  /**
   * Tries every webhook delivery due now: retries whose time has come and replayed dead letters.
   * Returns how many were tried. The live loop calls this alongside the engine's pass.
   */
  public int deliverDue() {
    int tried = deliverOutcomes();
    for (Delivery delivery :
        deliveries.dueDeliveries(Delivery.Kind.WEBHOOK, clock.instant(), BATCH)) {
      if (attempt(delivery)) {
        tried++;
      }
    }
    return tried;
  }

  private boolean attempt(Delivery delivery) {
    Instant now = clock.instant();
    if (!delivery.isDue(now)) {
      return false;
    }
    Optional<OutboundTouch> outbound = deliveries.outboundTouch(delivery.touchKey());
    if (outbound.isEmpty()) {
      // The prospect was erased since; the cascade removes the delivery with the touch.
      return true;
    }
    if (hours.holdWhileClosed(deliveries, delivery, outbound.get().touch().senderAccount(), now)) {
      return false;
    }
    // While this attempt runs, no other node starts one; if this node dies, the claim lapses and
    // the delivery is tried again (with the same Idempotency-Key).
    Instant claimUntil = now.plus(ScaledClock.span(clock, settings.timeout().multipliedBy(3)));
    if (!deliveries.claimDelivery(
        delivery.id(), delivery.attempts(), Delivery.Status.PENDING, now, claimUntil)) {
      return false;
    }
    int attemptsMade = delivery.attempts() + 1;
    Prospect prospect = outbound.get().prospect();
    if (prospect.doNotContact()
        || doNotContact.isDoNotContact(
            prospect.profile().profileUrl(), prospect.profile().email())) {
      deliveries.settleDelivery(
          delivery.id(),
          Delivery.Status.SKIPPED,
          "prospect is on the do-not-contact list",
          Touch.Status.SKIPPED,
          now);
      return true;
    }
    byte[] body = payload(outbound.get());
    Optional<String> failure = post(delivery.touchKey(), body, now);
    Instant after = clock.instant();
    if (failure.isEmpty()) {
      deliveries.settleDelivery(delivery.id(), Delivery.Status.SENT, "", Touch.Status.DONE, after);
      return true;
    }
    Optional<Instant> next = settings.retries().next(attemptsMade, after);
    if (next.isPresent()) {
      deliveries.retryDelivery(delivery.id(), next.get(), failure.get(), after);
    } else {
      deliveries.settleDelivery(
          delivery.id(),
          Delivery.Status.DEAD,
          failure.get() + " (gave up after " + attemptsMade + " attempts)",
          Touch.Status.FAILED,
          after);
    }
    return true;
  }

  /** Posts the body; empty when the receiver took it, else why not in words. */
  private Optional<String> post(String touchKey, byte[] body, Instant now) {
    long seconds = now.getEpochSecond();
    List<String> secrets = settings.secretsAt(now);
    HttpRequest request =
        HttpRequest.newBuilder(settings.url())
            .timeout(settings.timeout())
            .header("Content-Type", "application/json; charset=utf-8")
            .header("User-Agent", "Warmreach-Webhook/1")
            .header(Signature.ID_HEADER, touchKey)
            .header(Signature.STANDARD_TIMESTAMP_HEADER, Long.toString(seconds))
            .header(
                Signature.STANDARD_SIGNATURE_HEADER,
                Signature.signStandard(secrets, touchKey, seconds, body))
            // the earlier headers, for receivers written before Standard Webhooks, for one more
            // release
            .header(Signature.TIMESTAMP_HEADER, Long.toString(seconds))
            .header(Signature.SIGNATURE_HEADER, Signature.sign(secrets, seconds, body))
            .header(Signature.IDEMPOTENCY_HEADER, touchKey)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      int status = response.statusCode();
      if (status >= 200 && status < 300) {
        return Optional.empty();
      }
      return Optional.of("HTTP " + status + answer(response.body()));
    } catch (HttpConnectTimeoutException e) {
      return Optional.of("no connection within " + settings.timeout().toSeconds() + " s");
    } catch (HttpTimeoutException e) {
      return Optional.of("no answer within " + settings.timeout().toSeconds() + " s");
    } catch (ConnectException e) {
      return Optional.of("connection refused by " + settings.url().getHost());
    } catch (IOException e) {
      return Optional.of("network error: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted while posting");
    }
  }

  private static String answer(String body) {
    String text = body == null ? "" : body.strip().replaceAll("\\s+", " ");
    if (text.isEmpty()) {
      return "";
    }
    return ": " + (text.length() > 200 ? text.substring(0, 199) + "…" : text);
  }

  /**
   * The JSON the receiver gets, a Standard Webhooks {@code {type, timestamp, data}} of type {@code
   * touch.due} timed at the touch's due time; the same bytes on every attempt of a touch.
   */
  static byte[] payload(OutboundTouch outbound) {
    Touch touch = outbound.touch();
    Map<String, Object> person = person(outbound.prospect());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("touch", touch.idempotencyKey());
    json.put("channel", touch.channel().name());
    json.put("withNote", touch.withNote());
    json.put("campaign", outbound.campaign());
    json.put("step", touch.step());
    json.put("account", touch.senderAccount());
    json.put("dueAt", touch.dueAt().toString());
    json.put("prospect", person);
    json.put("subject", touch.message() == null ? null : touch.message().subject());
    json.put("body", touch.message() == null ? null : touch.message().body());
    json.put("variant", touch.message() == null ? null : touch.message().variant());
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("type", TOUCH_DUE);
    envelope.put("timestamp", touch.dueAt().toString());
    envelope.put("data", json);
    try {
      return JSON.writeValueAsBytes(envelope);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write the webhook payload", e);
    }
  }

  /** The person as every payload shows them. */
  private static Map<String, Object> person(Prospect prospect) {
    var profile = prospect.profile();
    Map<String, Object> person = new LinkedHashMap<>();
    person.put("id", prospect.id());
    person.put("name", prospect.fullName());
    person.put("firstName", profile.firstName());
    person.put("lastName", profile.lastName());
    person.put("profileUrl", profile.profileUrl() == null ? null : profile.profileUrl().value());
    person.put("leadId", profile.leadId());
    person.put("email", profile.email() == null ? null : profile.email().value());
    person.put("title", profile.title());
    person.put("company", profile.company());
    return person;
  }
}
