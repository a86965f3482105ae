package dev.warmreach.store.jdbc;

import dev.warmreach.domain.EmailAddress;
import dev.warmreach.domain.ProfileUrl;
import dev.warmreach.domain.Prospect;
import dev.warmreach.store.DoNotContactEntry;
import dev.warmreach.store.DoNotContactList;
import dev.warmreach.store.DoNotContactTarget;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The do-not-contact list in SQL, as HMAC hashes of canonical profile URLs and emails (see {@link
 * AddressHash}). Thread-safe.
 */
final class JdbcDoNotContactList implements DoNotContactList {

  private final Transactions db;
  private final Clock clock;
  private final AddressHash hash;

  JdbcDoNotContactList(Transactions db, Clock clock, AddressHash hash) {
    this.db = db;
    this.clock = clock;
    this.hash = hash;
  }

  @Override
  public boolean addDoNotContact(ProfileUrl url, EmailAddress email, String reason) {
    if ((url == null) == (email == null)) {
      throw new IllegalArgumentException("exactly one of url and email");
    }
    return db.write(
        h -> {
          Instant now = clock.instant();
          boolean added =
              url != null
                  ? insert(h, hash.of(url), "profile", url.value(), reason, now)
                  : insert(h, hash.of(email), "email", email.value(), reason, now);
          h.createUpdate(
                  url != null
                      ? "UPDATE prospect SET do_not_contact = TRUE, updated_at = :now"
                          + " WHERE profile_url = :value"
                      : "UPDATE prospect SET do_not_contact = TRUE, updated_at = :now"
                          + " WHERE lower(email) = lower(:value)")
              .bind("value", url != null ? url.value() : email.value())
              .bind("now", now)
              .execute();
          return added;
        });
  }

  @Override
  public boolean add(DoNotContactTarget target, String reason) {
    if (target instanceof DoNotContactTarget.Profile p) {
      return addDoNotContact(p.url(), null, reason);
    }
    if (target instanceof DoNotContactTarget.Email e) {
      return addDoNotContact(null, e.email(), reason);
    }
    String domain = target.value();
    return db.write(
        h -> {
          Instant now = clock.instant();
          boolean added = insert(h, hash.ofDomain(domain), "domain", domain, reason, now);
          h.createUpdate(
                  "UPDATE prospect SET do_not_contact = TRUE, updated_at = :now"
                      + " WHERE lower(email) LIKE :pattern")
              .bind("pattern", "%@" + domain)
              .bind("now", now)
              .execute();
          return added;
        });
  }

  @Override
  public boolean remove(DoNotContactTarget target) {
    String listedHash;
    String where;
    String value = target.value();
    if (target instanceof DoNotContactTarget.Profile p) {
      listedHash = hash.of(p.url());
      where = "profile_url = :value";
    } else if (target instanceof DoNotContactTarget.Email e) {
      listedHash = hash.of(e.email());
      where = "lower(email) = lower(:value)";
    } else {
      listedHash = hash.ofDomain(target.value());
      where = "lower(email) LIKE :value";
      value = "%@" + target.value();
    }
    String bound = value;
    return db.write(
        h -> {
          int removed =
              h.createUpdate("DELETE FROM do_not_contact WHERE hash = :hash AND label <> ''")
                  .bind("hash", listedHash)
                  .execute();
          if (removed == 0) {
            return false;
          }
          List<Prospect> covered =
              h.createQuery(
                      "SELECT "
                          + ProspectRows.COLUMNS
                          + " FROM prospect WHERE do_not_contact = TRUE AND "
                          + where)
                  .bind("value", bound)
                  .map(ProspectRows::map)
                  .list();
          Set<String> still =
              new HashSet<>(
                  h.createQuery("SELECT hash FROM do_not_contact").mapTo(String.class).list());
          Instant now = clock.instant();
          for (Prospect p : covered) {
            if (!covers(still, p.profile().profileUrl(), p.profile().email())) {
              h.createUpdate(
                      "UPDATE prospect SET do_not_contact = FALSE, updated_at = :now WHERE id = :id")
                  .bind("id", p.id())
                  .bind("now", now)
                  .execute();
            }
          }
          return true;
        });
  }

  private boolean covers(Set<String> listed, ProfileUrl url, EmailAddress email) {
    return (url != null && listed.contains(hash.of(url)))
        || (email != null
            && (listed.contains(hash.of(email)) || listed.contains(hash.ofDomainOf(email))));
  }

  /** Lists a hash in the caller's transaction; false when it was listed already. */
  static boolean insert(
      Handle h, String hashValue, String kind, String label, String reason, Instant now) {
    return h.createUpdate(
                "INSERT INTO do_not_contact (hash, kind, label, reason, added_at)"
                    + " VALUES (:hash, :kind, :label, :reason, :now) ON CONFLICT (hash) DO NOTHING")
            .bind("hash", hashValue)
            .bind("kind", kind)
            .bind("label", label)
            .bind("reason", reason == null ? "" : reason)
            .bind("now", now)
            .execute()
        == 1;
  }

  @Override
  public List<DoNotContactEntry> doNotContactList() {
    return db.read(
        h ->
            h.createQuery("SELECT * FROM do_not_contact ORDER BY added_at, hash")
                .map(
                    (rs, ctx) ->
                        new DoNotContactEntry(
                            rs.getString("hash"),
                            rs.getString("kind"),
                            rs.getString("label"),
                            rs.getString("reason"),
                            Instants.read(rs, "added_at")))
                .list());
  }

  @Override
  public boolean isDoNotContact(ProfileUrl url, EmailAddress email) {
    List<String> hashes = new ArrayList<>(2);
    if (url != null) {
      hashes.add(hash.of(url));
    }
    if (email != null) {
      hashes.add(hash.of(email));
      hashes.add(hash.ofDomainOf(email));
    }
    if (hashes.isEmpty()) {
      return false;
    }
    return db.read(
        h ->
            h.createQuery("SELECT count(*) FROM do_not_contact WHERE hash IN (<hashes>)")
                    .bindList("hashes", hashes)
                    .mapTo(Long.class)
                    .one()
                > 0);
  }
}
