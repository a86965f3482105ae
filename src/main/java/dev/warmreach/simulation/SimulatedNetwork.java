package dev.warmreach.simulation;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Event;
import dev.warmreach.quota.Jitter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * LinkedIn and the inbox, simulated: prospects accept, decline, ignore and reply with the
 * probabilities and delays of their segment's {@link Truth}, raised by a warm-up that landed and by
 * personalised messages (SPEC §1). Every draw is a pure function of the seed, the prospect and the
 * touch, so a scenario gives the same result whatever order events are handled in. Not thread-safe.
 */
public final class SimulatedNetwork {

  /** What a prospect does in answer to a touch. */
  public enum Response {
    /** A warm-up found a recent post to engage with. */
    ENGAGED,
    ACCEPTED,
    DECLINED,
    REPLIED
  }

  /** A response and when it happens. */
  public record Reaction(Instant at, Response response, Channel channel) {}

  private static final double LN2 = Math.log(2);

  private final long seed;
  private final boolean[] warmedUp;
  private final boolean[] linkedInTouched;

  /** A network without memory, for the live dry run where the store remembers. */
  public SimulatedNetwork(long seed) {
    this(seed, 0);
  }

  public SimulatedNetwork(long seed, int prospects) {
    this.seed = seed;
    this.warmedUp = new boolean[prospects];
    this.linkedInTouched = new boolean[prospects];
  }

  /**
   * How prospect {@code index} reacts to a touch sent at {@code now}.
   *
   * @param personalised whether the message is specific to them (the coach's judgment)
   */
  public List<Reaction> react(
      int index,
      Truth truth,
      Channel channel,
      boolean withNote,
      boolean personalised,
      Instant now) {
    return react(index, truth, channel, withNote, personalised, 1.0, now);
  }

  /**
   * As {@link #react(int, Truth, Channel, boolean, boolean, Instant)}, with the chances of
   * acceptance and reply multiplied by {@code lift} (a touch soon after a buying signal).
   */
  public List<Reaction> react(
      int index,
      Truth truth,
      Channel channel,
      boolean withNote,
      boolean personalised,
      double lift,
      Instant now) {
    List<Reaction> reactions =
        reactions(
            index,
            truth,
            channel,
            withNote,
            personalised,
            warmedUp[index],
            linkedInTouched[index],
            lift,
            now);
    if (channel == Channel.ENGAGE && !reactions.isEmpty()) {
      warmedUp[index] = true;
    }
    if (channel != Channel.ENGAGE && channel != Channel.EMAIL) {
      linkedInTouched[index] = true;
    }
    return reactions;
  }

  /**
   * How a prospect reacts to a touch, as a pure function of the seed, the prospect and the touch:
   * the live dry run calls it with what the store knows ({@code warm}: a warm-up landed; {@code
   * touchedOnLinkedIn}: earlier LinkedIn touches), so a retried touch gets the same reactions.
   */
  public List<Reaction> reactions(
      long prospect,
      Truth truth,
      Channel channel,
      boolean withNote,
      boolean personalised,
      boolean warm,
      boolean touchedOnLinkedIn,
      Instant now) {
    return reactions(
        prospect, truth, channel, withNote, personalised, warm, touchedOnLinkedIn, 1.0, now);
  }

  /**
   * As {@link #reactions(long, Truth, Channel, boolean, boolean, boolean, boolean, Instant)}, with
   * the chances of acceptance and reply multiplied by {@code lift} (see {@link #signalLift}).
   */
  public List<Reaction> reactions(
      long prospect,
      Truth truth,
      Channel channel,
      boolean withNote,
      boolean personalised,
      boolean warm,
      boolean touchedOnLinkedIn,
      double lift,
      Instant now) {
    List<Reaction> reactions = new ArrayList<>(2);
    double u = draw(prospect, channel, 1);
    switch (channel) {
      case ENGAGE -> {
        // A warm-up lands only if they posted something to engage with in the last two weeks.
        double posted = 1 - Math.exp(-truth.postsPerWeek() * 2);
        if (u < posted) {
          reactions.add(new Reaction(now, Response.ENGAGED, channel));
        }
      }
      case CONNECT -> {
        double accept = withNote && personalised ? truth.acceptNote() : truth.acceptBlank();
        if (warm) {
          accept *= truth.warmMultiplier();
        }
        accept = Math.min(0.95, accept * lift);
        if (u < accept) {
          Instant at = later(now, truth.medianAcceptDays(), prospect, channel, 2);
          reactions.add(new Reaction(at, Response.ACCEPTED, channel));
          if (withNote && draw(prospect, channel, 3) < Math.min(0.95, truth.noteReply() * lift)) {
            reactions.add(new Reaction(at.plus(Duration.ofHours(1)), Response.REPLIED, channel));
          }
        } else if (draw(prospect, channel, 4) < truth.declineShare()) {
          reactions.add(
              new Reaction(
                  later(now, truth.medianAcceptDays(), prospect, channel, 2),
                  Response.DECLINED,
                  channel));
        }
      }
      case DM -> {
        double reply = (personalised ? truth.dmReply() : truth.dmReply() / 2) * lift;
        if (u < Math.min(0.95, reply)) {
          reactions.add(replied(prospect, truth, channel, now));
        }
      }
      case INMAIL -> {
        double reply = (personalised ? truth.inmailReply() : truth.inmailReplyGeneric()) * lift;
        if (u < Math.min(0.95, reply)) {
          reactions.add(replied(prospect, truth, channel, now));
        }
      }
      case EMAIL -> {
        // Email does best after LinkedIn touches have made the name familiar.
        double reply = truth.emailReply() * (touchedOnLinkedIn ? 1.0 : 0.6) * lift;
        if (u < Math.min(0.95, reply)) {
          reactions.add(replied(prospect, truth, channel, now));
        }
      }
    }
    return reactions;
  }

  // The kinds an outside tool reports; engagement with the sender's posts comes from warm-ups.
  private static final Event.Signal.Kind[] SIGNAL_KINDS = {
    Event.Signal.Kind.ROLE_CHANGE,
    Event.Signal.Kind.COMPANY_MILESTONE,
    Event.Signal.Kind.RELEVANT_POST,
    Event.Signal.Kind.HIRING
  };

  /**
   * The buying signals prospect {@code index} shows from {@code from} until {@code until}, as the
   * {@code signal} events the events API takes: at random times, {@code truth.signalsPerMonth()} a
   * month on average, each of a random kind. A pure function of the seed and the prospect.
   */
  public List<Event.Signal> signals(long index, Truth truth, Instant from, Instant until) {
    if (truth.signalsPerMonth() <= 0) {
      return List.of();
    }
    double perDay = truth.signalsPerMonth() / 30.0;
    List<Event.Signal> signals = new ArrayList<>();
    Instant at = from;
    for (int k = 0; k < 10_000; k++) {
      double days = -Math.log(1 - Jitter.unit(seed, index, 91, k)) / perDay;
      at = at.plusSeconds((long) Math.max(60, days * 86_400));
      if (!at.isBefore(until)) {
        break;
      }
      Event.Signal.Kind kind =
          SIGNAL_KINDS[(int) (Jitter.unit(seed, index, 92, k) * SIGNAL_KINDS.length)];
      signals.add(
          new Event.Signal(index, at, "simulated-signal:" + index + ":" + k, kind, detail(kind)));
    }
    return signals;
  }

  /**
   * How much a touch to {@code prospect} at {@code at} is lifted by their latest signal (see {@link
   * #signals}, drawn from {@code from}): {@code truth.signalLift()} within {@code
   * truth.signalWindowDays()} after it, 1 otherwise.
   */
  public double signalLift(long prospect, Truth truth, Instant from, Instant at) {
    List<Event.Signal> before = signals(prospect, truth, from, at.plusMillis(1));
    if (before.isEmpty()) {
      return 1.0;
    }
    long since = at.toEpochMilli() - before.get(before.size() - 1).at().toEpochMilli();
    return since <= (long) (truth.signalWindowDays() * 86_400_000L) ? truth.signalLift() : 1.0;
  }

  private static String detail(Event.Signal.Kind kind) {
    return switch (kind) {
      case ROLE_CHANGE -> "started a new role";
      case COMPANY_MILESTONE -> "the company raised a round";
      case RELEVANT_POST -> "posted about outbound";
      case HIRING -> "hiring SDRs";
      case ENGAGED_WITH_SENDER -> "liked our post";
    };
  }

  private Reaction replied(long index, Truth truth, Channel channel, Instant now) {
    return new Reaction(
        later(now, truth.medianReplyDays(), index, channel, 2), Response.REPLIED, channel);
  }

  /** An exponentially distributed delay with the given median, in days. */
  private Instant later(Instant now, double medianDays, long prospect, Channel channel, int salt) {
    double u = draw(prospect, channel, salt);
    double days = medianDays * Math.log(1 / (1 - u)) / LN2;
    return now.plusSeconds((long) Math.max(60, days * 86_400));
  }

  private double draw(long prospect, Channel channel, int salt) {
    return Jitter.unit(seed, prospect, channel.ordinal(), salt);
  }
}
