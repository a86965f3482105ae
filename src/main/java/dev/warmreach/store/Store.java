package dev.warmreach.store;

import dev.warmreach.domain.EmailAddress;
import dev.warmreach.domain.ProfileUrl;
import dev.warmreach.domain.Prospect;
import dev.warmreach.domain.ProspectProfile;
import dev.warmreach.domain.SenderAccount;
import java.util.List;
import java.util.Optional;

/**
 * Everything Warmreach keeps. Each method is one transaction: it lands whole or not at all.
 * Implementations are thread-safe.
 */
public interface Store extends AutoCloseable {

  /**
   * Stores new people and updates known ones (matched by profile URL, else by email), leaving out
   * anyone on the do-not-contact list. Profiles for the same person must be merged by the caller.
   */
  ProspectWrite saveProspects(List<ProspectProfile> profiles);

  List<Prospect> prospects(ProspectQuery query);

  long countProspects(ProspectQuery query);

  Optional<Prospect> prospect(long id);

  Optional<Prospect> prospectByUrl(ProfileUrl url);

  /**
   * Erases a person on request: their row goes, and hashed do-not-contact entries for their profile
   * URL and email take its place. Empty when there is no such prospect.
   */
  Optional<Prospect> forgetProspect(long id);

  /** Adds an account; false when an account with that name exists already. */
  boolean addAccount(SenderAccount account);

  List<SenderAccount> accounts();

  Optional<SenderAccount> account(String name);

  /**
   * Puts a profile URL or an email on the do-not-contact list (exactly one of the two), and marks a
   * stored prospect with it as do-not-contact. False when it was listed already.
   */
  boolean addDoNotContact(ProfileUrl url, EmailAddress email, String reason);

  List<DoNotContactEntry> doNotContactList();

  /** Whether either address is on the do-not-contact list; either may be {@code null}. */
  boolean isDoNotContact(ProfileUrl url, EmailAddress email);

  @Override
  void close();
}
