package dev.warmreach.store.jdbc;

import dev.warmreach.domain.Channel;
import dev.warmreach.store.ProviderLinks;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The provider's links in SQL: which provider account, person and chat each of ours is. The
 * provider's limits are kept by {@link ProviderLimits}, its invitations by {@link
 * ProviderInvitations} and what a person's warm-up rounds did by {@link WarmUpRounds}. Thread-safe.
 */
final class JdbcProviderLinks implements ProviderLinks {

  private final Transactions db;
  private final ProviderLimits limits;
  private final ProviderInvitations invitations;
  private final WarmUpRounds warmUps;

  JdbcProviderLinks(Transactions db) {
    this.db = db;
    this.limits = new ProviderLimits(db);
    this.invitations = new ProviderInvitations(db);
    this.warmUps = new WarmUpRounds(db);
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
    limits.pause(senderAccount, channel, until, loweredUntil, reason, now);
  }

  @Override
  public List<Pause> pauses(String senderAccount, Instant now) {
    return limits.pauses(senderAccount, now);
  }

  @Override
  public boolean warmedUpOn(
      String senderAccount, long prospectId, String socialId, String touchKey) {
    return warmUps.likedEarlier(senderAccount, prospectId, socialId, touchKey);
  }

  @Override
  public boolean earlierWarmUpUnsettled(String senderAccount, long prospectId, String touchKey) {
    return warmUps.earlierUnsettled(senderAccount, prospectId, touchKey);
  }

  @Override
  public int sentSince(String senderAccount, Channel channel, Instant since) {
    return limits.sentSince(senderAccount, channel, since);
  }

  @Override
  public void saveInmailCheck(InmailCheck check) {
    limits.saveInmailCheck(check);
  }

  @Override
  public Optional<InmailCheck> inmailCheck(String senderAccount) {
    return limits.inmailCheck(senderAccount);
  }

  @Override
  public List<AwaitedInvitation> awaitedInvitations(String senderAccount) {
    return invitations.awaitedInvitations(senderAccount);
  }

  @Override
  public List<DueWithdrawal> withdrawalsDue(String senderAccount, Instant claimsLapsedBefore) {
    return invitations.withdrawalsDue(senderAccount, claimsLapsedBefore);
  }

  @Override
  public boolean claimWithdrawal(
      DueWithdrawal withdrawal, Instant now, Instant claimsLapsedBefore) {
    return invitations.claimWithdrawal(withdrawal, now, claimsLapsedBefore);
  }

  @Override
  public void settleWithdrawal(String eventKey, String status, String detail, Instant now) {
    invitations.settleWithdrawal(eventKey, status, detail, now);
  }

  @Override
  public List<Withdrawal> withdrawals(String senderAccount) {
    return invitations.withdrawals(senderAccount);
  }

  @Override
  public void saveInvitation(String touchKey, String invitationId, Instant now) {
    invitations.saveInvitation(touchKey, invitationId, now);
  }

  @Override
  public Optional<String> invitationId(String touchKey) {
    return invitations.invitationId(touchKey);
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
