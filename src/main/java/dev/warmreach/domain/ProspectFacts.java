package dev.warmreach.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What Warmreach knows of a prospect beyond their profile, from the events recorded for them and
 * the touches made towards them: what a message may refer to. Unknown parts are {@code null}.
 *
 * @param latestPost their most recent post with a topic or a link; {@code null} when none is known
 * @param latestSignal the most recent buying signal; {@code null} when none
 * @param mutualConnection someone both know; empty when unknown
 * @param engagedAt when the sender first engaged with their content; {@code null} when never
 * @param requestSentAt when a connection request first went out to them; {@code null} when none did
 *     (a request skipped or failed does not count)
 */
public record ProspectFacts(
    Post latestPost,
    SignalSeen latestSignal,
    String mutualConnection,
    Instant engagedAt,
    Instant requestSentAt) {

  /** Nothing known yet. */
  public static final ProspectFacts NONE = new ProspectFacts(null, null, "", null, null);

  public ProspectFacts {
    mutualConnection = mutualConnection == null ? "" : mutualConnection.strip();
  }

  /** These facts once a connection request went out at {@code at} (the first one counts). */
  public ProspectFacts withRequestSent(Instant at) {
    return requestSentAt != null
        ? this
        : new ProspectFacts(latestPost, latestSignal, mutualConnection, engagedAt, at);
  }

  /** These facts once {@code signal} is their latest buying signal. */
  public ProspectFacts withSignal(SignalSeen signal) {
    return new ProspectFacts(latestPost, signal, mutualConnection, engagedAt, requestSentAt);
  }

  /**
   * A post of theirs: what it was about (empty when only its link is known), when it appeared, and
   * which post it is when the event named it.
   */
  public record Post(String topic, Instant at, PostLink link) {
    public Post {
      Objects.requireNonNull(topic, "topic");
      Objects.requireNonNull(at, "at");
      link = link == null ? PostLink.NONE : link;
    }

    /** A post known by its topic only. */
    public Post(String topic, Instant at) {
      this(topic, at, PostLink.NONE);
    }
  }

  /**
   * A buying signal as recorded.
   *
   * @param detail what happened, in words, e.g. "started as VP Sales at Orbe"; may be empty
   */
  public record SignalSeen(Event.Signal.Kind kind, String detail, Instant at) {
    public SignalSeen {
      Objects.requireNonNull(kind, "kind");
      detail = detail == null ? "" : detail.strip();
      Objects.requireNonNull(at, "at");
    }
  }
}
