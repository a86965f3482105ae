package dev.warmreach.web.api;

import static dev.warmreach.testing.AProspect.aProspect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Touch;
import dev.warmreach.execute.provider.FakeUnipile;
import dev.warmreach.execute.provider.ProviderSetup;
import dev.warmreach.store.ProviderLinks;
import dev.warmreach.store.Store;
import dev.warmreach.store.StoredEvent;
import dev.warmreach.testing.PlannedTouches;
import dev.warmreach.web.ServerFixture;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The provider's webhooks reaching the server over real HTTP, each payload as SPEC §7 gives it. */
class ProviderWebhookApiTest {

  @TempDir Path home;
  private ServerFixture server;
  private FakeUnipile fake;
  private Store store;
  private String secret;
  private Touch touch;

  @BeforeEach
  void start() throws Exception {
    server = ServerFixture.start(home);
    fake = new FakeUnipile();
    store = server.app.store();
    Map<String, String> env = Map.of("UNIPILE_API_KEY", FakeUnipile.API_KEY);
    ProviderSetup setup = server.app.providerSetup(env);
    secret =
        setup
            .save(
                "unipile",
                "http://127.0.0.1:" + fake.base().getPort(),
                null,
                "UNIPILE_API_KEY",
                env)
            .webhookSecret();
    touch =
        PlannedTouches.request(
            store,
            aProspect()
                .named("Ada", "Lovelace")
                .at("https://www.linkedin.com/in/ada-lovelace")
                .build(),
            "Hi Ada",
            ServerFixture.START);
    store
        .providerLinks()
        .linkAccount(PlannedTouches.ACCOUNT, FakeUnipile.ACCOUNT, "OK", ServerFixture.START);
    store
        .providerLinks()
        .savePerson(
            new ProviderLinks.ProviderPerson(
                touch.prospectId(), "ACoAda", "SECOND_DEGREE", false, ServerFixture.START));
  }

  @AfterEach
  void stop() {
    fake.close();
    server.close();
  }

  private HttpResponse<String> post(String body, String presented) {
    return presented == null
        ? server.post("/api/provider/webhook", "application/json", body)
        : server.post(
            "/api/provider/webhook",
            "application/json",
            body,
            ProviderSetup.SECRET_HEADER,
            presented);
  }

  private static String newRelation() {
    return "{\"event\":\"new_relation\",\"account_id\":\"acc-1\",\"user_provider_id\":\"ACoAda\","
        + "\"user_public_identifier\":\"ada-lovelace\","
        + "\"user_profile_url\":\"https://www.linkedin.com/in/ada-lovelace\",\"user_full_name\":\"Ada Lovelace\"}";
  }

  private static String messageFrom(String attendee, String chat, String messageId) {
    return "{\"event\":\"message_received\",\"account_id\":\"acc-1\",\"chat_id\":\""
        + chat
        + "\","
        + "\"message_id\":\""
        + messageId
        + "\",\"message\":\"Happy to talk\","
        + "\"sender\":{\"attendee_provider_id\":\""
        + attendee
        + "\","
        + "\"attendee_profile_url\":\"https://www.linkedin.com/in/"
        + attendee
        + "\",\"attendee_name\":\"X\"},"
        + "\"timestamp\":\"2026-03-02T10:00:00.000Z\"}";
  }

  private java.util.List<StoredEvent> events() {
    return store.prospects().events(touch.prospectId());
  }

  @Test
  void aPayloadWithoutTheSecretHeaderIsRefusedAndChangesNothing() {
    HttpResponse<String> missing = post(newRelation(), null);
    HttpResponse<String> wrong = post(newRelation(), "guess");

    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains(ProviderSetup.SECRET_HEADER);
    assertThat(events()).isEmpty();
  }

  @Test
  void aNewRelationIsAnAcceptanceRecordedOnce() {
    HttpResponse<String> first = post(newRelation(), secret);
    HttpResponse<String> again = post(newRelation(), secret);

    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(ServerFixture.json(first).get("outcome").asText()).isEqualTo("recorded");
    assertThat(ServerFixture.json(again).get("outcome").asText()).isEqualTo("duplicate");
    assertThat(events()).extracting(StoredEvent::kind).containsExactly("ACCEPTED");
  }

  @Test
  void aMessageFromTheProspectInAnInmailChatIsAnInmailReply() {
    store
        .providerLinks()
        .saveChat(
            new ProviderLinks.ProviderChat(
                PlannedTouches.ACCOUNT, "ACoAda", "chat-7", Channel.INMAIL, ServerFixture.START));

    HttpResponse<String> reply = post(messageFrom("ACoAda", "chat-7", "m-1"), secret);

    assertThat(ServerFixture.json(reply).get("outcome").asText()).isEqualTo("recorded");
    assertThat(events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo("REPLIED");
              assertThat(e.channel()).isEqualTo(Channel.INMAIL);
            });
  }

  @Test
  void theAccountsOwnMessagesAreNotReplies() {
    HttpResponse<String> own = post(messageFrom("ACoSenderItself", "chat-7", "m-2"), secret);

    assertThat(ServerFixture.json(own).get("outcome").asText()).isEqualTo("ignored");
    assertThat(events()).isEmpty();
  }

  @Test
  void anAccountStatusIsKept() {
    post(
        "{\"AccountStatus\":{\"account_id\":\"acc-1\",\"account_type\":\"LINKEDIN\",\"message\":\"CREDENTIALS\"}}",
        secret);

    assertThat(store.providerLinks().linkedAccount(PlannedTouches.ACCOUNT).orElseThrow().status())
        .isEqualTo("CREDENTIALS");
  }

  @Test
  void theHostedLinksNotifyStoresTheProvidersAccountId() {
    HttpResponse<String> notified =
        server.post(
            "/api/provider/linked?secret=" + secret,
            "application/json",
            "{\"status\":\"CREATION_SUCCESS\",\"account_id\":\"acc-2\",\"name\":\"sdr-1\"}");
    HttpResponse<String> forged =
        server.post(
            "/api/provider/linked?secret=nope",
            "application/json",
            "{\"status\":\"CREATION_SUCCESS\",\"account_id\":\"acc-3\",\"name\":\"sdr-1\"}");

    assertThat(notified.statusCode()).as(notified.body()).isEqualTo(200);
    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(
            store
                .providerLinks()
                .linkedAccount(PlannedTouches.ACCOUNT)
                .orElseThrow()
                .providerAccountId())
        .isEqualTo("acc-2");
  }
}
