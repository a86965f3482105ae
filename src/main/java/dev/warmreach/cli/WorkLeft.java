package dev.warmreach.cli;

import dev.warmreach.Warmreach;
import dev.warmreach.domain.Channel;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What {@code --until-done} looks at: whether an enrollment can still move, how many planned
 * touches the executors still have to carry out, and how many wait in the task inbox because no
 * executor carries their channel (those are the user's, and do not keep a node running).
 *
 * @param enrollmentsMove whether a reaction, a queue's wake-up or an enrollment step is due
 * @param forExecutors planned touches on the channels the executors carry, claimed or not
 * @param inInbox planned touches per channel no executor carries
 */
record WorkLeft(boolean enrollmentsMove, long forExecutors, Map<Channel, Long> inInbox) {

  WorkLeft {
    inInbox = Map.copyOf(inInbox);
  }

  /** Read from {@code app}'s store, for an executor carrying {@code carried}. */
  static WorkLeft of(Warmreach app, Set<Channel> carried) {
    boolean moves = app.engineSteps().nextDue().isPresent();
    long forExecutors = 0;
    Map<Channel, Long> inbox = new TreeMap<>();
    for (Map.Entry<Channel, Long> planned : app.touches().countPlannedTouches().entrySet()) {
      if (carried.contains(planned.getKey())) {
        forExecutors += planned.getValue();
      } else {
        inbox.put(planned.getKey(), planned.getValue());
      }
    }
    return new WorkLeft(moves, forExecutors, inbox);
  }

  /** Nothing left for this node: no enrollment can move and no touch waits for an executor. */
  boolean done() {
    return !enrollmentsMove && forExecutors == 0;
  }

  /** The line a node prints when it stops, naming the touches left for the user. */
  String stoppedAt(Instant clock) {
    // A sped-up clock's nanoseconds say nothing to a reader.
    Instant now = clock.truncatedTo(ChronoUnit.SECONDS);
    long waiting = inInbox.values().stream().mapToLong(Long::longValue).sum();
    if (waiting == 0) {
      return "Nothing left to do at " + now + ".";
    }
    return "Nothing left to do at "
        + now
        + "; "
        + waiting
        + (waiting == 1 ? " touch waits" : " touches wait")
        + " in the task inbox, on channels no executor carries ("
        + inInbox.toString().replace("{", "").replace("}", "")
        + "): see 'warmreach tasks today', or set one up with 'warmreach settings'.";
  }
}
