package dev.warmreach.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Event;
import dev.warmreach.domain.PostLink;
import dev.warmreach.domain.ProfileUrl;
import dev.warmreach.domain.Prospect;
import dev.warmreach.live.SignalIntake;
import dev.warmreach.store.Prospects;
import dev.warmreach.web.http.Problem.FieldError;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns one JSON event of the events API into an {@link Event}, or into the list of what is wrong
 * with it, each named by its field (prefixed, e.g. {@code events[3].kind}, in a batch).
 */
final class EventReader {

  static final int MAX_KEY = 200;
  static final int MAX_DETAIL = 2000;
  // A little clock skew between the reporting tool and this server is normal; days are not.
  private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);
  // Nothing a LinkedIn prospect did predates LinkedIn; an earlier time is a client's mistake, such
  // as a zero date, and would sort before everything else.
  static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

  /** The event kinds the API accepts, as clients write them. */
  enum Kind {
    ACCEPTED,
    DECLINED,
    REPLIED,
    MESSAGE_RECEIVED,
    BOUNCED,
    UNSUBSCRIBED,
    WITHDRAWN,
    SIGNAL,
    POST_PUBLISHED;

    static String names() {
      return Arrays.stream(values())
          .map(k -> k.name().toLowerCase(Locale.ROOT))
          .collect(Collectors.joining(", "));
    }
  }

  /** An event read, or what is wrong with it. */
  sealed interface Read {}

  /**
   * A valid event; {@code atGiven} says whether the client said when it happened (else it happened
   * now, and a retry's time says nothing about whether it is the same event).
   */
  record Valid(Event event, boolean atGiven, SignalIntake.Person newPerson) implements Read {
    Valid(Event event, boolean atGiven) {
      this(event, atGiven, null);
    }
  }

  record Invalid(List<FieldError> errors) implements Read {}

  private final Prospects prospects;

  EventReader(Prospects prospects) {
    this.prospects = prospects;
  }

  /**
   * Reads one event. With {@code checkIds} a prospect id must exist now; without, the store checks
   * it when it records the event (one query fewer for a single event).
   */
  Read read(JsonNode node, String prefix, Instant now, boolean checkIds) {
    Errors errors = new Errors(prefix);
    if (!node.isObject()) {
      errors.add("", "must be a JSON object with kind, prospectId or profileUrl, idempotencyKey");
      return new Invalid(errors.list);
    }
    Kind kind = kind(node, errors);
    JsonNode keyNode = node.get("idempotencyKey");
    String key = text(node, "idempotencyKey");
    if (keyNode != null && !keyNode.isNull() && !keyNode.isTextual()) {
      errors.add(
          "idempotencyKey",
          "must be a string, e.g. \"li-msg-123\"; quote it (a number loses digits in many JSON"
              + " tools, so two events could share it)");
      key = null;
    } else if (key == null || key.isBlank()) {
      errors.add(
          "idempotencyKey",
          "is required: a unique id for this event (e.g. the source's message id), so a retry is"
              + " applied once");
    } else if (key.length() > MAX_KEY) {
      errors.add("idempotencyKey", "has " + key.length() + " characters; use at most " + MAX_KEY);
    }
    Instant at = at(node, now, errors);
    SignalIntake.Person newPerson = kind == Kind.SIGNAL ? newPerson(node) : null;
    Long prospectId = newPerson != null ? Long.valueOf(0) : prospect(node, errors, checkIds);
    Channel channel = kind == null ? null : channel(node, kind, errors);
    Event.Signal.Kind signal = kind == Kind.SIGNAL ? signal(node, errors) : null;
    String detail = text(node, kind == Kind.POST_PUBLISHED ? "topic" : "detail");
    if (detail != null && detail.length() > MAX_DETAIL) {
      errors.add(kind == Kind.POST_PUBLISHED ? "topic" : "detail", "is longer than " + MAX_DETAIL);
    }
    PostLink post = kind == null ? PostLink.NONE : post(node, kind, errors);
    if (!errors.list.isEmpty()) {
      return new Invalid(errors.list);
    }
    boolean atGiven = text(node, "at") != null;
    return new Valid(
        switch (kind) {
          case ACCEPTED -> new Event.Accepted(prospectId, at, key);
          case DECLINED -> new Event.Declined(prospectId, at, key);
          case REPLIED, MESSAGE_RECEIVED -> new Event.Replied(prospectId, at, key, channel);
          case BOUNCED -> new Event.Bounced(prospectId, at, key);
          case UNSUBSCRIBED -> new Event.Unsubscribed(prospectId, at, key);
          case WITHDRAWN -> new Event.Withdrawn(prospectId, at, key);
          case SIGNAL -> new Event.Signal(prospectId, at, key, signal, detail);
          case POST_PUBLISHED -> new Event.PostPublished(prospectId, at, key, detail, post);
        },
        atGiven,
        newPerson);
  }

  private static Kind kind(JsonNode node, Errors errors) {
    String text = text(node, "kind");
    if (text == null) {
      errors.add("kind", "is required: one of " + Kind.names());
      return null;
    }
    try {
      return Kind.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      errors.add("kind", "'" + text + "' is not an event kind; use one of " + Kind.names());
      return null;
    }
  }

  private static Instant at(JsonNode node, Instant now, Errors errors) {
    String text = text(node, "at");
    if (text == null) {
      return now;
    }
    Instant at;
    try {
      at = OffsetDateTime.parse(text.strip()).toInstant();
    } catch (DateTimeParseException e) {
      errors.add(
          "at",
          "'"
              + text
              + "' is not a time; use ISO-8601 with an offset, e.g. 2026-03-02T09:30:00Z, or leave"
              + " it out for now");
      return null;
    }
    if (at.isBefore(EARLIEST)) {
      errors.add(
          "at",
          text
              + " is before "
              + EARLIEST
              + "; give the time the event happened, or leave it out for now");
    } else if (at.isAfter(now.plus(FUTURE_TOLERANCE))) {
      errors.add("at", text + " is in the future; report events when they have happened");
    }
    return at;
  }

  private Long prospect(JsonNode node, Errors errors, boolean checkIds) {
    JsonNode id = node.get("prospectId");
    String url = text(node, "profileUrl");
    boolean hasId = id != null && !id.isNull();
    if (hasId && url != null) {
      errors.add("profileUrl", "give prospectId or profileUrl, not both");
      return null;
    }
    if (hasId) {
      if (!id.canConvertToLong() || !id.isIntegralNumber()) {
        errors.add("prospectId", "must be a whole number, e.g. 42");
        return null;
      }
      long value = id.asLong();
      if (checkIds && prospects.prospect(value).isEmpty()) {
        errors.add("prospectId", "no prospect " + value + "; 'warmreach prospects list' shows ids");
        return null;
      }
      return value;
    }
    if (url == null) {
      errors.add("prospectId", "is required (or profileUrl): which prospect this happened to");
      return null;
    }
    if (!(ProfileUrl.parse(url) instanceof ProfileUrl.Valid valid)) {
      errors.add(
          "profileUrl",
          "'" + url + "' is not a LinkedIn profile URL (https://www.linkedin.com/in/…)");
      return null;
    }
    Optional<Prospect> found = prospects.prospectByUrl(valid.url());
    if (found.isEmpty()) {
      errors.add(
          "profileUrl",
          "no stored prospect has the profile "
              + valid.url().value()
              + (node.has("signal")
                  ? "; give firstName (and lastName, title, company) to add them with the signal"
                  : ""));
      return null;
    }
    return found.get().id();
  }

  /**
   * The person a signal names by a profile no prospect has yet, with their name: they are stored
   * when the signal is taken. Null when the signal names a stored prospect, or gives no name.
   */
  private SignalIntake.Person newPerson(JsonNode node) {
    String url = text(node, "profileUrl");
    String first = text(node, "firstName");
    JsonNode id = node.get("prospectId");
    if (url == null || first == null || first.isBlank() || (id != null && !id.isNull())) {
      return null;
    }
    if (!(ProfileUrl.parse(url) instanceof ProfileUrl.Valid valid)
        || prospects.prospectByUrl(valid.url()).isPresent()) {
      return null;
    }
    return new SignalIntake.Person(
        valid.url(),
        first.strip(),
        Objects.requireNonNullElse(text(node, "lastName"), "").strip(),
        Objects.requireNonNullElse(text(node, "title"), "").strip(),
        Objects.requireNonNullElse(text(node, "company"), "").strip());
  }

  private static Channel channel(JsonNode node, Kind kind, Errors errors) {
    String text = text(node, "channel");
    if (kind == Kind.MESSAGE_RECEIVED) {
      // A message received on LinkedIn is a reply by direct message.
      if (text != null && !text.equalsIgnoreCase("dm")) {
        errors.add("channel", "message_received is a LinkedIn DM; leave channel out or say dm");
      }
      return Channel.DM;
    }
    if (kind != Kind.REPLIED) {
      return null;
    }
    if (text == null) {
      errors.add("channel", "is required for replied: dm, inmail, email or connect");
      return null;
    }
    try {
      Channel channel = Channel.valueOf(text.strip().toUpperCase(Locale.ROOT));
      if (channel == Channel.ENGAGE) {
        throw new IllegalArgumentException("engage is not a conversation");
      }
      return channel;
    } catch (IllegalArgumentException e) {
      errors.add(
          "channel", "'" + text + "' is not a reply channel; use dm, inmail, email or connect");
      return null;
    }
  }

  /**
   * The post a {@code post_published} event names by {@code postId} (its urn) and/or {@code
   * postUrl}; other kinds name none.
   */
  private static PostLink post(JsonNode node, Kind kind, Errors errors) {
    boolean given = false;
    boolean wrong = false;
    for (String field : List.of("postId", "postUrl")) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        continue;
      }
      given = true;
      if (kind != Kind.POST_PUBLISHED) {
        errors.add(field, "belongs to post_published events only; leave it out");
        wrong = true;
      } else if (!value.isTextual()) {
        errors.add(field, "must be a string, e.g. \"urn:li:activity:7290000000000000000\"");
        wrong = true;
      }
    }
    if (!given || wrong) {
      return PostLink.NONE;
    }
    PostLink.Read read = PostLink.read(text(node, "postId"), text(node, "postUrl"));
    if (read instanceof PostLink.Invalid invalid) {
      errors.add(invalid.field(), invalid.message());
      return PostLink.NONE;
    }
    return ((PostLink.Valid) read).post();
  }

  private static Event.Signal.Kind signal(JsonNode node, Errors errors) {
    String text = text(node, "signal");
    String names =
        Arrays.stream(Event.Signal.Kind.values())
            .map(k -> k.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.joining(", "));
    if (text == null) {
      errors.add("signal", "is required for a signal event: one of " + names);
      return null;
    }
    try {
      return Event.Signal.Kind.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      errors.add("signal", "'" + text + "' is not a signal; use one of " + names);
      return null;
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  /** Errors of one event, each field named with the event's place in the request. */
  private static final class Errors {
    private final String prefix;
    private final List<FieldError> list = new java.util.ArrayList<>();

    Errors(String prefix) {
      this.prefix = prefix;
    }

    void add(String field, String message) {
      String name =
          prefix.isEmpty()
              ? (field.isEmpty() ? "body" : field)
              : prefix + (field.isEmpty() ? "" : "." + field);
      list.add(new FieldError(name, message));
    }
  }
}
