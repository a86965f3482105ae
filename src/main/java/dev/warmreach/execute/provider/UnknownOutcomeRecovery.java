package dev.warmreach.execute.provider;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Touch;
import dev.warmreach.execute.Backoff;
import dev.warmreach.execute.provider.LinkedInProvider.Post;
import dev.warmreach.execute.provider.LinkedInProvider.SentInvitation;
import dev.warmreach.store.Deliveries;
import dev.warmreach.store.Delivery;
import dev.warmreach.store.OutboundTouch;
import dev.warmreach.store.ProviderLinks;
import dev.warmreach.store.ProviderLinks.LinkedAccount;
import dev.warmreach.store.ProviderLinks.ProviderPerson;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The provider executor's recovery of a LinkedIn touch whose outcome is unknown (its node died
 * after the sent-marker, or the call that acts got no answer): asks the provider what LinkedIn
 * shows (the invitation list, the messages with the person, the post's reactions and comments) and
 * settles the touch so, sends it again only when the provider shows it did not go through, and
 * marks it {@code UNCERTAIN} for the user to confirm when the provider cannot tell. Thread-safe.
 */
final class UnknownOutcomeRecovery {

  private final LinkedInProvider provider;
  private final Deliveries deliveries;
  private final ProviderLinks links;
  private final Backoff retries;
  private final Clock clock;
  private final Map<String, String> members = new ConcurrentHashMap<>();

  UnknownOutcomeRecovery(
      LinkedInProvider provider,
      Deliveries deliveries,
      ProviderLinks links,
      Backoff retries,
      Clock clock) {
    this.provider = provider;
    this.deliveries = deliveries;
    this.links = links;
    this.retries = retries;
    this.clock = clock;
  }

  /**
   * After a crash or a call without an answer: asks the provider whether the touch went through,
   * and settles it so (as of {@code attemptedAt}, when the call was made), or sends it again only
   * when the provider says it did not.
   */
  void recover(
      Delivery delivery,
      OutboundTouch outbound,
      Optional<LinkedAccount> linked,
      Instant now,
      String what,
      int attemptsMade,
      Instant attemptedAt) {
    Touch touch = outbound.touch();
    if (linked.isEmpty()) {
      settleAt(
          attemptedAt,
          delivery,
          Delivery.Status.UNCERTAIN,
          what
              + "; the account is no longer linked, so the provider cannot be asked whether it"
              + " went through: not sent again — check LinkedIn and confirm sent or not sent",
          Touch.Status.UNCERTAIN);
      return;
    }
    String accountId = linked.get().providerAccountId();
    Optional<Boolean> went;
    try {
      went = wentThrough(outbound, accountId);
    } catch (ProviderFailure failure) {
      went = Optional.empty();
    }
    if (went.isEmpty()) {
      settleAt(
          attemptedAt,
          delivery,
          Delivery.Status.UNCERTAIN,
          what
              + "; the provider could not tell whether the "
              + ProviderExecutor.kind(touch.channel())
              + " went through, so it is not sent again: check LinkedIn and confirm sent or not"
              + " sent",
          Touch.Status.UNCERTAIN);
    } else if (went.get()) {
      settleAt(
          attemptedAt,
          delivery,
          Delivery.Status.SENT,
          what + "; the provider shows it went through",
          Touch.Status.DONE);
    } else {
      // It did not go out: sent again at once after a crash, with the backoff after no answer.
      String reason = what + "; the provider shows it did not go through";
      if (attemptsMade == 0) {
        deliveries.retryDelivery(delivery.id(), now, reason + ", sending again", now);
      } else {
        retryOrGiveUp(delivery, reason, attemptsMade, now);
      }
    }
  }

  /** Whether the provider shows the touch as done; empty when it cannot tell. */
  private Optional<Boolean> wentThrough(OutboundTouch outbound, String accountId) {
    Touch touch = outbound.touch();
    if (touch.channel() == Channel.CONNECT
        && links.invitationId(touch.idempotencyKey()).isPresent()) {
      return Optional.of(true); // the provider's answer was kept: the request went out
    }
    Optional<ProviderPerson> person = links.person(outbound.prospect().id());
    if (person.isEmpty()) {
      return Optional.of(false); // the lookup before the call never finished
    }
    String providerId = person.get().providerId();
    return switch (touch.channel()) {
      case CONNECT -> {
        Optional<SentInvitation> pending =
            provider.sentInvitations(accountId).stream()
                .filter(i -> i.invitedUserId().equals(providerId))
                .findFirst();
        if (pending.isPresent()) {
          // The answer was lost with the crash; the list gives the id to withdraw it by later.
          links.saveInvitation(touch.idempotencyKey(), pending.get().id(), clock.instant());
          yield Optional.of(true);
        }
        yield Optional.of(
            ProviderExecutor.lookUp(provider, outbound.prospect(), accountId).connected());
      }
      case DM, INMAIL -> {
        String text = ProviderExecutor.text(touch);
        yield Optional.of(
            provider.messagesWith(accountId, providerId).stream()
                .anyMatch(m -> m.fromAccount() && m.text().strip().equals(text.strip())));
      }
      case ENGAGE -> {
        // The post shows the account's like, and its comment when the step has one.
        Optional<Post> latest = ProviderExecutor.targetPost(provider, touch, accountId, providerId);
        if (latest.isEmpty()) {
          yield Optional.empty(); // the post is gone: nothing left to ask
        }
        String socialId = latest.get().socialId();
        ProviderExecutor.keepPost(deliveries, touch, socialId);
        String comment = ProviderExecutor.comment(touch, latest.get());
        if (earlierRoundLiked(touch, socialId)) {
          // The like on it is an earlier round's and tells nothing of this one: a round without
          // a comment is skipped without a call when tried again, one with a comment posts only it.
          yield Optional.of(!comment.isEmpty() && commented(accountId, socialId, comment));
        }
        yield Optional.of(
            liked(accountId, socialId)
                && (comment.isEmpty() || commented(accountId, socialId, comment)));
      }
      case EMAIL -> Optional.empty();
    };
  }

  /** Tries the touch again after its backoff, or gives it up when the attempts are spent. */
  void retryOrGiveUp(Delivery delivery, String reason, int attemptsMade, Instant after) {
    Optional<Instant> next = retries.next(attemptsMade, after);
    if (next.isPresent()) {
      deliveries.retryDelivery(delivery.id(), next.get(), reason, after);
    } else {
      settleAt(
          clock.instant(),
          delivery,
          Delivery.Status.DEAD,
          reason + " (gave up after " + attemptsMade + " attempts)",
          Touch.Status.FAILED);
    }
  }

  /** Whether an earlier warm-up of the same account to the same person went through on the post. */
  boolean earlierRoundLiked(Touch touch, String socialId) {
    return links.warmedUpOn(
        touch.senderAccount(), touch.prospectId(), socialId, touch.idempotencyKey());
  }

  /** Whether the post's reactions include the account's own, looked for page by page. */
  boolean liked(String accountId, String socialId) {
    String self = self(accountId);
    String cursor = null;
    do {
      var page = provider.reactions(accountId, socialId, cursor);
      if (page.items().stream().anyMatch(r -> sameMember(r.authorId(), self))) {
        return true;
      }
      cursor = page.cursor();
    } while (cursor != null);
    return false;
  }

  /** Whether the post's comments include the account's own with this text, page by page. */
  boolean commented(String accountId, String socialId, String text) {
    String self = self(accountId);
    String cursor = null;
    do {
      var page = provider.comments(accountId, socialId, cursor);
      if (page.items().stream()
          .anyMatch(c -> sameMember(c.authorId(), self) && c.text().strip().equals(text.strip()))) {
        return true;
      }
      cursor = page.cursor();
    } while (cursor != null);
    return false;
  }

  /** The account's own member id at the provider, asked once per provider account. */
  private String self(String accountId) {
    return members.computeIfAbsent(accountId, provider::ownProviderId);
  }

  /** A provider_id, or a member URN ending in it ({@code urn:li:fsd_profile:ACoAA…}). */
  private static boolean sameMember(String authorId, String self) {
    return authorId.equals(self) || authorId.endsWith(":" + self);
  }

  private void settleAt(
      Instant at,
      Delivery delivery,
      Delivery.Status status,
      String reason,
      Touch.Status touchStatus) {
    deliveries.settleDelivery(delivery.id(), status, reason, touchStatus, at);
  }
}
