package dev.warmreach.store;

import dev.warmreach.domain.ProfileUrl;
import dev.warmreach.domain.Prospect;
import dev.warmreach.domain.ProspectFacts;
import dev.warmreach.domain.ProspectProfile;
import dev.warmreach.sequence.ProspectState;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The people Warmreach reaches out to: imports, look-ups and searches, their timeline of events,
 * and erasure on request. Each method is one transaction; implementations are thread-safe.
 */
public interface Prospects {

  /**
   * Stores new people and updates known ones (matched by profile URL, Sales Navigator lead id, else
   * by email), leaving out anyone on the do-not-contact list. Profiles for the same person must be
   * merged by the caller.
   */
  ProspectWrite saveProspects(List<ProspectProfile> profiles);

  /**
   * What {@link #saveProspects} would do with these profiles (created, updated, unchanged, kept
   * out), writing nothing: the preview of an import.
   */
  ProspectWrite previewProspects(List<ProspectProfile> profiles);

  List<Prospect> prospects(ProspectQuery query);

  long countProspects(ProspectQuery query);

  Optional<Prospect> prospect(long id);

  /** The stored prospects among {@code ids}, by id, in one query; erased ones are missing. */
  Map<Long, Prospect> prospectsById(Collection<Long> ids);

  /**
   * The person with this profile address; for a Sales Navigator lead address, the person with its
   * lead id.
   */
  Optional<Prospect> prospectByUrl(ProfileUrl url);

  /**
   * Erases a person on request: their row goes, and hashed do-not-contact entries for their profile
   * URL and email take its place. Empty when there is no such prospect.
   */
  Optional<Prospect> forgetProspect(long id);

  /** A prospect as the engine sees them: profile, do-not-contact mark and history. */
  Optional<ProspectState> prospectState(long prospectId);

  /**
   * What is known of a prospect that a message may refer to: their latest post and signal from the
   * recorded events, when we first engaged with them and first sent them a connection request.
   */
  ProspectFacts facts(long prospectId);

  /** The events recorded for a prospect, oldest first. */
  List<StoredEvent> events(long prospectId);
}
