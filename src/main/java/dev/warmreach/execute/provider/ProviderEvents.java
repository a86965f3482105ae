package dev.warmreach.execute.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Event;
import dev.warmreach.domain.ProfileUrl;
import dev.warmreach.domain.Prospect;
import dev.warmreach.store.EngineSteps;
import dev.warmreach.store.Prospects;
import dev.warmreach.store.ProviderLinks;
import dev.warmreach.store.ProviderLinks.LinkedAccount;
import java.time.Instant;
import java.util.Optional;

/**
 * What the provider reports back (its webhooks, SPEC §7), turned into Warmreach's events: {@code
 * new_relation} → accepted, {@code message_received} from a prospect → replied on the channel of
 * the chat (the account's own messages are not replies), {@code account_status} → the account's
 * status. Each event is recorded under a key of its own, the acceptance under the key every source
 * of it shares, so the earliest source wins and the rest are duplicates. Thread-safe.
 */
public final class ProviderEvents {

  /** What became of a payload, for the provider's log and for tests. */
  public enum Outcome {
    RECORDED,
    DUPLICATE,
    IGNORED
  }

  private final ProviderLinks links;
  private final Prospects prospects;
  private final EngineSteps events;

  public ProviderEvents(ProviderLinks links, Prospects prospects, EngineSteps events) {
    this.links = links;
    this.prospects = prospects;
    this.events = events;
  }

  /** Applies one webhook payload received at {@code now}. */
  public Outcome receive(JsonNode payload, Instant now) {
    if (payload.has("AccountStatus")) {
      // Unipile's account_status source posts {AccountStatus: {account_id, message}}.
      JsonNode status = payload.path("AccountStatus");
      return accountStatus(
          status.path("account_id").asText(), status.path("message").asText(), now);
    }
    String event = payload.path("event").asText("");
    String accountId = payload.path("account_id").asText("");
    return switch (event) {
      case "new_relation" -> newRelation(payload, accountId, now);
      case "message_received" -> messageReceived(payload, accountId, now);
      case "account_status" ->
          accountStatus(
              accountId, payload.path("status").asText(payload.path("message").asText()), now);
      default -> Outcome.IGNORED;
    };
  }

  private Outcome newRelation(JsonNode payload, String accountId, Instant now) {
    Optional<LinkedAccount> account = links.linkedAccountByProviderId(accountId);
    if (account.isEmpty()) {
      return Outcome.IGNORED;
    }
    Optional<Long> prospect =
        prospectOf(
            payload.path("user_provider_id").asText(""),
            payload.path("user_public_identifier").asText(""));
    if (prospect.isEmpty()) {
      return Outcome.IGNORED; // someone who is not a prospect accepted or connected
    }
    return accepted(account.get().senderAccount(), prospect.get(), now);
  }

  /** Records an acceptance once, whichever source saw it first. */
  Outcome accepted(String senderAccount, long prospectId, Instant now) {
    boolean recorded =
        events.recordEvent(
            new Event.Accepted(
                prospectId, now, ProviderExecutor.acceptedKey(senderAccount, prospectId)));
    return recorded ? Outcome.RECORDED : Outcome.DUPLICATE;
  }

  private Outcome messageReceived(JsonNode payload, String accountId, Instant now) {
    Optional<LinkedAccount> account = links.linkedAccountByProviderId(accountId);
    if (account.isEmpty()) {
      return Outcome.IGNORED;
    }
    JsonNode sender = payload.path("sender");
    String senderId = sender.path("attendee_provider_id").asText("");
    Optional<Long> prospect =
        prospectOf(senderId, slugOf(sender.path("attendee_profile_url").asText("")));
    if (prospect.isEmpty()) {
      return Outcome.IGNORED; // the account's own message, or someone who is not a prospect
    }
    Channel channel =
        links
            .chatById(payload.path("chat_id").asText(""))
            .map(ProviderLinks.ProviderChat::channel)
            .orElse(Channel.DM);
    String key = "provider:replied:" + accountId + ":" + payload.path("message_id").asText("");
    boolean recorded = events.recordEvent(new Event.Replied(prospect.get(), now, key, channel));
    return recorded ? Outcome.RECORDED : Outcome.DUPLICATE;
  }

  private Outcome accountStatus(String accountId, String status, Instant now) {
    if (status.isBlank()) {
      return Outcome.IGNORED;
    }
    return links.accountStatus(accountId, status, now) ? Outcome.RECORDED : Outcome.IGNORED;
  }

  private Optional<Long> prospectOf(String providerId, String publicIdentifier) {
    if (!providerId.isBlank()) {
      Optional<Long> known = links.prospectByProviderId(providerId);
      if (known.isPresent()) {
        return known;
      }
    }
    if (publicIdentifier.isBlank()) {
      return Optional.empty();
    }
    ProfileUrl.Parsed parsed = ProfileUrl.parse("https://www.linkedin.com/in/" + publicIdentifier);
    if (parsed instanceof ProfileUrl.Valid valid) {
      return prospects.prospectByUrl(valid.url()).map(Prospect::id);
    }
    return Optional.empty();
  }

  private static String slugOf(String profileUrl) {
    ProfileUrl.Parsed parsed = ProfileUrl.parse(profileUrl);
    if (parsed instanceof ProfileUrl.Valid valid && valid.url().value().contains("/in/")) {
      String url = valid.url().value();
      return url.substring(url.lastIndexOf('/') + 1);
    }
    return "";
  }
}
