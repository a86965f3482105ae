package dev.warmreach.sequence;

import dev.warmreach.domain.ProspectHistory;
import dev.warmreach.domain.ProspectProfile;
import java.util.Objects;

/**
 * A prospect as the engine sees them: who they are, whether they may be contacted, what happened.
 */
public record ProspectState(
    long id, ProspectProfile profile, boolean doNotContact, ProspectHistory history) {

  public ProspectState {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(history, "history");
  }

  public ProspectState with(ProspectHistory next) {
    return new ProspectState(id, profile, doNotContact, next);
  }
}
