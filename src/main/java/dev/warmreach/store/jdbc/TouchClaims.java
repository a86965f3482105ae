package dev.warmreach.store.jdbc;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Touch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The claim of planned touches for a node to carry out, in SQL: each touch has one claimant until
 * its claim lapses, and one waiting for a delivery's retry is left until the retry is due.
 */
final class TouchClaims {

  private TouchClaims() {}

  static List<Touch> candidates(
      Handle h, String node, Set<Channel> channels, Instant now, int limit) {
    return h.createQuery(
            "SELECT * FROM touch t WHERE t.status = 'PLANNED' AND t.channel IN (<channels>)"
                + " AND (t.claimed_until IS NULL OR t.claimed_until <= :now OR t.claimed_by ="
                + " :node) AND NOT EXISTS (SELECT 1 FROM delivery d WHERE d.touch_key ="
                + " t.idempotency_key AND d.next_attempt_at > :now) ORDER BY t.due_at, t.id"
                + " LIMIT :limit")
        .bindList("channels", channels.stream().map(Channel::name).toList())
        .bind("now", now)
        .bind("node", node)
        .bind("limit", limit)
        .map((rs, ctx) -> TouchRows.map(rs))
        .list();
  }

  static List<Touch> claimAtOnce(
      Handle h, String node, Set<Channel> channels, Instant now, Instant until, int limit) {
    List<Touch> claimed =
        new ArrayList<>(
            h.createQuery(
                    "UPDATE touch SET claimed_by = :node, claimed_until = :until WHERE id IN"
                        + " (SELECT t.id FROM touch t WHERE t.status = 'PLANNED' AND t.channel IN"
                        + " (<channels>) AND (t.claimed_until IS NULL OR t.claimed_until <= :now"
                        + " OR t.claimed_by = :node) AND NOT EXISTS (SELECT 1 FROM delivery d"
                        + " WHERE d.touch_key = t.idempotency_key AND d.next_attempt_at > :now)"
                        + " ORDER BY t.due_at, t.id LIMIT :limit) AND status = 'PLANNED' AND"
                        + " (claimed_until IS NULL OR claimed_until <= :now OR claimed_by = :node)"
                        + " RETURNING *")
                .bindList("channels", channels.stream().map(Channel::name).toList())
                .bind("now", now)
                .bind("node", node)
                .bind("until", until)
                .bind("limit", limit)
                .map((rs, ctx) -> TouchRows.map(rs))
                .list());
    claimed.sort(Comparator.comparing(Touch::dueAt).thenComparing(Touch::id));
    return claimed;
  }

  /**
   * Claims the candidates still free, in one statement (one round trip however many): each is
   * re-checked in the update, as another node may have claimed it since the select.
   */
  static List<Touch> claim(
      Handle h, String node, List<Touch> candidates, Instant now, Instant until) {
    Set<Long> won =
        new HashSet<>(
            h.createQuery(
                    "UPDATE touch SET claimed_by = :node, claimed_until = :until WHERE id IN"
                        + " (<ids>) AND status = 'PLANNED' AND (claimed_until IS NULL OR"
                        + " claimed_until <= :now OR claimed_by = :node) RETURNING id")
                .bind("node", node)
                .bind("until", until)
                .bindList("ids", candidates.stream().map(Touch::id).toList())
                .bind("now", now)
                .mapTo(Long.class)
                .list());
    List<Touch> claimed = new ArrayList<>();
    for (Touch touch : candidates) {
      if (won.contains(touch.id())) {
        claimed.add(touch);
      }
    }
    return claimed;
  }
}
