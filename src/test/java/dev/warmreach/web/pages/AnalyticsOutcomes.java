package dev.warmreach.web.pages;

import static dev.warmreach.testing.AProspect.aProspect;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Event;
import dev.warmreach.domain.Message;
import dev.warmreach.domain.Touch;
import dev.warmreach.store.Store;
import dev.warmreach.testing.PlannedTouches;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Test data with known outcomes, in campaign {@link PlannedTouches#CAMPAIGN}: 20 connection
 * requests (10 of variant A, 10 of B), 12 sent in the week of {@code monday} and 8 the week after;
 * 8 accepted; 5 replies (3 to A, 2 to B), 3 in the second week and 2 in the third.
 */
final class AnalyticsOutcomes {

  static final int SENT = 20;
  static final int ACCEPTED = 8;
  static final int REPLIED = 5;

  private AnalyticsOutcomes() {}

  /** The touches, in order; prospect i got variant A when i is even. */
  static List<Touch> plant(Store store, Instant monday) {
    List<Touch> touches = new ArrayList<>();
    for (int i = 0; i < SENT; i++) {
      Touch touch =
          PlannedTouches.plant(
              store,
              aProspect()
                  .named("Person" + i, "Known")
                  .at("https://www.linkedin.com/in/known-" + i)
                  .withEmail("known" + i + "@example.com")
                  .build(),
              Channel.CONNECT,
              new Message(i % 2 == 0 ? "A" : "B", "", "Hi, let's connect", true),
              monday);
      Instant sent = monday.plus(Duration.ofHours(i < 12 ? 1 + i : 7 * 24 + i));
      store.touches().finishTouch(touch.idempotencyKey(), Touch.Status.DONE, sent);
      touches.add(touch);
    }
    for (int i = 0; i < ACCEPTED; i++) {
      Touch t = touches.get(i);
      store
          .engineSteps()
          .recordEvent(
              new Event.Accepted(t.prospectId(), monday.plus(Duration.ofDays(8)), "accepted-" + i));
    }
    // Replies from prospects 0, 2, 4 (variant A) and 1, 3 (variant B).
    int[] repliers = {0, 2, 4, 1, 3};
    for (int n = 0; n < repliers.length; n++) {
      Touch t = touches.get(repliers[n]);
      Instant at = monday.plus(Duration.ofDays(n < 3 ? 9 : 15));
      store
          .engineSteps()
          .recordEvent(new Event.Replied(t.prospectId(), at, "reply-" + n, Channel.CONNECT));
    }
    return touches;
  }
}
