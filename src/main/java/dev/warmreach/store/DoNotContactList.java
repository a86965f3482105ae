package dev.warmreach.store;

import dev.warmreach.domain.EmailAddress;
import dev.warmreach.domain.ProfileUrl;
import java.util.List;

/**
 * The people who must never be contacted, kept as hashes of their profile URL or email so an erased
 * person leaves nothing readable behind. Each method is one transaction; implementations are
 * thread-safe.
 */
public interface DoNotContactList {

  /**
   * Puts a profile URL or an email on the do-not-contact list (exactly one of the two), and marks a
   * stored prospect with it as do-not-contact. False when it was listed already.
   */
  boolean addDoNotContact(ProfileUrl url, EmailAddress email, String reason);

  List<DoNotContactEntry> doNotContactList();

  /** Whether either address is on the do-not-contact list; either may be {@code null}. */
  boolean isDoNotContact(ProfileUrl url, EmailAddress email);
}
