package dev.warmreach.execute.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warmreach.execute.provider.LinkedInProvider.ChatStarted;
import dev.warmreach.execute.provider.LinkedInProvider.InmailApi;
import dev.warmreach.execute.provider.ProviderFailure.Reason;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Unipile client against the fake over real HTTP: every call, its encoding and its errors. */
class UnipileProviderTest {

  private FakeUnipile fake;
  private UnipileProvider provider;

  @BeforeEach
  void start() throws Exception {
    fake = new FakeUnipile();
    provider = new UnipileProvider(fake.base(), FakeUnipile.API_KEY, Duration.ofSeconds(5));
    fake.person("ada-lovelace", "ACoAAAda", "SECOND_DEGREE");
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void everyCallCarriesTheApiKeyAndAcceptsJson() {
    provider.account(FakeUnipile.ACCOUNT);

    FakeUnipile.Request request = fake.requests("GET /accounts/{id}").get(0);
    assertThat(request.apiKey()).isEqualTo(FakeUnipile.API_KEY);
  }

  @Test
  void aWrongApiKeyIsACredentialsFailure() {
    UnipileProvider wrong = new UnipileProvider(fake.base(), "nope", Duration.ofSeconds(5));

    assertThatThrownBy(() -> wrong.account(FakeUnipile.ACCOUNT))
        .isInstanceOfSatisfying(
            ProviderFailure.class,
            f -> {
              assertThat(f.reason()).isEqualTo(Reason.CREDENTIALS);
              assertThat(f.status()).isEqualTo(401);
              assertThat(f.getMessage()).contains("HTTP 401").contains("API key");
            });
  }

  @Test
  void readsTheAccountsStatusFromItsSources() {
    fake.accountStatus.put(FakeUnipile.ACCOUNT, "CREDENTIALS");

    LinkedInProvider.ProviderAccount account = provider.account(FakeUnipile.ACCOUNT);

    assertThat(account.status()).isEqualTo("CREDENTIALS");
    assertThat(account.ok()).isFalse();
    assertThat(account.premiumFeatures()).containsExactly("premium");
  }

  @Test
  void createsAHostedLinkWithJsonAndTheNotifyUrl() {
    URI link =
        provider.hostedLink(
            "sdr-1",
            URI.create("http://127.0.0.1:7070/provider/linked"),
            Instant.parse("2026-12-03T00:00:00Z"));

    assertThat(link.toString()).startsWith("https://account.unipile.com/");
    FakeUnipile.Request request = fake.requests("POST /hosted/accounts/link").get(0);
    assertThat(request.contentType()).startsWith("application/json");
    assertThat(request.fields())
        .containsEntry("type", "create")
        .containsEntry("providers", "[\"LINKEDIN\"]")
        .containsEntry("notify_url", "http://127.0.0.1:7070/provider/linked")
        .containsEntry("name", "sdr-1")
        .containsEntry("expiresOn", "2026-12-03T00:00:00Z")
        .containsEntry("api_url", "http://127.0.0.1:" + fake.base().getPort());
  }

  @Test
  void findsAProfileByItsPublicIdentifierForTheAccount() {
    LinkedInProvider.ProviderProfile profile =
        provider.profile(FakeUnipile.ACCOUNT, "ada-lovelace");

    assertThat(profile.providerId()).isEqualTo("ACoAAAda");
    assertThat(profile.networkDistance()).isEqualTo("SECOND_DEGREE");
    assertThat(profile.invitationStatus()).isEmpty();
    assertThat(fake.requests("GET /users/{id}").get(0).query())
        .containsEntry("account_id", FakeUnipile.ACCOUNT);
  }

  @Test
  void invitesWithTheNoteAsJsonAndListsTheInvitationAcrossPages() {
    fake.person("b", "ACoB", "SECOND_DEGREE");
    fake.person("c", "ACoC", "THIRD_DEGREE");
    provider.invite(FakeUnipile.ACCOUNT, "ACoB", null);
    provider.invite(FakeUnipile.ACCOUNT, "ACoC", null);

    String id = provider.invite(FakeUnipile.ACCOUNT, "ACoAAAda", "Loved your talk on engines");

    FakeUnipile.Request request = fake.requests("POST /users/invite").get(2);
    assertThat(request.contentType()).startsWith("application/json");
    assertThat(request.fields())
        .containsEntry("account_id", FakeUnipile.ACCOUNT)
        .containsEntry("provider_id", "ACoAAAda")
        .containsEntry("message", "Loved your talk on engines");
    assertThat(fake.requests("POST /users/invite").get(0).fields()).doesNotContainKey("message");
    assertThat(provider.sentInvitations(FakeUnipile.ACCOUNT))
        .extracting(LinkedInProvider.SentInvitation::invitedUserId)
        .containsExactlyInAnyOrder("ACoB", "ACoC", "ACoAAAda");
    assertThat(fake.count("GET /users/invite/sent"))
        .isEqualTo(2); // two pages, cursor null at the end
    assertThat(provider.profile(FakeUnipile.ACCOUNT, "ada-lovelace").invitationStatus())
        .contains("PENDING");
    assertThat(id).startsWith("inv-");
  }

  @Test
  void withdrawsAnInvitationByIdForTheAccount() {
    String id = provider.invite(FakeUnipile.ACCOUNT, "ACoAAAda", null);

    provider.withdraw(FakeUnipile.ACCOUNT, id);

    assertThat(fake.invitations).isEmpty();
    assertThat(fake.requests("DELETE /users/invite/sent/{id}").get(0).query())
        .containsEntry("account_id", FakeUnipile.ACCOUNT);
  }

  @Test
  void eachInvitationErrorMeansWhatUnipileSays() {
    fake.person("friend", "ACoFriend", "FIRST_DEGREE");
    provider.invite(FakeUnipile.ACCOUNT, "ACoAAAda", null);

    assertThat(reasonOf(() -> provider.invite(FakeUnipile.ACCOUNT, "ACoFriend", null)))
        .isEqualTo(Reason.ALREADY_CONNECTED);
    assertThat(reasonOf(() -> provider.invite(FakeUnipile.ACCOUNT, "ACoAAAda", null)))
        .isEqualTo(Reason.ALREADY_INVITED);
    fake.failNext("POST /users/invite", 422, "errors/cannot_resend_yet", "Withdrawn too recently.");
    assertThat(reasonOf(() -> provider.invite(FakeUnipile.ACCOUNT, "ACoX", null)))
        .isEqualTo(Reason.ALREADY_INVITED);
    fake.failNext("POST /users/invite", 422, "errors/limit_exceeded", "Weekly limit reached.");
    assertThat(reasonOf(() -> provider.invite(FakeUnipile.ACCOUNT, "ACoX", null)))
        .isEqualTo(Reason.LIMIT_REACHED);
    fake.failNext("POST /users/invite", 429, "errors/too_many_requests", "Slow down.");
    assertThat(reasonOf(() -> provider.invite(FakeUnipile.ACCOUNT, "ACoX", null)))
        .isEqualTo(Reason.LIMIT_REACHED);
    fake.failNext("POST /users/invite", 401, "errors/disconnected_account", "Reconnect it.");
    assertThat(reasonOf(() -> provider.invite(FakeUnipile.ACCOUNT, "ACoX", null)))
        .isEqualTo(Reason.CREDENTIALS);
    fake.failNext("POST /users/invite", 503, "errors/provider_error", "LinkedIn is down.");
    assertThat(reasonOf(() -> provider.invite(FakeUnipile.ACCOUNT, "ACoX", null)))
        .isEqualTo(Reason.UNAVAILABLE);
  }

  @Test
  void anUnreachableProviderIsUnavailable() {
    fake.close();

    assertThat(reasonOf(() -> provider.account(FakeUnipile.ACCOUNT))).isEqualTo(Reason.UNAVAILABLE);
  }

  @Test
  void startsADmChatWithMultipartFormDataAndNoInmailFlag() {
    fake.person("friend", "ACoFriend", "FIRST_DEGREE");

    ChatStarted chat =
        provider.startChat(FakeUnipile.ACCOUNT, "ACoFriend", "Thanks for connecting", null, null);

    FakeUnipile.Request request = fake.requests("POST /chats").get(0);
    assertThat(request.contentType()).startsWith("multipart/form-data; boundary=");
    assertThat(request.fields())
        .containsEntry("account_id", FakeUnipile.ACCOUNT)
        .containsEntry("attendees_ids", "ACoFriend")
        .containsEntry("text", "Thanks for connecting")
        .doesNotContainKey("linkedin[inmail]");
    assertThat(chat.chatId()).startsWith("chat-");
    assertThat(provider.messagesWith(FakeUnipile.ACCOUNT, "ACoFriend"))
        .singleElement()
        .satisfies(m -> assertThat(m.fromAccount()).isTrue());
  }

  @Test
  void aDmToSomeoneNotConnectedIsRefused() {
    assertThat(
            reasonOf(() -> provider.startChat(FakeUnipile.ACCOUNT, "ACoAAAda", "Hi", null, null)))
        .isEqualTo(Reason.REFUSED);
  }

  @Test
  void sendsAnInmailWithSubjectApiAndInmailFlag() {
    provider.startChat(
        FakeUnipile.ACCOUNT, "ACoAAAda", "A short body", "A subject", InmailApi.SALES_NAVIGATOR);

    assertThat(fake.requests("POST /chats").get(0).fields())
        .containsEntry("subject", "A subject")
        .containsEntry("linkedin[api]", "sales_navigator")
        .containsEntry("linkedin[inmail]", "true");
  }

  @Test
  void sendsAMessageInAnExistingChatAsMultipart() {
    fake.person("friend", "ACoFriend", "FIRST_DEGREE");
    ChatStarted chat = provider.startChat(FakeUnipile.ACCOUNT, "ACoFriend", "Hi", null, null);

    String id = provider.sendMessage(chat.chatId(), "A follow-up");

    FakeUnipile.Request request = fake.requests("POST /chats/{id}/messages").get(0);
    assertThat(request.contentType()).startsWith("multipart/form-data");
    assertThat(request.fields()).containsEntry("text", "A follow-up");
    assertThat(id).startsWith("msg-");
  }

  @Test
  void readsPostsThenReactsAndCommentsWithJson() {
    FakeUnipile.Person ada = fake.bySlug.get("ada-lovelace");
    fake.post(ada, "urn:li:activity:1", "On engines");

    LinkedInProvider.Post post = provider.posts(FakeUnipile.ACCOUNT, "ACoAAAda").get(0);
    provider.react(FakeUnipile.ACCOUNT, post.socialId(), "like");
    provider.comment(FakeUnipile.ACCOUNT, post.socialId(), "Well put");

    assertThat(post.canReact()).isTrue();
    assertThat(fake.requests("POST /posts/reaction").get(0).fields())
        .containsEntry("account_id", FakeUnipile.ACCOUNT)
        .containsEntry("post_id", "urn:li:activity:1")
        .containsEntry("reaction_type", "like");
    assertThat(fake.comments.get(0).path("post_id").asText()).isEqualTo("urn:li:activity:1");
    assertThat(fake.comments.get(0).path("text").asText()).isEqualTo("Well put");
  }

  @Test
  void readsTheAccountsOwnMemberIdAndAPostsReactionsAndCommentsPageByPage() {
    FakeUnipile.Person ada = fake.bySlug.get("ada-lovelace");
    fake.post(ada, "urn:li:activity:1", "On engines");
    fake.othersEngageWith("urn:li:activity:1", 2);
    provider.react(FakeUnipile.ACCOUNT, "urn:li:activity:1", "like");
    provider.comment(FakeUnipile.ACCOUNT, "urn:li:activity:1", "Well put");

    String self = provider.ownProviderId(FakeUnipile.ACCOUNT);
    var first = provider.reactions(FakeUnipile.ACCOUNT, "urn:li:activity:1", null);
    var second = provider.reactions(FakeUnipile.ACCOUNT, "urn:li:activity:1", first.cursor());
    var comments = provider.comments(FakeUnipile.ACCOUNT, "urn:li:activity:1", "2");

    assertThat(self).isEqualTo(FakeUnipile.memberOf(FakeUnipile.ACCOUNT));
    assertThat(fake.requests("GET /users/me").get(0).query())
        .containsEntry("account_id", FakeUnipile.ACCOUNT);
    assertThat(first.items()).hasSize(2).noneMatch(r -> r.authorId().equals(self));
    assertThat(first.cursor()).isNotNull();
    assertThat(second.items())
        .singleElement()
        .isEqualTo(new LinkedInProvider.PostReaction(self, "LIKE"));
    assertThat(second.cursor()).isNull();
    assertThat(fake.requests("GET /posts/{id}/reactions").get(1).query())
        .containsEntry("account_id", FakeUnipile.ACCOUNT)
        .containsEntry("cursor", first.cursor());
    assertThat(comments.items())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.authorId()).isEqualTo("urn:li:fsd_profile:" + self);
              assertThat(c.text()).isEqualTo("Well put");
            });
    assertThat(comments.cursor()).isNull();
  }

  @Test
  void readsTheInmailBalanceWithNullsForProductsTheAccountLacks() {
    LinkedInProvider.InmailBalance balance = provider.inmailBalance(FakeUnipile.ACCOUNT);

    assertThat(balance.premium()).isEqualTo(12);
    assertThat(balance.recruiter()).isNull();
    assertThat(balance.salesNavigator()).isNull();
  }

  @Test
  void registersAWebhookWithItsSecretHeader() {
    provider.registerWebhook(
        URI.create("https://warmreach.example/api/provider/webhook"),
        "users",
        "X-Warmreach-Secret",
        "s3cret");

    FakeUnipile.Request request = fake.requests("POST /webhooks").get(0);
    assertThat(request.fields())
        .containsEntry("request_url", "https://warmreach.example/api/provider/webhook")
        .containsEntry("source", "users")
        .containsEntry("headers", "[{\"key\":\"X-Warmreach-Secret\",\"value\":\"s3cret\"}]");
  }

  @Test
  void readsADsnAsTheApiRoot() {
    assertThat(UnipileProvider.apiRoot("api8.unipile.com:13851"))
        .hasToString("https://api8.unipile.com:13851/api/v1");
    assertThat(UnipileProvider.apiRoot("https://api8.unipile.com:13851/"))
        .hasToString("https://api8.unipile.com:13851/api/v1");
  }

  private static Reason reasonOf(Runnable call) {
    try {
      call.run();
    } catch (ProviderFailure failure) {
      return failure.reason();
    }
    throw new AssertionError("the call did not fail");
  }
}
