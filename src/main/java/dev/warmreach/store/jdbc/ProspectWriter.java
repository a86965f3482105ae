package dev.warmreach.store.jdbc;

import dev.warmreach.domain.Prospect;
import dev.warmreach.domain.ProspectProfile;
import dev.warmreach.store.ProspectWrite;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Saves a batch of profiles inside the caller's transaction: known people are found in chunks,
 * merged, and written with prepared batches, so a hundred thousand rows take seconds.
 */
final class ProspectWriter {

  private static final int CHUNK = 500;

  private final AddressHash hash;

  ProspectWriter(AddressHash hash) {
    this.hash = hash;
  }

  ProspectWrite save(Handle h, List<ProspectProfile> profiles, Instant now) {
    return write(h, profiles, now, true);
  }

  /** What {@link #save} would do, reading only. */
  ProspectWrite preview(Handle h, List<ProspectProfile> profiles) {
    return write(h, profiles, null, false);
  }

  private ProspectWrite write(
      Handle h, List<ProspectProfile> profiles, Instant now, boolean storing) {
    Set<String> listed =
        new HashSet<>(h.createQuery("SELECT hash FROM do_not_contact").mapTo(String.class).list());
    List<ProspectProfile> allowed = new ArrayList<>(profiles.size());
    for (ProspectProfile profile : profiles) {
      if (!isListed(listed, profile)) {
        allowed.add(profile);
      }
    }
    int keptOut = profiles.size() - allowed.size();

    List<ProspectProfile> inserts = new ArrayList<>();
    Map<Long, Prospect> known = new LinkedHashMap<>();
    Map<Long, ProspectProfile> updates = new LinkedHashMap<>();
    for (int from = 0; from < allowed.size(); from += CHUNK) {
      List<ProspectProfile> chunk = allowed.subList(from, Math.min(allowed.size(), from + CHUNK));
      Matches matches = find(h, chunk);
      for (ProspectProfile profile : chunk) {
        Prospect existing = matches.of(profile);
        if (existing == null) {
          inserts.add(profile);
        } else {
          known.putIfAbsent(existing.id(), existing);
          ProspectProfile current = updates.getOrDefault(existing.id(), existing.profile());
          updates.put(existing.id(), current.updatedBy(profile));
        }
      }
    }
    int updated = 0;
    PreparedBatch updateBatch = storing ? h.prepareBatch(ProspectRows.UPDATE) : null;
    for (Map.Entry<Long, ProspectProfile> update : updates.entrySet()) {
      if (!update.getValue().equals(known.get(update.getKey()).profile())) {
        updated++;
        if (storing) {
          ProspectRows.bind(updateBatch, update.getValue())
              .bind("now", now)
              .bind("id", update.getKey())
              .add();
          flushIfFull(updateBatch);
        }
      }
    }
    if (storing) {
      execute(updateBatch);
      PreparedBatch insertBatch = h.prepareBatch(ProspectRows.INSERT);
      for (ProspectProfile profile : inserts) {
        ProspectRows.bind(insertBatch, profile).bind("now", now).add();
        flushIfFull(insertBatch);
      }
      execute(insertBatch);
    }
    return new ProspectWrite(inserts.size(), updated, updates.size() - updated, keptOut);
  }

  private boolean isListed(Set<String> listed, ProspectProfile profile) {
    return (profile.profileUrl() != null && listed.contains(hash.of(profile.profileUrl())))
        || (profile.email() != null
            && (listed.contains(hash.of(profile.email()))
                || listed.contains(hash.ofDomainOf(profile.email()))));
  }

  private static void flushIfFull(PreparedBatch batch) {
    if (batch.size() >= 1000) {
      batch.execute();
    }
  }

  private static void execute(PreparedBatch batch) {
    if (batch.size() > 0) {
      batch.execute();
    }
  }

  /** Stored people matching a chunk of profiles, by profile URL and by email. */
  private static Matches find(Handle h, List<ProspectProfile> chunk) {
    List<String> urls = new ArrayList<>();
    List<String> emails = new ArrayList<>();
    List<String> leads = new ArrayList<>();
    for (ProspectProfile profile : chunk) {
      if (profile.profileUrl() != null) {
        urls.add(profile.profileUrl().value());
      }
      if (profile.leadId() != null) {
        leads.add(profile.leadId());
      }
      if (profile.email() != null) {
        emails.add(emailKey(profile));
      }
    }
    Matches matches = new Matches();
    if (!urls.isEmpty()) {
      h.createQuery(
              "SELECT " + ProspectRows.COLUMNS + " FROM prospect WHERE profile_url IN (<urls>)")
          .bindList("urls", urls)
          .map(ProspectRows::map)
          .forEach(p -> matches.byUrl.put(p.profile().profileUrl().value(), p));
    }
    if (!leads.isEmpty()) {
      h.createQuery("SELECT " + ProspectRows.COLUMNS + " FROM prospect WHERE lead_id IN (<leads>)")
          .bindList("leads", leads)
          .map(ProspectRows::map)
          .forEach(p -> matches.byLead.put(p.profile().leadId(), p));
    }
    if (!emails.isEmpty()) {
      h.createQuery(
              "SELECT " + ProspectRows.COLUMNS + " FROM prospect WHERE lower(email) IN (<emails>)")
          .bindList("emails", emails)
          .map(ProspectRows::map)
          .forEach(p -> matches.byEmail.putIfAbsent(emailKey(p.profile()), p));
    }
    return matches;
  }

  private static String emailKey(ProspectProfile profile) {
    return profile.email().value().toLowerCase(Locale.ROOT);
  }

  private static final class Matches {
    final Map<String, Prospect> byUrl = new HashMap<>();
    final Map<String, Prospect> byEmail = new HashMap<>();
    final Map<String, Prospect> byLead = new HashMap<>();

    /**
     * The stored person this profile describes: the same profile URL, the same Sales Navigator lead
     * id, or the same email where one side has no profile URL (two different profiles sharing an
     * inbox stay two people).
     */
    Prospect of(ProspectProfile profile) {
      if (profile.profileUrl() != null) {
        Prospect sameUrl = byUrl.get(profile.profileUrl().value());
        if (sameUrl != null) {
          return sameUrl;
        }
      }
      if (profile.leadId() != null) {
        Prospect sameLead = byLead.get(profile.leadId());
        if (sameLead != null) {
          return sameLead;
        }
      }
      if (profile.email() == null) {
        return null;
      }
      Prospect sameEmail = byEmail.get(emailKey(profile));
      if (sameEmail != null
          && (profile.profileUrl() == null || sameEmail.profile().profileUrl() == null)) {
        return sameEmail;
      }
      return null;
    }
  }
}
