package dev.warmreach.store.jdbc;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.ProfileUrl;
import dev.warmreach.domain.Prospect;
import dev.warmreach.domain.ProspectFacts;
import dev.warmreach.domain.ProspectHistory;
import dev.warmreach.domain.ProspectProfile;
import dev.warmreach.sequence.ProspectState;
import dev.warmreach.store.ProspectQuery;
import dev.warmreach.store.ProspectWrite;
import dev.warmreach.store.Prospects;
import dev.warmreach.store.StoredEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/** Prospects in SQL: batched imports, filtered searches, timelines and erasure. Thread-safe. */
final class JdbcProspects implements Prospects {

  private final Transactions db;
  private final Clock clock;
  private final AddressHash hash;
  private final ProspectWriter writer;

  JdbcProspects(Transactions db, Clock clock, AddressHash hash) {
    this.db = db;
    this.clock = clock;
    this.hash = hash;
    this.writer = new ProspectWriter(hash);
  }

  @Override
  public ProspectWrite saveProspects(List<ProspectProfile> profiles) {
    return db.write(h -> writer.save(h, profiles, clock.instant()));
  }

  @Override
  public ProspectWrite previewProspects(List<ProspectProfile> profiles) {
    return db.read(h -> writer.preview(h, profiles));
  }

  @Override
  public List<Prospect> prospects(ProspectQuery query) {
    return db.read(
        h ->
            filtered(
                    h,
                    "SELECT " + ProspectRows.COLUMNS + " FROM prospect",
                    query,
                    " ORDER BY id LIMIT :limit OFFSET :offset")
                .bind("limit", query.limit())
                .bind("offset", query.offset())
                .map(ProspectRows::map)
                .list());
  }

  @Override
  public long countProspects(ProspectQuery query) {
    return db.read(
        h -> filtered(h, "SELECT count(*) FROM prospect", query, "").mapTo(Long.class).one());
  }

  private static Query filtered(Handle h, String select, ProspectQuery query, String tail) {
    List<String> where = new ArrayList<>();
    if (query.text() != null) {
      where.add("search_text LIKE :text ESCAPE '!'");
    }
    if (query.tag() != null) {
      where.add("tags LIKE :tag ESCAPE '!'");
    }
    if (query.seniority() != null) {
      where.add("seniority = :seniority");
    }
    if (query.status() != null) {
      where.add(statusCondition(query.status()));
    }
    String sql = select + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)) + tail;
    Query statement = h.createQuery(sql);
    if (query.text() != null) {
      statement.bind("text", "%" + escapeLike(ProspectRows.searchText(query.text())) + "%");
    }
    if (query.tag() != null) {
      statement.bind("tag", "%|" + escapeLike(query.tag()) + "|%");
    }
    if (query.seniority() != null) {
      statement.bind("seniority", query.seniority().name());
    }
    return statement;
  }

  // Each status is one indexed look-up per prospect: enrollment and prospect_event by prospect_id.
  private static String statusCondition(ProspectQuery.Status status) {
    return switch (status) {
      case NEW ->
          "do_not_contact = FALSE AND NOT EXISTS (SELECT 1 FROM enrollment e"
              + " WHERE e.prospect_id = prospect.id)";
      case ENROLLED ->
          "EXISTS (SELECT 1 FROM enrollment e WHERE e.prospect_id = prospect.id"
              + " AND e.status = 'ACTIVE')";
      case REPLIED ->
          "EXISTS (SELECT 1 FROM prospect_event v WHERE v.prospect_id = prospect.id"
              + " AND v.kind = 'REPLIED')";
      case COMPLETED ->
          "EXISTS (SELECT 1 FROM enrollment e WHERE e.prospect_id = prospect.id"
              + " AND e.status = 'COMPLETED')";
      case DO_NOT_CONTACT -> "do_not_contact = TRUE";
    };
  }

  // What a user types is matched literally, wildcards included. The escape is '!', not a
  // backslash: JDBI's parser reads '\' as an escaped quote, so two such clauses swallowed the
  // parameters between them.
  private static String escapeLike(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  @Override
  public Optional<Prospect> prospect(long id) {
    return db.read(h -> find(h, id));
  }

  private static Optional<Prospect> find(Handle h, long id) {
    return h.createQuery("SELECT " + ProspectRows.COLUMNS + " FROM prospect WHERE id = :id")
        .bind("id", id)
        .map(ProspectRows::map)
        .findOne();
  }

  @Override
  public Map<Long, Prospect> prospectsById(Collection<Long> ids) {
    Map<Long, Prospect> found = new HashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    db.read(
            h ->
                h.createQuery(
                        "SELECT " + ProspectRows.COLUMNS + " FROM prospect WHERE id IN (<ids>)")
                    .bindList("ids", List.copyOf(new LinkedHashSet<>(ids)))
                    .map(ProspectRows::map)
                    .list())
        .forEach(p -> found.put(p.id(), p));
    return found;
  }

  @Override
  public Optional<Prospect> prospectByUrl(ProfileUrl url) {
    boolean lead = url.isSalesLead();
    return db.read(
        h ->
            h.createQuery(
                    "SELECT "
                        + ProspectRows.COLUMNS
                        + " FROM prospect WHERE "
                        + (lead ? "lead_id" : "profile_url")
                        + " = :url")
                .bind("url", lead ? url.leadId() : url.value())
                .map(ProspectRows::map)
                .findOne());
  }

  @Override
  public Optional<Prospect> forgetProspect(long id) {
    return db.write(
        h -> {
          Optional<Prospect> found = find(h, id);
          found.ifPresent(
              prospect -> {
                ProspectProfile profile = prospect.profile();
                Instant now = clock.instant();
                if (profile.profileUrl() != null) {
                  JdbcDoNotContactList.insert(
                      h, hash.of(profile.profileUrl()), "profile", "", "erased on request", now);
                }
                if (profile.email() != null) {
                  JdbcDoNotContactList.insert(
                      h, hash.of(profile.email()), "email", "", "erased on request", now);
                }
                h.createUpdate("DELETE FROM prospect WHERE id = :id").bind("id", id).execute();
              });
          return found;
        });
  }

  @Override
  public Optional<ProspectState> prospectState(long prospectId) {
    return db.read(h -> state(h, prospectId, null));
  }

  /** The prospect with {@code known} as their history, or the stored one when it is null. */
  static Optional<ProspectState> state(Handle h, long prospectId, ProspectHistory known) {
    return find(h, prospectId)
        .map(
            p -> {
              ProspectHistory history =
                  known != null
                      ? known
                      : h.createQuery("SELECT state FROM prospect_history WHERE prospect_id = :id")
                          .bind("id", prospectId)
                          .mapTo(String.class)
                          .findOne()
                          .map(StateJson::history)
                          .orElse(ProspectHistory.start(p.profile().degree()));
              return state(h, p, history);
            });
  }

  /** The state of a prospect already read, with its history. */
  static ProspectState state(Handle h, Prospect p, ProspectHistory history) {
    return new ProspectState(
        p.id(), p.profile(), p.doNotContact(), history, ProspectFactsQuery.facts(h, p.id()));
  }

  @Override
  public ProspectFacts facts(long prospectId) {
    return db.read(h -> ProspectFactsQuery.facts(h, prospectId));
  }

  @Override
  public List<StoredEvent> events(long prospectId) {
    return db.read(
        h ->
            h.createQuery(
                    "SELECT id, kind, channel, detail, happened_at FROM prospect_event"
                        + " WHERE prospect_id = :p ORDER BY happened_at, id")
                .bind("p", prospectId)
                .map(
                    (rs, ctx) -> {
                      String channel = rs.getString("channel");
                      return new StoredEvent(
                          rs.getLong("id"),
                          rs.getString("kind"),
                          channel == null ? null : Channel.valueOf(channel),
                          rs.getString("detail"),
                          Instants.read(rs, "happened_at"));
                    })
                .list());
  }
}
