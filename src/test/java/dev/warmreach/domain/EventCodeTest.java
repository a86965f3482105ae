package dev.warmreach.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Pins the code each kind of event is stored under: stored events and the analytics read these
 * strings back, so a renamed record must not change them.
 */
class EventCodeTest {

  private static final Instant AT = Instant.parse("2026-03-02T08:15:30Z");

  private static final List<Event> ONE_OF_EACH =
      List.of(
          new Event.Accepted(1, AT, "k"),
          new Event.Declined(1, AT, "k"),
          new Event.Replied(1, AT, "k", Channel.DM),
          new Event.Bounced(1, AT, "k"),
          new Event.Unsubscribed(1, AT, "k"),
          new Event.Withdrawn(1, AT, "k"),
          new Event.PostPublished(1, AT, "k", "pricing"),
          new Event.Signal(1, AT, "k", Event.Signal.Kind.HIRING, ""));

  @Test
  void eachKindOfEventKeepsTheCodeItHasAlwaysBeenStoredUnder() {
    Map<Class<?>, String> codes =
        ONE_OF_EACH.stream().collect(Collectors.toMap(Object::getClass, Event::code));

    assertThat(codes)
        .containsOnly(
            Map.entry(Event.Accepted.class, "ACCEPTED"),
            Map.entry(Event.Declined.class, "DECLINED"),
            Map.entry(Event.Replied.class, "REPLIED"),
            Map.entry(Event.Bounced.class, "BOUNCED"),
            Map.entry(Event.Unsubscribed.class, "UNSUBSCRIBED"),
            Map.entry(Event.Withdrawn.class, "WITHDRAWN"),
            Map.entry(Event.PostPublished.class, "POSTPUBLISHED"),
            Map.entry(Event.Signal.class, "SIGNAL"));
  }

  @Test
  void everyKindOfEventHasACodeOfItsOwn() {
    assertThat(ONE_OF_EACH)
        .extracting(Object::getClass)
        .containsExactlyInAnyOrder(Event.class.getPermittedSubclasses());
    assertThat(ONE_OF_EACH.stream().map(Event::code).distinct()).hasSameSizeAs(ONE_OF_EACH);
  }
}
