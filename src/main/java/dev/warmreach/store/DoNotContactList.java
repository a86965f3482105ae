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

  /**
   * Puts a profile, an email or a whole email domain on the list and marks the stored prospects it
   * covers as do-not-contact. False when it was listed already.
   */
  boolean add(DoNotContactTarget target, String reason);

  /**
   * Takes an entry off the list; the stored prospects it covered that no other entry covers may be
   * contacted again. False when it was not listed (an erased person's entry is never removed).
   */
  boolean remove(DoNotContactTarget target);

  List<DoNotContactEntry> doNotContactList();

  /**
   * Whether either address is on the do-not-contact list, the email also by its domain; either may
   * be {@code null}.
   */
  boolean isDoNotContact(ProfileUrl url, EmailAddress email);
}
