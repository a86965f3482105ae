package dev.warmreach.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened to a prospect, reported by LinkedIn, the mailbox, the user or an external
 * tool. Events move enrollments on; each carries an idempotency key so a replayed event is applied
 * once.
 */
public sealed interface Event {

  long prospectId();

  Instant at();

  String idempotencyKey();

  /**
   * The stable code this kind of event is stored and exchanged under, e.g. {@code ACCEPTED}. Set
   * per kind, never derived from the class name, so renaming a record changes no stored data.
   */
  String code();

  /** They accepted the connection request. */
  record Accepted(long prospectId, Instant at, String idempotencyKey) implements Event {
    public static final String CODE = "ACCEPTED";

    @Override
    public String code() {
      return CODE;
    }

    public Accepted {
      check(at, idempotencyKey);
    }
  }

  /** They declined (ignored and removed) the connection request. */
  record Declined(long prospectId, Instant at, String idempotencyKey) implements Event {
    public static final String CODE = "DECLINED";

    @Override
    public String code() {
      return CODE;
    }

    public Declined {
      check(at, idempotencyKey);
    }
  }

  /** They replied on a channel; this ends their sequences in every campaign. */
  record Replied(long prospectId, Instant at, String idempotencyKey, Channel channel)
      implements Event {
    public static final String CODE = "REPLIED";

    @Override
    public String code() {
      return CODE;
    }

    public Replied {
      check(at, idempotencyKey);
      Objects.requireNonNull(channel, "channel");
    }
  }

  /** An email to them bounced. */
  record Bounced(long prospectId, Instant at, String idempotencyKey) implements Event {
    public static final String CODE = "BOUNCED";

    @Override
    public String code() {
      return CODE;
    }

    public Bounced {
      check(at, idempotencyKey);
    }
  }

  /**
   * They asked to hear no more (an unsubscribe link, a reply saying so): their address goes on the
   * do-not-contact list and their sequences stop everywhere.
   */
  record Unsubscribed(long prospectId, Instant at, String idempotencyKey) implements Event {
    public static final String CODE = "UNSUBSCRIBED";

    @Override
    public String code() {
      return CODE;
    }

    public Unsubscribed {
      check(at, idempotencyKey);
    }
  }

  /** A pending invitation to them was withdrawn. */
  record Withdrawn(long prospectId, Instant at, String idempotencyKey) implements Event {
    public static final String CODE = "WITHDRAWN";

    @Override
    public String code() {
      return CODE;
    }

    public Withdrawn {
      check(at, idempotencyKey);
    }
  }

  /**
   * They published a post, a chance to warm up or to reach out at the right moment.
   *
   * @param topic what it is about, named in messages; empty when unknown
   * @param post which post it is (its id and address), for the warm-up to engage with; {@link
   *     PostLink#NONE} when not given
   */
  record PostPublished(
      long prospectId, Instant at, String idempotencyKey, String topic, PostLink post)
      implements Event {
    public static final String CODE = "POSTPUBLISHED";

    @Override
    public String code() {
      return CODE;
    }

    public PostPublished {
      check(at, idempotencyKey);
      topic = topic == null ? "" : topic;
      post = post == null ? PostLink.NONE : post;
    }

    /** A post known by its topic only. */
    public PostPublished(long prospectId, Instant at, String idempotencyKey, String topic) {
      this(prospectId, at, idempotencyKey, topic, PostLink.NONE);
    }
  }

  /** A buying signal (SPEC §3) that starts or brings forward their sequence. */
  record Signal(long prospectId, Instant at, String idempotencyKey, Kind kind, String detail)
      implements Event {
    public static final String CODE = "SIGNAL";

    @Override
    public String code() {
      return CODE;
    }

    /** The kinds of buying signal. */
    public enum Kind {
      ROLE_CHANGE,
      COMPANY_MILESTONE,
      RELEVANT_POST,
      HIRING,
      ENGAGED_WITH_SENDER
    }

    public Signal {
      check(at, idempotencyKey);
      Objects.requireNonNull(kind, "kind");
      detail = detail == null ? "" : detail;
    }
  }

  private static void check(Instant at, String idempotencyKey) {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    if (idempotencyKey.isBlank()) {
      throw new IllegalArgumentException("an event needs an idempotency key");
    }
  }
}
