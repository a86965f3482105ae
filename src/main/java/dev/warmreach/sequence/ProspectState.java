package dev.warmreach.sequence;

import dev.warmreach.domain.ProspectFacts;
import dev.warmreach.domain.ProspectHistory;
import dev.warmreach.domain.ProspectProfile;
import java.util.Objects;

/**
 * A prospect as the engine sees them: who they are, whether they may be contacted, what happened,
 * and what is known of them that a message may refer to.
 */
public record ProspectState(
    long id,
    ProspectProfile profile,
    boolean doNotContact,
    ProspectHistory history,
    ProspectFacts facts) {

  public ProspectState {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(facts, "facts");
  }

  /** A prospect of whom nothing beyond the profile and history is known yet. */
  public ProspectState(
      long id, ProspectProfile profile, boolean doNotContact, ProspectHistory history) {
    this(id, profile, doNotContact, history, ProspectFacts.NONE);
  }

  public ProspectState with(ProspectHistory next) {
    return new ProspectState(id, profile, doNotContact, next, facts);
  }

  public ProspectState with(ProspectFacts known) {
    return new ProspectState(id, profile, doNotContact, history, known);
  }
}
