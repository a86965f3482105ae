package dev.warmreach.store;

import dev.warmreach.domain.Channel;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What Warmreach keeps about the LinkedIn provider: which sender account is which provider account
 * and its status, each prospect's provider id, the chats, and the kinds of action paused after the
 * provider pushed back. Each method is one transaction; implementations are thread-safe.
 */
public interface ProviderLinks {

  /** Links (or re-links) a sender account to the provider's account id. */
  void linkAccount(String senderAccount, String providerAccountId, String status, Instant now);

  Optional<LinkedAccount> linkedAccount(String senderAccount);

  Optional<LinkedAccount> linkedAccountByProviderId(String providerAccountId);

  List<LinkedAccount> linkedAccounts();

  /** Records the provider's status of an account; false when no sender account is linked to it. */
  boolean accountStatus(String providerAccountId, String status, Instant now);

  Optional<ProviderPerson> person(long prospectId);

  /** The prospect the provider knows under {@code providerId}, if any. */
  Optional<Long> prospectByProviderId(String providerId);

  void savePerson(ProviderPerson person);

  /** The chat the account has with a person, if one was started. */
  Optional<ProviderChat> chat(String senderAccount, String providerId);

  Optional<ProviderChat> chatById(String chatId);

  void saveChat(ProviderChat chat);

  /**
   * Pauses a kind of action on an account until {@code until}, lowering its cap until {@code
   * loweredUntil}.
   */
  void pause(
      String senderAccount,
      Channel channel,
      Instant until,
      Instant loweredUntil,
      String reason,
      Instant now);

  /** The pauses of an account still in force at {@code now} (paused or lowered). */
  List<Pause> pauses(String senderAccount, Instant now);

  /**
   * Whether a warm-up of the account to the prospect planned before {@code touchKey} (an earlier
   * round) already went through on the post {@code socialId}: LinkedIn keeps one reaction per
   * member and post, so a second like of it would show them nothing new.
   */
  boolean warmedUpOn(String senderAccount, long prospectId, String socialId, String touchKey);

  /**
   * Whether a warm-up of the account to the prospect planned before {@code touchKey} is still
   * unsettled (planned, being sent, or its outcome being checked after a crash). A later round
   * waits for it: the provider shows one like per member and post, so a like made meanwhile could
   * not be told from the earlier round's.
   */
  boolean earlierWarmUpUnsettled(String senderAccount, long prospectId, String touchKey);

  /**
   * How many provider calls for the account's touches on {@code channel} went through since {@code
   * since}.
   */
  int sentSince(String senderAccount, Channel channel, Instant since);

  /**
   * The connection requests the account sent through the provider (their call went through) that no
   * acceptance, decline or withdrawal has answered since: what the invitation poll looks for.
   */
  List<AwaitedInvitation> awaitedInvitations(String senderAccount);

  /**
   * The stale invitations the engine withdrew (a {@code WITHDRAWN} event after a connection request
   * the provider sent for the account) that have not been withdrawn at the provider yet, oldest
   * first: never tried, {@code WAITING} for another try, or left {@code WITHDRAWING} by a node that
   * died mid-call and claimed before {@code claimsLapsedBefore}.
   */
  List<DueWithdrawal> withdrawalsDue(String senderAccount, Instant claimsLapsedBefore);

  /**
   * Claims a withdrawal before the provider is called: false when it was claimed before (by this
   * node or another) and is neither {@code WAITING} for another try nor a claim made before {@code
   * claimsLapsedBefore}, so it is carried out at most once.
   */
  boolean claimWithdrawal(DueWithdrawal withdrawal, Instant now, Instant claimsLapsedBefore);

  /**
   * Keeps what the provider answered to a claimed withdrawal: WITHDRAWN, GONE (no longer pending at
   * LinkedIn), FAILED (refused, with the provider's words) or WAITING (tried again at the next
   * look).
   */
  void settleWithdrawal(String eventKey, String status, String detail, Instant now);

  /** The withdrawals carried out (or tried) at the provider for the account, newest first. */
  List<Withdrawal> withdrawals(String senderAccount);

  /** Keeps the id the provider gave the connection request sent by the touch {@code touchKey}. */
  void saveInvitation(String touchKey, String invitationId, Instant now);

  /** The id the provider gave the connection request sent by the touch, if it was kept. */
  Optional<String> invitationId(String touchKey);

  /** Keeps the latest check of an account's InMail credits against the provider's figure. */
  void saveInmailCheck(InmailCheck check);

  /** The latest check of the account's InMail credits, if one was made. */
  Optional<InmailCheck> inmailCheck(String senderAccount);

  /** A sender account linked at the provider. */
  record LinkedAccount(
      String senderAccount, String providerAccountId, String status, Instant updatedAt) {
    public LinkedAccount {
      Objects.requireNonNull(senderAccount, "senderAccount");
      Objects.requireNonNull(providerAccountId, "providerAccountId");
      Objects.requireNonNull(status, "status");
    }

    public boolean ok() {
      return "OK".equals(status);
    }
  }

  /** A prospect as the provider knows them. */
  record ProviderPerson(
      long prospectId,
      String providerId,
      String networkDistance,
      boolean openProfile,
      Instant updatedAt) {
    public ProviderPerson {
      Objects.requireNonNull(providerId, "providerId");
      Objects.requireNonNull(networkDistance, "networkDistance");
    }
  }

  /** A chat between an account and a person, and the channel it started on. */
  record ProviderChat(
      String senderAccount, String providerId, String chatId, Channel channel, Instant updatedAt) {
    public ProviderChat {
      Objects.requireNonNull(chatId, "chatId");
      Objects.requireNonNull(channel, "channel");
    }
  }

  /** A kind of action paused on an account, and until when its cap stays lowered. */
  record Pause(
      String senderAccount,
      Channel channel,
      Instant pausedUntil,
      Instant loweredUntil,
      String reason) {
    public boolean pausedAt(Instant now) {
      return pausedUntil.isAfter(now);
    }
  }

  /**
   * A withdrawal the engine recorded: its event's key, the account and the prospect.
   *
   * @param invitationId the id the provider gave the request withdrawn, or {@code null} when it was
   *     not kept (sent before ids were kept, or LinkedIn had one pending already)
   * @param interrupted whether an earlier claim lapsed mid-call: the provider may have withdrawn it
   */
  record DueWithdrawal(
      String eventKey,
      String senderAccount,
      long prospectId,
      String invitationId,
      boolean interrupted) {}

  /** A withdrawal as carried out at the provider. */
  record Withdrawal(
      String eventKey,
      String senderAccount,
      long prospectId,
      String status,
      String detail,
      Instant at) {}

  /** A connection request that went out through the provider and is not answered yet. */
  record AwaitedInvitation(long prospectId, Instant sentAt) {}

  /**
   * An account's InMail credits as the provider reported them beside Warmreach's own ledger at the
   * same moment.
   *
   * @param product the LinkedIn product whose credits were compared (premium, sales_navigator,
   *     recruiter)
   * @param providerBalance the provider's figure, or {@code null} when it reports none of that
   *     product
   */
  record InmailCheck(
      String senderAccount,
      String product,
      Integer providerBalance,
      int ledgerBalance,
      Instant checkedAt) {
    public InmailCheck {
      Objects.requireNonNull(senderAccount, "senderAccount");
      Objects.requireNonNull(product, "product");
      Objects.requireNonNull(checkedAt, "checkedAt");
    }

    /** The provider's figure less the ledger's (the provider's none counts as 0). */
    public int difference() {
      return (providerBalance == null ? 0 : providerBalance) - ledgerBalance;
    }

    public boolean differs() {
      return difference() != 0;
    }

    /** In words, e.g. "the provider reports 12 premium InMail credits, the ledger 15 (3 fewer)". */
    public String describe() {
      String provider =
          providerBalance == null
              ? "no " + product + " InMail credits"
              : providerBalance + " " + product + " InMail credits";
      String diff =
          !differs()
              ? "they agree"
              : Math.abs(difference())
                  + (difference() < 0 ? " fewer" : " more")
                  + " at the provider; the ledger is kept as it is";
      return "the provider reports "
          + provider
          + ", Warmreach's ledger "
          + ledgerBalance
          + " ("
          + diff
          + ")";
    }
  }
}
