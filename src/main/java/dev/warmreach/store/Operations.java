package dev.warmreach.store;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Touch;
import java.util.List;

/**
 * How the workspace is running, for monitoring: touches by channel and status, and the backlog of
 * work that is due.
 *
 * @param dueEnrollments enrollments whose next step is due and not yet taken
 * @param dueTouches planned touches due and not yet carried out (for assisted mode: tasks waiting)
 */
public record Operations(List<TouchCount> touches, long dueEnrollments, long dueTouches) {

  public Operations {
    touches = List.copyOf(touches);
  }

  /** How many touches on {@code channel} are in {@code status}. */
  public record TouchCount(Channel channel, Touch.Status status, long count) {}
}
