package dev.warmreach.sequence;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Enrollment;
import dev.warmreach.domain.ProspectHistory;
import dev.warmreach.quota.AccountState;
import java.util.List;

/**
 * The result of one engine step: the enrollment, the prospect's history and the account after it,
 * and what the driver should do.
 *
 * @param waitingFor the channel whose account limit holds the enrollment back, or {@code null} when
 *     it waits for time or an answer; drivers queue such enrollments per account instead of waking
 *     them all when capacity frees up
 */
public record Advance(
    Enrollment enrollment,
    ProspectHistory history,
    AccountState account,
    List<Command> commands,
    Channel waitingFor) {

  public Advance {
    commands = List.copyOf(commands);
  }
}
