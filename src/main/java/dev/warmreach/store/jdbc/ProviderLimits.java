package dev.warmreach.store.jdbc;

import dev.warmreach.domain.Channel;
import dev.warmreach.store.ProviderLinks.InmailCheck;
import dev.warmreach.store.ProviderLinks.Pause;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the provider said about an account's limits, in SQL: channels it paused or slowed, the sends
 * counted since, and the InMail credits it reported. Apart from {@link JdbcProviderLinks} because
 * these rows change with every limit the provider hits, not with who is linked to whom.
 * Thread-safe.
 */
final class ProviderLimits {

  private final Transactions db;

  ProviderLimits(Transactions db) {
    this.db = db;
  }

  void pause(
      String senderAccount,
      Channel channel,
      Instant until,
      Instant loweredUntil,
      String reason,
      Instant now) {
    db.write(
        h -> {
          h.createUpdate(
                  "DELETE FROM provider_pause WHERE sender_account = :account AND channel = :channel")
              .bind("account", senderAccount)
              .bind("channel", channel.name())
              .execute();
          return h.createUpdate(
                  "INSERT INTO provider_pause (sender_account, channel, paused_until,"
                      + " lowered_until, reason, updated_at) VALUES (:account, :channel, :until,"
                      + " :lowered, :reason, :now)")
              .bind("account", senderAccount)
              .bind("channel", channel.name())
              .bind("until", until)
              .bind("lowered", loweredUntil)
              .bind("reason", reason)
              .bind("now", now)
              .execute();
        });
  }

  List<Pause> pauses(String senderAccount, Instant now) {
    return db.read(
        h ->
            h.createQuery(
                    "SELECT * FROM provider_pause WHERE sender_account = :account"
                        + " AND (paused_until > :now OR lowered_until > :now) ORDER BY channel")
                .bind("account", senderAccount)
                .bind("now", now)
                .map(
                    (rs, ctx) ->
                        new Pause(
                            rs.getString("sender_account"),
                            Channel.valueOf(rs.getString("channel")),
                            Instants.read(rs, "paused_until"),
                            Instants.read(rs, "lowered_until"),
                            rs.getString("reason")))
                .list());
  }

  int sentSince(String senderAccount, Channel channel, Instant since) {
    return db.read(
        h ->
            h.createQuery(
                    "SELECT COUNT(*) FROM delivery d JOIN touch t ON t.idempotency_key = d.touch_key"
                        + " WHERE d.kind = 'PROVIDER' AND d.status = 'SENT'"
                        + " AND t.sender_account = :account AND t.channel = :channel"
                        + " AND d.updated_at >= :since")
                .bind("account", senderAccount)
                .bind("channel", channel.name())
                .bind("since", since)
                .mapTo(Integer.class)
                .one());
  }

  void saveInmailCheck(InmailCheck check) {
    db.write(
        h -> {
          h.createUpdate("DELETE FROM provider_inmail_check WHERE sender_account = :account")
              .bind("account", check.senderAccount())
              .execute();
          return h.createUpdate(
                  "INSERT INTO provider_inmail_check (sender_account, product, provider_balance,"
                      + " ledger_balance, checked_at) VALUES (:account, :product, :provider,"
                      + " :ledger, :at)")
              .bind("account", check.senderAccount())
              .bind("product", check.product())
              .bind("provider", check.providerBalance())
              .bind("ledger", check.ledgerBalance())
              .bind("at", check.checkedAt())
              .execute();
        });
  }

  Optional<InmailCheck> inmailCheck(String senderAccount) {
    return db.read(
        h ->
            h.createQuery("SELECT * FROM provider_inmail_check WHERE sender_account = :account")
                .bind("account", senderAccount)
                .map(
                    (rs, ctx) -> {
                      int provider = rs.getInt("provider_balance");
                      Integer reported = rs.wasNull() ? null : provider;
                      return new InmailCheck(
                          rs.getString("sender_account"),
                          rs.getString("product"),
                          reported,
                          rs.getInt("ledger_balance"),
                          Instants.read(rs, "checked_at"));
                    })
                .findOne());
  }
}
