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
   * How many provider calls for the account's touches on {@code channel} went through since {@code
   * since}.
   */
  int sentSince(String senderAccount, Channel channel, Instant since);

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
}
