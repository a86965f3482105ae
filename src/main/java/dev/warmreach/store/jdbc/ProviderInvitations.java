package dev.warmreach.store.jdbc;

import dev.warmreach.store.ProviderLinks.AwaitedInvitation;
import dev.warmreach.store.ProviderLinks.DueWithdrawal;
import dev.warmreach.store.ProviderLinks.Withdrawal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Invitations sent through the provider, in SQL: those still awaiting an answer, and withdrawals
 * claimed by one node at a time. Apart from {@link JdbcProviderLinks} because these queries follow
 * an invitation's life across deliveries, touches and events. Thread-safe.
 */
final class ProviderInvitations {

  private final Transactions db;

  ProviderInvitations(Transactions db) {
    this.db = db;
  }

  List<AwaitedInvitation> awaitedInvitations(String senderAccount) {
    return db.read(
        h ->
            h.createQuery(
                    "SELECT t.prospect_id, MAX(d.updated_at) AS sent_at FROM delivery d"
                        + " JOIN touch t ON t.idempotency_key = d.touch_key"
                        + " WHERE d.kind = 'PROVIDER' AND d.status = 'SENT'"
                        + " AND t.channel = 'CONNECT' AND t.sender_account = :account"
                        + " AND NOT EXISTS (SELECT 1 FROM prospect_event e"
                        + " WHERE e.prospect_id = t.prospect_id"
                        + " AND e.kind IN ('ACCEPTED', 'DECLINED', 'WITHDRAWN')"
                        + " AND e.happened_at >= d.created_at)"
                        + " GROUP BY t.prospect_id ORDER BY t.prospect_id")
                .bind("account", senderAccount)
                .map(
                    (rs, ctx) ->
                        new AwaitedInvitation(
                            rs.getLong("prospect_id"), Instants.read(rs, "sent_at")))
                .list());
  }

  List<DueWithdrawal> withdrawalsDue(String senderAccount, Instant claimsLapsedBefore) {
    return db.read(
        h ->
            h.createQuery(
                    "SELECT e.idempotency_key, e.prospect_id, w.status,"
                        + " (SELECT i.invitation_id FROM provider_invitation i"
                        + " JOIN touch ti ON ti.idempotency_key = i.touch_key"
                        + " WHERE ti.sender_account = :account AND ti.prospect_id = e.prospect_id"
                        + " AND i.created_at <= e.happened_at"
                        + " ORDER BY i.created_at DESC LIMIT 1) AS invitation_id"
                        + " FROM prospect_event e"
                        + " LEFT JOIN provider_withdrawal w ON w.event_key = e.idempotency_key"
                        + " WHERE e.kind = 'WITHDRAWN'"
                        // From the person's touches to their deliveries (CROSS JOIN keeps that
                        // order on SQLite): from the deliveries, each look read every request the
                        // provider sent, for each withdrawal (1.8 s a look at 5,000 prospects).
                        + " AND EXISTS (SELECT 1 FROM touch t"
                        + " CROSS JOIN delivery d WHERE d.touch_key = t.idempotency_key"
                        + " AND d.kind = 'PROVIDER' AND d.status = 'SENT'"
                        + " AND t.channel = 'CONNECT' AND t.sender_account = :account"
                        + " AND t.prospect_id = e.prospect_id AND d.created_at <= e.happened_at)"
                        + " AND (w.event_key IS NULL OR w.status = 'WAITING'"
                        + " OR (w.status = 'WITHDRAWING' AND w.updated_at < :lapsed))"
                        + " ORDER BY e.happened_at, e.id")
                .bind("account", senderAccount)
                .bind("lapsed", claimsLapsedBefore)
                .map(
                    (rs, ctx) ->
                        new DueWithdrawal(
                            rs.getString("idempotency_key"),
                            senderAccount,
                            rs.getLong("prospect_id"),
                            rs.getString("invitation_id"),
                            "WITHDRAWING".equals(rs.getString("status"))))
                .list());
  }

  boolean claimWithdrawal(DueWithdrawal withdrawal, Instant now, Instant claimsLapsedBefore) {
    return db.write(
            h ->
                h.createUpdate(
                        "INSERT INTO provider_withdrawal (event_key, sender_account, prospect_id,"
                            + " status, detail, updated_at) VALUES (:key, :account, :prospect,"
                            + " 'WITHDRAWING', '', :now) ON CONFLICT (event_key) DO UPDATE SET"
                            + " status = 'WITHDRAWING', updated_at = :now"
                            + " WHERE provider_withdrawal.status = 'WAITING'"
                            + " OR (provider_withdrawal.status = 'WITHDRAWING'"
                            + " AND provider_withdrawal.updated_at < :lapsed)")
                    .bind("key", withdrawal.eventKey())
                    .bind("account", withdrawal.senderAccount())
                    .bind("prospect", withdrawal.prospectId())
                    .bind("now", now)
                    .bind("lapsed", claimsLapsedBefore)
                    .execute())
        == 1;
  }

  void settleWithdrawal(String eventKey, String status, String detail, Instant now) {
    db.write(
        h ->
            h.createUpdate(
                    "UPDATE provider_withdrawal SET status = :status, detail = :detail,"
                        + " updated_at = :now WHERE event_key = :key")
                .bind("key", eventKey)
                .bind("status", status)
                .bind("detail", detail)
                .bind("now", now)
                .execute());
  }

  List<Withdrawal> withdrawals(String senderAccount) {
    return db.read(
        h ->
            h.createQuery(
                    "SELECT * FROM provider_withdrawal WHERE sender_account = :account"
                        + " ORDER BY updated_at DESC, event_key")
                .bind("account", senderAccount)
                .map(
                    (rs, ctx) ->
                        new Withdrawal(
                            rs.getString("event_key"),
                            rs.getString("sender_account"),
                            rs.getLong("prospect_id"),
                            rs.getString("status"),
                            rs.getString("detail"),
                            Instants.read(rs, "updated_at")))
                .list());
  }

  void saveInvitation(String touchKey, String invitationId, Instant now) {
    db.write(
        h -> {
          h.createUpdate("DELETE FROM provider_invitation WHERE touch_key = :key")
              .bind("key", touchKey)
              .execute();
          return h.createUpdate(
                  "INSERT INTO provider_invitation (touch_key, invitation_id, created_at)"
                      + " VALUES (:key, :id, :now)")
              .bind("key", touchKey)
              .bind("id", invitationId)
              .bind("now", now)
              .execute();
        });
  }

  Optional<String> invitationId(String touchKey) {
    return db.read(
        h ->
            h.createQuery("SELECT invitation_id FROM provider_invitation WHERE touch_key = :key")
                .bind("key", touchKey)
                .mapTo(String.class)
                .findOne());
  }
}
