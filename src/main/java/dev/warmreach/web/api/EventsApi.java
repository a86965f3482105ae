package dev.warmreach.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warmreach.domain.Event;
import dev.warmreach.domain.UserError;
import dev.warmreach.live.SignalIntake;
import dev.warmreach.store.EngineSteps;
import dev.warmreach.store.Prospects;
import dev.warmreach.store.SignalFeed;
import dev.warmreach.web.http.Problem;
import dev.warmreach.web.http.Problem.FieldError;
import dev.warmreach.web.http.ProblemException;
import dev.warmreach.web.http.Requests;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/events}: what happened to prospects, reported by another tool or a person — one
 * event or a batch. Each carries an idempotency key, so a retried request is applied once and
 * answered {@code "duplicate": true}; a key reused for a different event is a 409 conflict, never a
 * silently dropped event. A batch is checked whole before any of it is stored.
 */
public final class EventsApi {

  /** The most events one request may carry; send more in several requests. */
  public static final int MAX_BATCH = 1000;

  private final EngineSteps events;
  private final Prospects prospects;
  private final SignalIntake signals;
  private final Clock clock;
  private final ObjectMapper json;
  private final EventReader reader;
  private final Received received;

  /** Told of each event the API took, new or a duplicate (for monitoring). */
  @FunctionalInterface
  public interface Received {
    void received(String kind, boolean duplicate);
  }

  public EventsApi(
      EngineSteps events,
      Prospects prospects,
      SignalIntake signals,
      Clock clock,
      ObjectMapper json) {
    this(events, prospects, signals, clock, json, (kind, duplicate) -> {});
  }

  public EventsApi(
      EngineSteps events,
      Prospects prospects,
      SignalIntake signals,
      Clock clock,
      ObjectMapper json,
      Received received) {
    this.received = received;
    this.events = events;
    this.prospects = prospects;
    this.signals = signals;
    this.clock = clock;
    this.json = json;
    this.reader = new EventReader(prospects);
  }

  public void record(Context ctx) {
    JsonNode body = Requests.json(ctx, json);
    Instant now = clock.instant();
    if (body.isObject() && !body.has("events")) {
      EventReader.Valid read = valid(List.of(reader.read(body, "", now, false))).get(0);
      Map<String, Object> result = recordOne(read, "");
      ctx.status(status(result)).json(result);
      return;
    }
    JsonNode batch = body.isArray() ? body : body.get("events");
    if (batch == null || !batch.isArray()) {
      throw ProblemException.badRequest(
          "send one event as a JSON object, or several as an array or as {\"events\": [...]}");
    }
    if (batch.isEmpty() || batch.size() > MAX_BATCH) {
      throw ProblemException.invalid(
          "events", "has " + batch.size() + " events; send 1 to " + MAX_BATCH + " per request");
    }
    List<EventReader.Read> reads = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      reads.add(reader.read(batch.get(i), "events[" + i + "]", now, true));
    }
    List<EventReader.Valid> events = valid(reads);
    refuseConflicts(events);
    List<Map<String, Object>> results = new ArrayList<>(events.size());
    int created = 0;
    for (int i = 0; i < events.size(); i++) {
      Map<String, Object> result = recordOne(events.get(i), "events[" + i + "].");
      created += Boolean.TRUE.equals(result.get("duplicate")) ? 0 : 1;
      results.add(result);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("created", created);
    out.put("duplicates", events.size() - created);
    out.put("results", results);
    ctx.status(created > 0 ? HttpStatus.CREATED : HttpStatus.OK).json(out);
  }

  /** {@code GET /api/signals}: the latest signals, newest first, with what was done about each. */
  public void signals(Context ctx) {
    Page page = Page.of(ctx);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (SignalFeed.Entry e : signals.feed()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("at", e.at().toString());
      row.put("prospectId", e.prospectId());
      row.put("name", e.prospectName());
      row.put("signal", e.kind().name().toLowerCase(java.util.Locale.ROOT));
      row.put("detail", e.detail());
      row.put("outcome", e.outcome().name());
      row.put("action", e.action());
      if (!e.post().none()) {
        row.put("postId", e.post().socialId());
        row.put("postUrl", e.post().href());
      }
      row.put("idempotencyKey", e.idempotencyKey());
      rows.add(row);
    }
    ctx.json(page.of(rows));
  }

  private static List<EventReader.Valid> valid(List<EventReader.Read> reads) {
    List<FieldError> errors = new ArrayList<>();
    List<EventReader.Valid> events = new ArrayList<>(reads.size());
    for (EventReader.Read read : reads) {
      if (read instanceof EventReader.Valid v) {
        events.add(v);
      } else if (read instanceof EventReader.Invalid invalid) {
        errors.addAll(invalid.errors());
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    return events;
  }

  /**
   * Refuses a batch, before any of it is stored, when one of its keys is stored for a different
   * event or is used twice in it for different events.
   */
  private void refuseConflicts(List<EventReader.Valid> batch) {
    Map<String, EventReader.Valid> byKey = new HashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      EventReader.Valid read = batch.get(i);
      String prefix = "events[" + i + "].";
      EventReader.Valid earlier = byKey.putIfAbsent(read.event().idempotencyKey(), read);
      if (earlier != null) {
        List<String> differ = SameEvent.differences(earlier.event(), read);
        if (!differ.isEmpty()) {
          throw conflict(read.event().idempotencyKey(), prefix, differ, "earlier in this batch");
        }
      }
      refuseConflict(read, prefix);
    }
  }

  /** A 409 when the event's key is stored for a different event. */
  private void refuseConflict(EventReader.Valid read, String prefix) {
    String key = read.event().idempotencyKey();
    Optional<Event> stored = events.eventByKey(key);
    if (stored.isPresent()) {
      List<String> differ = SameEvent.differences(stored.get(), read);
      if (!differ.isEmpty()) {
        throw conflict(key, prefix, differ, "already stored");
      }
    }
  }

  private static ProblemException conflict(
      String key, String prefix, List<String> differ, String where) {
    return new ProblemException(
        new Problem(
            "urn:warmreach:problem:idempotency-key-reused",
            "Idempotency key reused",
            409,
            "the idempotencyKey '"
                + key
                + "' belongs to another event ("
                + where
                + ", with a different "
                + String.join(", ", differ)
                + "); give each event a key of its own, and reuse a key only to send the very same"
                + " event again",
            List.of(
                new FieldError(
                    prefix + "idempotencyKey", "'" + key + "' is used by another event"))));
  }

  /**
   * Records one event and answers for it; a key stored meanwhile for another event (by a concurrent
   * request) is a conflict.
   */
  private Map<String, Object> recordOne(EventReader.Valid read, String prefix) {
    Event event = read.event();
    if (event instanceof Event.Signal signal) {
      SignalIntake.Taken taken = takeSignal(read, signal, prefix);
      if (taken.duplicate()) {
        refuseConflict(read, prefix);
      }
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("idempotencyKey", event.idempotencyKey());
      out.put("prospectId", taken.prospectId());
      out.put("duplicate", taken.duplicate());
      received.received("signal", taken.duplicate());
      if (!taken.duplicate()) {
        out.put("outcome", taken.outcome().name());
        out.put("action", taken.action());
      }
      return out;
    }
    boolean isNew = recordEvent(event, prefix);
    if (!isNew) {
      refuseConflict(read, prefix);
    }
    received.received(kind(event), !isNew);
    return result(event, isNew);
  }

  /** The event's kind in the API's words: accepted, declined, replied, bounced … */
  private static String kind(Event event) {
    return event
        .getClass()
        .getSimpleName()
        .replaceAll("([a-z])([A-Z])", "$1_$2")
        .toLowerCase(java.util.Locale.ROOT);
  }

  private SignalIntake.Taken takeSignal(
      EventReader.Valid read, Event.Signal signal, String prefix) {
    try {
      return read.newPerson() == null
          ? signals.take(signal)
          : signals.take(
              read.newPerson(),
              signal.kind(),
              signal.detail(),
              signal.at(),
              signal.idempotencyKey());
    } catch (UserError e) {
      throw ProblemException.invalid(prefix + "prospectId", e.getMessage());
    }
  }

  /**
   * 201 for an event taken, 200 for a repeat; 202 for a signal recorded to be acted on later (its
   * campaign is a draft or paused).
   */
  private static HttpStatus status(Map<String, Object> result) {
    if (Boolean.TRUE.equals(result.get("duplicate"))) {
      return HttpStatus.OK;
    }
    return SignalFeed.Outcome.WAITING.name().equals(result.get("outcome"))
        ? HttpStatus.ACCEPTED
        : HttpStatus.CREATED;
  }

  private boolean recordEvent(Event event, String prefix) {
    try {
      return event instanceof Event.PostPublished post
          ? signals.takePost(post)
          : events.recordEvent(event);
    } catch (UserError e) {
      // No such prospect: a single event's id is checked here, a batch's was checked before any
      // was stored unless the prospect was erased in between.
      throw ProblemException.invalid(prefix + "prospectId", e.getMessage());
    }
  }

  private static Map<String, Object> result(Event event, boolean isNew) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("idempotencyKey", event.idempotencyKey());
    out.put("prospectId", event.prospectId());
    out.put("duplicate", !isNew);
    return out;
  }
}
