package dev.warmreach.web.api;

import dev.warmreach.domain.Event;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether an event sent again under a key is the one stored under it: the same kind, prospect,
 * channel and detail, and the same time when the client gave one (without a time, each sending
 * happened "now", so times say nothing).
 */
final class SameEvent {

  private SameEvent() {}

  /** The fields in which {@code sent} differs from {@code stored}; empty when it is the same. */
  static List<String> differences(Event stored, EventReader.Valid sent) {
    Event event = sent.event();
    List<String> differ = new ArrayList<>();
    if (!stored.code().equals(event.code())) {
      differ.add("kind");
    }
    if (stored.prospectId() != event.prospectId()) {
      differ.add("prospect");
    }
    if (stored instanceof Event.Replied a
        && event instanceof Event.Replied b
        && a.channel() != b.channel()) {
      differ.add("channel");
    }
    if (stored instanceof Event.Signal a
        && event instanceof Event.Signal b
        && (a.kind() != b.kind() || !a.detail().equals(b.detail()))) {
      differ.add("signal");
    }
    if (stored instanceof Event.PostPublished a
        && event instanceof Event.PostPublished b
        && !a.topic().equals(b.topic())) {
      differ.add("topic");
    }
    if (stored instanceof Event.PostPublished a
        && event instanceof Event.PostPublished b
        && !a.post().equals(b.post())) {
      differ.add("post");
    }
    if (sent.atGiven() && stored.at().toEpochMilli() != event.at().toEpochMilli()) {
      differ.add("at");
    }
    return differ;
  }
}
