package dev.warmreach.store.jdbc;

import dev.warmreach.domain.Channel;
import dev.warmreach.store.ProviderLinks;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The provider's links in SQL. Thread-safe. */
final class JdbcProviderLinks implements ProviderLinks {

  private final Transactions db;

  JdbcProviderLinks(Transactions db) {
    this.db = db;
  }

  @Override
  public void linkAccount(
      String senderAccount, String providerAccountId, String status, Instant now) {
    db.write(
        h -> {
          h.createUpdate(
                  "DELETE FROM provider_account WHERE sender_account = :account OR provider_account_id = :id")
              .bind("account", senderAccount)
              .bind("id", providerAccountId)
              .execute();
          return h.createUpdate(
                  "INSERT INTO provider_account (sender_account, provider_account_id, status, updated_at)"
                      + " VALUES (:account, :id, :status, :now)")
              .bind("account", senderAccount)
              .bind("id", providerAccountId)
              .bind("status", status)
              .bind("now", now)
              .execute();
        });
  }

  @Override
  public Optional<LinkedAccount> linkedAccount(String senderAccount) {
    return db.read(
        h ->
            h.createQuery("SELECT * FROM provider_account WHERE sender_account = :account")
                .bind("account", senderAccount)
                .map((rs, ctx) -> account(rs))
                .findOne());
  }

  @Override
  public Optional<LinkedAccount> linkedAccountByProviderId(String providerAccountId) {
    return db.read(
        h ->
            h.createQuery("SELECT * FROM provider_account WHERE provider_account_id = :id")
                .bind("id", providerAccountId)
                .map((rs, ctx) -> account(rs))
                .findOne());
  }

  @Override
  public List<LinkedAccount> linkedAccounts() {
    return db.read(
        h ->
            h.createQuery("SELECT * FROM provider_account ORDER BY sender_account")
                .map((rs, ctx) -> account(rs))
                .list());
  }

  @Override
  public boolean accountStatus(String providerAccountId, String status, Instant now) {
    return db.write(
            h ->
                h.createUpdate(
                        "UPDATE provider_account SET status = :status, updated_at = :now"
                            + " WHERE provider_account_id = :id")
                    .bind("status", status)
                    .bind("now", now)
                    .bind("id", providerAccountId)
                    .execute())
        > 0;
  }

  @Override
  public Optional<ProviderPerson> person(long prospectId) {
    return db.read(
        h ->
            h.createQuery("SELECT * FROM provider_person WHERE prospect_id = :id")
                .bind("id", prospectId)
                .map((rs, ctx) -> person(rs))
                .findOne());
  }

  @Override
  public Optional<Long> prospectByProviderId(String providerId) {
    return db.read(
        h ->
            h.createQuery("SELECT prospect_id FROM provider_person WHERE provider_id = :id")
                .bind("id", providerId)
                .mapTo(Long.class)
                .findFirst());
  }

  @Override
  public void savePerson(ProviderPerson person) {
    db.write(
        h -> {
          h.createUpdate("DELETE FROM provider_person WHERE prospect_id = :id")
              .bind("id", person.prospectId())
              .execute();
          String degree = degree(person.networkDistance());
          if (degree != null) {
            // What LinkedIn says fills a degree the import left unknown (the adaptive policy's
            // segments use it); a degree the user imported is kept.
            h.createUpdate(
                    "UPDATE prospect SET degree = :degree WHERE id = :id AND degree = 'UNKNOWN'")
                .bind("degree", degree)
                .bind("id", person.prospectId())
                .execute();
          }
          return h.createUpdate(
                  "INSERT INTO provider_person (prospect_id, provider_id, network_distance,"
                      + " open_profile, updated_at) VALUES (:id, :providerId, :distance, :open, :now)")
              .bind("id", person.prospectId())
              .bind("providerId", person.providerId())
              .bind("distance", person.networkDistance())
              .bind("open", person.openProfile())
              .bind("now", person.updatedAt())
              .execute();
        });
  }

  /** The prospect degree of the provider's {@code network_distance}, or null if none. */
  private static String degree(String networkDistance) {
    return switch (networkDistance == null ? "" : networkDistance) {
      case "FIRST_DEGREE" -> "FIRST";
      case "SECOND_DEGREE" -> "SECOND";
      case "THIRD_DEGREE" -> "THIRD";
      case "OUT_OF_NETWORK" -> "OUT_OF_NETWORK";
      default -> null;
    };
  }

  @Override
  public Optional<ProviderChat> chat(String senderAccount, String providerId) {
    return db.read(
        h ->
            h.createQuery(
                    "SELECT * FROM provider_chat WHERE sender_account = :account"
                        + " AND provider_id = :id")
                .bind("account", senderAccount)
                .bind("id", providerId)
                .map((rs, ctx) -> chat(rs))
                .findOne());
  }

  @Override
  public Optional<ProviderChat> chatById(String chatId) {
    return db.read(
        h ->
            h.createQuery("SELECT * FROM provider_chat WHERE chat_id = :id")
                .bind("id", chatId)
                .map((rs, ctx) -> chat(rs))
                .findFirst());
  }

  @Override
  public void saveChat(ProviderChat chat) {
    db.write(
        h -> {
          h.createUpdate(
                  "DELETE FROM provider_chat WHERE sender_account = :account AND provider_id = :id")
              .bind("account", chat.senderAccount())
              .bind("id", chat.providerId())
              .execute();
          return h.createUpdate(
                  "INSERT INTO provider_chat (sender_account, provider_id, chat_id, channel,"
                      + " updated_at) VALUES (:account, :id, :chat, :channel, :now)")
              .bind("account", chat.senderAccount())
              .bind("id", chat.providerId())
              .bind("chat", chat.chatId())
              .bind("channel", chat.channel().name())
              .bind("now", chat.updatedAt())
              .execute();
        });
  }

  @Override
  public void pause(
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

  @Override
  public List<Pause> pauses(String senderAccount, Instant now) {
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

  @Override
  public boolean warmedUpOn(
      String senderAccount, long prospectId, String socialId, String touchKey) {
    return db.read(
        h ->
            h.createQuery(
                        "SELECT COUNT(*) FROM delivery d JOIN touch t ON t.idempotency_key = d.touch_key"
                            + " WHERE d.kind = 'PROVIDER' AND d.status = 'SENT' AND t.channel = 'ENGAGE'"
                            + " AND t.sender_account = :account AND t.prospect_id = :prospect"
                            + " AND t.post_id = :post"
                            + " AND t.id < (SELECT o.id FROM touch o WHERE o.idempotency_key = :key)")
                    .bind("account", senderAccount)
                    .bind("prospect", prospectId)
                    .bind("post", socialId)
                    .bind("key", touchKey)
                    .mapTo(Integer.class)
                    .one()
                > 0);
  }

  @Override
  public int sentSince(String senderAccount, Channel channel, Instant since) {
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

  @Override
  public List<AwaitedInvitation> awaitedInvitations(String senderAccount) {
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

  @Override
  public List<DueWithdrawal> withdrawalsDue(String senderAccount, Instant claimsLapsedBefore) {
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
                        + " AND EXISTS (SELECT 1 FROM delivery d"
                        + " JOIN touch t ON t.idempotency_key = d.touch_key"
                        + " WHERE d.kind = 'PROVIDER' AND d.status = 'SENT'"
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

  @Override
  public boolean claimWithdrawal(
      DueWithdrawal withdrawal, Instant now, Instant claimsLapsedBefore) {
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

  @Override
  public void settleWithdrawal(String eventKey, String status, String detail, Instant now) {
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

  @Override
  public List<Withdrawal> withdrawals(String senderAccount) {
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

  @Override
  public void saveInvitation(String touchKey, String invitationId, Instant now) {
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

  @Override
  public Optional<String> invitationId(String touchKey) {
    return db.read(
        h ->
            h.createQuery("SELECT invitation_id FROM provider_invitation WHERE touch_key = :key")
                .bind("key", touchKey)
                .mapTo(String.class)
                .findOne());
  }

  @Override
  public void saveInmailCheck(InmailCheck check) {
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

  @Override
  public Optional<InmailCheck> inmailCheck(String senderAccount) {
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

  private static LinkedAccount account(ResultSet rs) throws SQLException {
    return new LinkedAccount(
        rs.getString("sender_account"),
        rs.getString("provider_account_id"),
        rs.getString("status"),
        Instants.read(rs, "updated_at"));
  }

  private static ProviderPerson person(ResultSet rs) throws SQLException {
    return new ProviderPerson(
        rs.getLong("prospect_id"),
        rs.getString("provider_id"),
        rs.getString("network_distance"),
        rs.getBoolean("open_profile"),
        Instants.read(rs, "updated_at"));
  }

  private static ProviderChat chat(ResultSet rs) throws SQLException {
    return new ProviderChat(
        rs.getString("sender_account"),
        rs.getString("provider_id"),
        rs.getString("chat_id"),
        Channel.valueOf(rs.getString("channel")),
        Instants.read(rs, "updated_at"));
  }
}
