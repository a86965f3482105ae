package dev.warmreach.sequence;

import dev.warmreach.domain.Channel;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One step of a sequence. Each has an id, a condition under which it applies ({@link
 * Condition#ALWAYS} by default; a step that does not apply is passed over) and the step that
 * follows ({@code null}: the next in the list).
 */
public sealed interface Step {

  String id();

  Condition when();

  /** The step after this one, or {@code null} for the next in the definition. */
  String next();

  /**
   * An action on a channel: engage, connect, message, inmail or email.
   *
   * @param template the template of its text; for a warm-up, {@link #COMMENT} asks for a comment on
   *     their post, {@code null} a like only
   * @param rounds how many times the action is taken while the step holds (a warm-up repeats every
   *     few days until the request goes out); 1 for every other action
   * @param every the time between rounds, counted from reaching the step
   */
  record Action(
      String id,
      Channel channel,
      String template,
      Duration delayMin,
      Duration delayMax,
      Condition when,
      String next,
      int rounds,
      Duration every)
      implements Step {

    /** The template name by which a warm-up asks for a comment drafted by the coach. */
    public static final String COMMENT = "comment";

    public Action {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(when, "when");
      delayMin = delayMin == null ? Duration.ZERO : delayMin;
      delayMax = delayMax == null ? delayMin : delayMax;
      if (delayMax.compareTo(delayMin) < 0) {
        throw new IllegalArgumentException("delay: the longest wait is shorter than the shortest");
      }
      if (rounds < 1) {
        throw new IllegalArgumentException("rounds: at least 1");
      }
      every = every == null ? Duration.ZERO : every;
      if (rounds > 1 && (every.isZero() || every.isNegative())) {
        throw new IllegalArgumentException("every: rounds need a time between them, e.g. 3d");
      }
    }

    /** An action taken once. */
    public Action(
        String id,
        Channel channel,
        String template,
        Duration delayMin,
        Duration delayMax,
        Condition when,
        String next) {
      this(id, channel, template, delayMin, delayMax, when, next, 1, Duration.ZERO);
    }

    /** Whether a warm-up asks for a comment on their post, not only a like. */
    public boolean asksForComment() {
      return channel == Channel.ENGAGE && COMMENT.equals(template);
    }
  }

  /** The outcomes a wait can end on. */
  enum Outcome {
    ACCEPTED,
    DECLINED,
    REPLIED
  }

  /**
   * Waits until one of {@code until} has happened (each may lead to its own step in {@code on}), or
   * {@code timeout} has passed ({@code onTimeout}, else the next step).
   */
  record Wait(
      String id,
      Set<Outcome> until,
      Duration timeout,
      Map<Outcome, String> on,
      String onTimeout,
      Condition when,
      String next)
      implements Step {
    public Wait {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(timeout, "timeout");
      Objects.requireNonNull(when, "when");
      until = Set.copyOf(until);
      on = Map.copyOf(on);
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive");
      }
    }
  }

  /** The sequence ends here for the prospect. */
  record End(String id) implements Step {
    @Override
    public Condition when() {
      return Condition.ALWAYS;
    }

    @Override
    public String next() {
      return null;
    }
  }
}
