package dev.warmreach.store;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Touch;
import java.util.List;
import java.util.Map;

/**
 * How the workspace is running, for monitoring: touches by channel and status, the backlog of work
 * that is due, and the LinkedIn provider's calls by where they stand.
 *
 * @param dueEnrollments enrollments whose next step is due and not yet taken
 * @param dueTouches planned touches due and not yet carried out (for assisted mode: tasks waiting)
 * @param providerCalls the provider's deliveries by status (SENT, FAILED, DEAD …), live only
 */
public record Operations(
    List<TouchCount> touches,
    long dueEnrollments,
    long dueTouches,
    Map<Delivery.Status, Long> providerCalls) {

  public Operations {
    touches = List.copyOf(touches);
    providerCalls = Map.copyOf(providerCalls);
  }

  public Operations(List<TouchCount> touches, long dueEnrollments, long dueTouches) {
    this(touches, dueEnrollments, dueTouches, Map.of());
  }

  /**
   * How many touches on {@code channel} are in {@code status}; {@code dryRun} when the simulated
   * network carried them out.
   */
  public record TouchCount(Channel channel, Touch.Status status, boolean dryRun, long count) {

    public TouchCount(Channel channel, Touch.Status status, long count) {
      this(channel, status, false, count);
    }
  }
}
