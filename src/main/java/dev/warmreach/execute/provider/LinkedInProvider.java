package dev.warmreach.execute.provider;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A service that holds the user's linked LinkedIn session and acts on LinkedIn for Warmreach (SPEC
 * §7). Unipile is the first ({@link UnipileProvider}); another provider implements this port. Every
 * call either answers or throws a {@link ProviderFailure} saying what the provider meant.
 */
public interface LinkedInProvider {

  /** The linked account: its status and the LinkedIn plan features it has. */
  ProviderAccount account(String accountId);

  /** A link where the user signs in to LinkedIn so the provider can hold the session. */
  URI hostedLink(String name, URI notifyUrl, Instant expiresOn);

  /** A person's profile as seen from the account, found by their public identifier (URL slug). */
  ProviderProfile profile(String accountId, String publicIdentifier);

  /**
   * A person's profile found by their Sales Navigator lead id ({@code ACwAA…}), for someone known
   * only from a lead list.
   */
  ProviderProfile profileByLeadId(String accountId, String leadId);

  /** Sends a connection request, with a note when {@code message} is not null; its id. */
  String invite(String accountId, String providerId, String message);

  /** The invitations the account sent and that are still pending. */
  List<SentInvitation> sentInvitations(String accountId);

  /**
   * One page of the account's relations (its 1st-degree connections), newest first; {@code cursor}
   * is {@code null} for the first page and the page's own cursor for the next.
   */
  RelationPage relations(String accountId, String cursor);

  /** Withdraws a pending invitation. */
  void withdraw(String accountId, String invitationId);

  /** Starts a chat with one person: a DM, or an InMail when {@code inmail} is set. */
  ChatStarted startChat(
      String accountId, String providerId, String text, String subject, InmailApi api);

  /** Sends a message in an existing chat; the message's id. */
  String sendMessage(String chatId, String text);

  /** The messages exchanged with a person, newest first, to learn whether a send went through. */
  List<ChatMessage> messagesWith(String accountId, String providerId);

  /** The person's latest posts, newest first. */
  List<Post> posts(String accountId, String providerId);

  /** Reacts to a post (a like, say). */
  void react(String accountId, String socialId, String reaction);

  /** Comments on a post. */
  void comment(String accountId, String socialId, String text);

  /**
   * The LinkedIn member the account signs in as: its {@code provider_id}, which names the account
   * among the authors of a post's reactions and comments.
   */
  String ownProviderId(String accountId);

  /**
   * One page of the reactions on a post; {@code cursor} is {@code null} for the first page and the
   * page's own cursor for the next.
   */
  Page<PostReaction> reactions(String accountId, String socialId, String cursor);

  /**
   * One page of the comments on a post; {@code cursor} is {@code null} for the first page and the
   * page's own cursor for the next.
   */
  Page<PostComment> comments(String accountId, String socialId, String cursor);

  /** The account's InMail credits by LinkedIn product; empty for a product it does not have. */
  InmailBalance inmailBalance(String accountId);

  /** Asks the provider to post events of {@code source} to {@code url} with a secret header. */
  void registerWebhook(URI url, String source, String headerName, String headerValue);

  /** Which LinkedIn product sends an InMail, or {@code null} for a DM. */
  enum InmailApi {
    CLASSIC,
    SALES_NAVIGATOR,
    RECRUITER
  }

  /** The provider's view of a linked account. */
  record ProviderAccount(String id, String status, List<String> premiumFeatures) {
    public ProviderAccount {
      premiumFeatures = List.copyOf(premiumFeatures);
    }

    public boolean ok() {
      return "OK".equals(status);
    }
  }

  /**
   * A person as the provider sees them.
   *
   * @param networkDistance FIRST_DEGREE, SECOND_DEGREE, THIRD_DEGREE or OUT_OF_NETWORK
   * @param invitationStatus the status of an invitation between them and the account, or empty
   */
  record ProviderProfile(
      String providerId,
      String networkDistance,
      boolean openProfile,
      boolean canSendInmail,
      Optional<String> invitationStatus) {

    public boolean connected() {
      return "FIRST_DEGREE".equals(networkDistance);
    }
  }

  /** A pending invitation the account sent. */
  record SentInvitation(String id, String invitedUserId, String invitedPublicId, String date) {}

  /** Someone the account is connected with, and when they connected (when the provider says). */
  record Relation(String providerId, String publicIdentifier, Instant connectedAt) {}

  /** A page of relations and the cursor of the next page, {@code null} after the last. */
  record RelationPage(List<Relation> relations, String cursor) {
    public RelationPage {
      relations = List.copyOf(relations);
    }
  }

  /** A new chat and its first message. */
  record ChatStarted(String chatId, String messageId) {}

  /** One message in a chat; {@code fromAccount} when the account itself sent it. */
  record ChatMessage(String id, String chatId, String text, boolean fromAccount) {}

  /** A post, with what the account may do with it. */
  record Post(String socialId, String text, String date, boolean canReact, boolean canComment) {}

  /** A reaction on a post: who reacted ({@code provider_id} or member URN) and how (LIKE …). */
  record PostReaction(String authorId, String value) {}

  /** A comment on a post, its author ({@code provider_id} or member URN) and text. */
  record PostComment(String id, String authorId, String text) {}

  /** A page of a list and the cursor of the next page, {@code null} after the last. */
  record Page<T>(List<T> items, String cursor) {
    public Page {
      items = List.copyOf(items);
    }
  }

  /** InMail credits per product; {@code null} where the account has none of that product. */
  record InmailBalance(Integer premium, Integer recruiter, Integer salesNavigator) {}
}
