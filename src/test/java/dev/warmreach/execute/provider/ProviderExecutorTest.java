package dev.warmreach.execute.provider;

import static dev.warmreach.testing.AProspect.aProspect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Message;
import dev.warmreach.domain.PostLink;
import dev.warmreach.domain.ProspectProfile;
import dev.warmreach.domain.Touch;
import dev.warmreach.execute.Backoff;
import dev.warmreach.store.Delivery;
import dev.warmreach.store.ProviderLinks;
import dev.warmreach.store.Store;
import dev.warmreach.store.StoredEvent;
import dev.warmreach.store.jdbc.JdbcStore;
import dev.warmreach.testing.PlannedTouches;
import dev.warmreach.testing.SettableClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provider executor against the fake Unipile over real HTTP and a real store: each LinkedIn
 * touch, each error of the provider and what the user sees, and nothing sent twice.
 */
@Timeout(60)
class ProviderExecutorTest {

  /** A Monday, 10:00 UTC: inside the sender account's working hours. */
  static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

  static final String NOTE = "Ada, your post on analytical engines made me think. Connect?";

  @TempDir Path home;
  private final SettableClock clock = new SettableClock(T0);
  private Store store;
  private FakeUnipile fake;
  private ProviderPacing pacing =
      new ProviderPacing(
          Map.of(Channel.ENGAGE, 40, Channel.CONNECT, 80, Channel.DM, 50, Channel.INMAIL, 25),
          Duration.ZERO,
          Duration.ZERO);

  @BeforeEach
  void open() throws Exception {
    store = JdbcStore.openEmbedded(home, clock);
    fake = new FakeUnipile();
    fake.person("ada-lovelace", "ACoAda", "SECOND_DEGREE");
    fake.person("grace-hopper", "ACoGrace", "FIRST_DEGREE");
  }

  @AfterEach
  void close() {
    fake.close();
    store.close();
  }

  private ProviderExecutor executor() {
    return executor(clock);
  }

  private ProviderExecutor executor(Clock clock) {
    return new ProviderExecutor(
        new UnipileProvider(fake.base(), FakeUnipile.API_KEY, Duration.ofSeconds(5)),
        store.deliveries(),
        store.doNotContact(),
        store.providerLinks(),
        store.engineSteps(),
        store.accounts(),
        pacing,
        new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(10), 3),
        Duration.ofSeconds(5),
        clock,
        new Random(7));
  }

  private static ProspectProfile ada() {
    return aProspect()
        .named("Ada", "Lovelace")
        .at("https://www.linkedin.com/in/ada-lovelace")
        .build();
  }

  private static ProspectProfile grace() {
    return aProspect()
        .named("Grace", "Hopper")
        .at("https://www.linkedin.com/in/grace-hopper")
        .build();
  }

  private Touch aRequestTo(ProspectProfile profile) {
    Touch touch = PlannedTouches.request(store, profile, NOTE, clock.instant());
    link();
    return touch;
  }

  private Touch a(Channel channel, ProspectProfile profile, Message message) {
    Touch touch = PlannedTouches.plant(store, profile, channel, message, clock.instant());
    link();
    return touch;
  }

  private void link() {
    if (store.providerLinks().linkedAccount(PlannedTouches.ACCOUNT).isEmpty()) {
      store
          .providerLinks()
          .linkAccount(PlannedTouches.ACCOUNT, FakeUnipile.ACCOUNT, "OK", clock.instant());
    }
  }

  private Touch stored(Touch touch) {
    return store.touches().touches(touch.prospectId()).stream()
        .filter(t -> t.idempotencyKey().equals(touch.idempotencyKey()))
        .findFirst()
        .orElseThrow();
  }

  private Delivery delivery(Touch touch) {
    return store
        .deliveries()
        .openDelivery(
            touch.idempotencyKey(), Delivery.Kind.PROVIDER, FakeUnipile.ACCOUNT, clock.instant());
  }

  @Test
  void findsALeadKnownOnlyByItsSalesNavigatorIdThroughSalesNavigatorAndInvitesTheirClassicId() {
    fake.salesNavigatorLead(fake.bySlug.get("ada-lovelace"), "ACwAAAda1x");
    ProspectProfile lead =
        aProspect().named("Ada", "Lovelace").withoutProfile().lead("ACwAAAda1x").build();
    Touch touch = aRequestTo(lead);

    executor().execute(touch);

    assertThat(fake.requests("GET /users/{id}").get(0).query())
        .containsEntry("linkedin_api", "sales_navigator");
    assertThat(fake.requests("POST /users/invite").get(0).fields())
        .containsEntry("provider_id", "ACoAda");
    assertThat(stored(touch).status()).isEqualTo(Touch.Status.DONE);
    assertThat(store.providerLinks().person(touch.prospectId()).orElseThrow().providerId())
        .isEqualTo("ACoAda");
  }

  @Test
  void sendsTheRequestWithItsRenderedNoteOnceAndKeepsTheProvidersIdForThePerson() {
    Touch touch = aRequestTo(ada());

    executor().execute(touch);
    executor().execute(touch);

    assertThat(fake.count("POST /users/invite")).isEqualTo(1);
    assertThat(fake.requests("POST /users/invite").get(0).fields())
        .containsEntry("provider_id", "ACoAda")
        .containsEntry("account_id", FakeUnipile.ACCOUNT)
        .containsEntry("message", NOTE);
    assertThat(stored(touch).status()).isEqualTo(Touch.Status.DONE);
    assertThat(delivery(touch).status()).isEqualTo(Delivery.Status.SENT);
    assertThat(store.providerLinks().person(touch.prospectId()))
        .hasValueSatisfying(p -> assertThat(p.providerId()).isEqualTo("ACoAda"));
    assertThat(fake.count("GET /users/{id}")).isEqualTo(1);
  }

  @Test
  void startsAChatForTheFirstDmAndWritesInItAfterwards() {
    Touch first =
        a(Channel.DM, grace(), new Message("A", "", "Thanks for connecting, Grace.", true));
    executor().execute(first);
    store.providerLinks().person(first.prospectId()).orElseThrow();

    assertThat(fake.requests("POST /chats").get(0).fields())
        .containsEntry("attendees_ids", "ACoGrace")
        .containsEntry("text", "Thanks for connecting, Grace.")
        .doesNotContainKey("linkedin[inmail]");
    assertThat(store.providerLinks().chat(PlannedTouches.ACCOUNT, "ACoGrace"))
        .hasValueSatisfying(c -> assertThat(c.channel()).isEqualTo(Channel.DM));
    assertThat(stored(first).status()).isEqualTo(Touch.Status.DONE);
  }

  @Test
  void aDmGoesIntoTheChatTheAccountAlreadyHasWithThem() {
    Touch touch = a(Channel.DM, grace(), new Message("A", "", "A follow-up.", true));
    store
        .providerLinks()
        .savePerson(
            new ProviderLinks.ProviderPerson(
                touch.prospectId(), "ACoGrace", "FIRST_DEGREE", false, T0));
    fake.chatWith.put("ACoGrace", "chat-9");
    store
        .providerLinks()
        .saveChat(
            new ProviderLinks.ProviderChat(
                PlannedTouches.ACCOUNT, "ACoGrace", "chat-9", Channel.DM, T0));

    executor().execute(touch);

    assertThat(fake.count("POST /chats")).isZero();
    assertThat(fake.requests("POST /chats/{id}/messages").get(0).fields())
        .containsEntry("text", "A follow-up.");
    assertThat(stored(touch).status()).isEqualTo(Touch.Status.DONE);
  }

  @Test
  void sendsAnInmailWithItsSubjectThroughTheApiOfTheAccountsPlan() {
    Touch touch =
        a(Channel.INMAIL, ada(), new Message("A", "Your engines talk", "Ada, a short note.", true));

    executor().execute(touch);

    assertThat(fake.requests("POST /chats").get(0).fields())
        .containsEntry("subject", "Your engines talk")
        .containsEntry("text", "Ada, a short note.")
        .containsEntry("linkedin[api]", "sales_navigator")
        .containsEntry("linkedin[inmail]", "true");
    assertThat(store.providerLinks().chat(PlannedTouches.ACCOUNT, "ACoAda"))
        .hasValueSatisfying(c -> assertThat(c.channel()).isEqualTo(Channel.INMAIL));
  }

  @Test
  void warmsUpWithALikeOnTheirLatestPostAndTheDraftedComment() {
    FakeUnipile.Person person = fake.bySlug.get("ada-lovelace");
    fake.post(person, "urn:li:activity:1", "older");
    fake.post(person, "urn:li:activity:2", "newest");
    Touch touch =
        a(Channel.ENGAGE, ada(), new Message("A", "", "The point on loops is spot on.", true));

    executor().execute(touch);

    assertThat(fake.reactions)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.path("post_id").asText()).isEqualTo("urn:li:activity:2");
              assertThat(r.path("reaction_type").asText()).isEqualTo("like");
            });
    assertThat(fake.comments)
        .singleElement()
        .satisfies(
            c -> assertThat(c.path("text").asText()).isEqualTo("The point on loops is spot on."));
    assertThat(stored(touch).status()).isEqualTo(Touch.Status.DONE);
  }

  @Test
  void aWarmUpOnAPostTheEventNamedLikesThatPostNotTheirLatest() {
    FakeUnipile.Person person = fake.bySlug.get("ada-lovelace");
    fake.post(person, "urn:li:activity:1", "the one the event named");
    fake.post(person, "urn:li:activity:2", "newest");
    PostLink named =
        new PostLink(
            "urn:li:activity:1", "https://www.linkedin.com/feed/update/urn:li:activity:1/");
    Touch touch =
        a(
            Channel.ENGAGE,
            ada(),
            new Message("", "loops", "The point on loops is spot on.", true, named));

    executor().execute(touch);

    assertThat(fake.reactions)
        .singleElement()
        .satisfies(r -> assertThat(r.path("post_id").asText()).isEqualTo("urn:li:activity:1"));
    assertThat(fake.comments)
        .singleElement()
        .satisfies(c -> assertThat(c.path("post_id").asText()).isEqualTo("urn:li:activity:1"));
    assertThat(fake.count("GET /users/{id}/posts")).as("no need to look their posts up").isZero();
    assertThat(stored(touch).status()).isEqualTo(Touch.Status.DONE);
    assertThat(stored(touch).message().post()).isEqualTo(named);
  }

  @Test
  void aWarmUpWithoutANamedPostKeepsTheIdOfTheLatestPostItLiked() {
    FakeUnipile.Person person = fake.bySlug.get("ada-lovelace");
    fake.post(person, "urn:li:activity:7290000000000000002", "newest");
    Touch touch = a(Channel.ENGAGE, ada(), new Message("", "", "", false));

    executor().execute(touch);

    assertThat(fake.reactions)
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.path("post_id").asText())
                    .isEqualTo("urn:li:activity:7290000000000000002"));
    PostLink kept = stored(touch).message().post();
    assertThat(kept.socialId()).isEqualTo("urn:li:activity:7290000000000000002");
    assertThat(kept.href())
        .isEqualTo("https://www.linkedin.com/feed/update/urn:li:activity:7290000000000000002/");
  }

  @Test
  void aWarmUpOnSomeoneWithoutPostsIsSkippedWithTheReason() {
    Touch touch = a(Channel.ENGAGE, ada(), null);

    executor().execute(touch);

    assertThat(stored(touch).status()).isEqualTo(Touch.Status.SKIPPED);
    assertThat(delivery(touch).lastError()).isEqualTo("they have no recent post to react to");
    assertThat(fake.reactions).isEmpty();
  }

  @Test
  void alreadyConnectedMarksThemAcceptedSoTheSequenceGoesOnToTheDm() {
    Touch touch = aRequestTo(ada());
    fake.failNext(
        "POST /users/invite", 422, "errors/already_connected", "You are already connected.");

    executor().execute(touch);

    assertThat(stored(touch).status()).isEqualTo(Touch.Status.SKIPPED);
    assertThat(delivery(touch).lastError())
        .contains("already connected")
        .contains("goes on to the DM");
    assertThat(store.prospects().events(touch.prospectId()))
        .extracting(StoredEvent::kind)
        .contains("ACCEPTED");
  }

  @Test
  void aConnectionTheProfileShowsIsNotInvitedAtAll() {
    Touch touch = aRequestTo(grace());

    executor().execute(touch);

    assertThat(fake.count("POST /users/invite")).isZero();
    assertThat(store.prospects().events(touch.prospectId()))
        .extracting(StoredEvent::kind)
        .contains("ACCEPTED");
  }

  @Test
  void alreadyInvitedRecentlyOrCannotResendYetCountsAsPending() {
    Touch touch = aRequestTo(ada());
    fake.failNext(
        "POST /users/invite", 422, "errors/cannot_resend_yet", "Withdrawn less than 3 weeks ago.");

    executor().execute(touch);

    assertThat(stored(touch).status()).isEqualTo(Touch.Status.DONE);
    assertThat(delivery(touch).lastError())
        .contains("treated as pending")
        .contains("Withdrawn less than 3 weeks ago.");
  }

  @Test
  void aLimitPausesRequestsFromTheAccountUntilTheNextDayAndHalvesTheCapForTheWeek() {
    Touch touch = aRequestTo(ada());
    fake.failNext(
        "POST /users/invite", 422, "errors/limit_exceeded", "Weekly invitation limit reached.");

    executor().execute(touch);

    assertThat(stored(touch).status()).isEqualTo(Touch.Status.PLANNED);
    Delivery waiting = delivery(touch);
    assertThat(waiting.status()).isEqualTo(Delivery.Status.PENDING);
    assertThat(waiting.nextAttemptAt()).isEqualTo(Instant.parse("2026-03-03T09:00:00Z"));
    assertThat(waiting.lastError())
        .contains("paused until the next day")
        .contains("Weekly invitation limit reached.");
    assertThat(store.providerLinks().pauses(PlannedTouches.ACCOUNT, clock.instant()))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.channel()).isEqualTo(Channel.CONNECT);
              assertThat(p.loweredUntil()).isEqualTo(Instant.parse("2026-03-09T00:00:00Z"));
            });

    executor().execute(touch); // still the same day: nothing is tried
    assertThat(fake.count("POST /users/invite")).isEqualTo(1);

    clock.set(Instant.parse("2026-03-03T09:00:00Z"));
    executor().execute(touch);
    assertThat(fake.count("POST /users/invite")).isEqualTo(2);
    assertThat(stored(touch).status()).isEqualTo(Touch.Status.DONE);
  }

  @Test
  void aTooManyRequestsAnswerPausesLikeALimit() {
    Touch touch = aRequestTo(ada());
    fake.failNext("POST /users/invite", 429, "errors/too_many_requests", "Too many requests.");

    executor().execute(touch);

    assertThat(stored(touch).status()).isEqualTo(Touch.Status.PLANNED);
    assertThat(delivery(touch).nextAttemptAt()).isEqualTo(Instant.parse("2026-03-03T09:00:00Z"));
  }

  @Test
  void aLoweredCapHoldsTheRestOfTheDaysRequests() {
    pacing = new ProviderPacing(Map.of(Channel.CONNECT, 2), Duration.ZERO, Duration.ZERO);
    store
        .providerLinks()
        .pause(
            PlannedTouches.ACCOUNT,
            Channel.CONNECT,
            T0,
            Instant.parse("2026-03-09T00:00:00Z"),
            "pushed back",
            T0);
    fake.person("b", "ACoB", "SECOND_DEGREE");
    Touch first = aRequestTo(ada());
    Touch second =
        aRequestTo(aProspect().named("Bo", "B").at("https://www.linkedin.com/in/b").build());

    executor().execute(first);
    executor().execute(second);

    assertThat(fake.count("POST /users/invite")).isEqualTo(1);
    assertThat(delivery(second).lastError())
        .isEqualTo(
            "sdr-1 reached its daily cap of 1 connection requests (lowered after LinkedIn pushed back)");
    assertThat(delivery(second).nextAttemptAt()).isEqualTo(Instant.parse("2026-03-03T09:00:00Z"));
  }

  @Test
  void lostCredentialsHoldTheAccountsTouchesUntilItIsLinkedAgain() {
    Touch touch = aRequestTo(ada());
    fake.failNext(
        "POST /users/invite",
        401,
        "errors/disconnected_account",
        "The account must be reconnected.");

    executor().execute(touch);

    assertThat(stored(touch).status()).isEqualTo(Touch.Status.PLANNED);
    assertThat(store.providerLinks().linkedAccount(PlannedTouches.ACCOUNT).orElseThrow().status())
        .isEqualTo("CREDENTIALS");
    assertThat(delivery(touch).lastError())
        .contains("reports sdr-1 as CREDENTIALS")
        .contains("warmreach accounts link sdr-1")
        .contains("The account must be reconnected.");

    clock.set(T0.plus(ProviderExecutor.RELINK_WAIT));
    executor().execute(touch);
    assertThat(fake.count("POST /users/invite")).isEqualTo(1); // still not linked again

    store
        .providerLinks()
        .linkAccount(PlannedTouches.ACCOUNT, FakeUnipile.ACCOUNT, "OK", clock.instant());
    clock.set(T0.plus(ProviderExecutor.RELINK_WAIT.multipliedBy(2)));
    executor().execute(touch);
    assertThat(fake.count("POST /users/invite")).isEqualTo(2);
    assertThat(stored(touch).status()).isEqualTo(Touch.Status.DONE);
  }

  @Test
  void anAccountNotLinkedSendsNothingAndSaysHowToLinkIt() {
    Touch touch = PlannedTouches.request(store, ada(), NOTE, T0);

    executor().execute(touch);

    assertThat(fake.requests).isEmpty();
    assertThat(stored(touch).status()).isEqualTo(Touch.Status.PLANNED);
    assertThat(delivery(touch).lastError())
        .contains("not linked")
        .contains("warmreach accounts link sdr-1");
  }

  @Test
  void aFailingProviderIsTriedAgainWithBackoffThenFailedWithItsWords() {
    Touch touch = aRequestTo(ada());
    for (int i = 0; i < 3; i++) {
      fake.failNext("POST /users/invite", 503, "errors/provider_error", "LinkedIn did not answer.");
    }

    executor().execute(touch);
    assertThat(delivery(touch).nextAttemptAt()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
    clock.set(T0.plus(Duration.ofMinutes(1)));
    executor().execute(touch);
    assertThat(delivery(touch).nextAttemptAt()).isEqualTo(T0.plus(Duration.ofMinutes(3)));
    clock.set(T0.plus(Duration.ofMinutes(3)));
    executor().execute(touch);

    assertThat(fake.count("POST /users/invite")).isEqualTo(3);
    assertThat(stored(touch).status()).isEqualTo(Touch.Status.FAILED);
    assertThat(delivery(touch).status()).isEqualTo(Delivery.Status.DEAD);
    assertThat(delivery(touch).lastError())
        .contains("HTTP 503")
        .contains("LinkedIn did not answer.")
        .contains("gave up after 3 attempts");
  }

  @Test
  void afterACrashBetweenTheCallAndTheRecordTheInvitationIsNotSentAgain() {
    Touch touch = aRequestTo(ada());
    crashDuringTheCall(
        touch,
        () ->
            new UnipileProvider(fake.base(), FakeUnipile.API_KEY, Duration.ofSeconds(5))
                .invite(FakeUnipile.ACCOUNT, "ACoAda", NOTE));

    executor().execute(touch);

    assertThat(fake.count("POST /users/invite")).isZero(); // not since the crash
    assertThat(fake.invitations).hasSize(1);
    assertThat(stored(touch).status()).isEqualTo(Touch.Status.DONE);
    assertThat(delivery(touch).lastError()).contains("the provider shows it went through");
    assertThat(store.providerLinks().invitationId(touch.idempotencyKey()))
        .as("the id the sent list shows, kept to withdraw it by")
        .isEqualTo(fake.invitations.keySet().stream().findFirst());
  }

  @Test
  void theInvitationIdTheProviderAnsweredIsKeptOnTheTouch() {
    Touch touch = aRequestTo(ada());

    executor().execute(touch);

    String answered =
        fake.invitations.values().iterator().next().path("id").asText(); // the fake's own id
    assertThat(answered).isNotBlank();
    assertThat(store.providerLinks().invitationId(touch.idempotencyKey())).hasValue(answered);
  }

  @Test
  void afterACrashBetweenTheKeptIdAndTheRecordTheProviderIsNotAskedAgain() {
    Touch touch = aRequestTo(ada());
    crashDuringTheCall(
        touch,
        () -> {
          String id =
              new UnipileProvider(fake.base(), FakeUnipile.API_KEY, Duration.ofSeconds(5))
                  .invite(FakeUnipile.ACCOUNT, "ACoAda", NOTE);
          store.providerLinks().saveInvitation(touch.idempotencyKey(), id, T0);
        });

    executor().execute(touch);

    assertThat(fake.count("POST /users/invite")).isZero();
    assertThat(fake.count("GET /users/invite/sent")).as("the kept id tells").isZero();
    assertThat(stored(touch).status()).isEqualTo(Touch.Status.DONE);
    assertThat(delivery(touch).lastError()).contains("the provider shows it went through");
  }

  @Test
  void afterACrashBeforeTheCallTheInvitationIsSentOnce() {
    Touch touch = aRequestTo(ada());
    crashDuringTheCall(touch, () -> {});

    executor().execute(touch);
    executor().execute(touch);

    assertThat(fake.count("POST /users/invite")).isEqualTo(1);
    assertThat(stored(touch).status()).isEqualTo(Touch.Status.DONE);
  }

  @Test
  void afterACrashTheDmThatWentOutIsNotSentAgain() {
    Touch touch =
        a(Channel.DM, grace(), new Message("A", "", "Thanks for connecting, Grace.", true));
    crashDuringTheCall(
        touch,
        () ->
            new UnipileProvider(fake.base(), FakeUnipile.API_KEY, Duration.ofSeconds(5))
                .startChat(
                    FakeUnipile.ACCOUNT, "ACoGrace", "Thanks for connecting, Grace.", null, null));

    executor().execute(touch);

    assertThat(fake.count("POST /chats")).isZero(); // not since the crash
    assertThat(fake.messages).hasSize(1);
    assertThat(stored(touch).status()).isEqualTo(Touch.Status.DONE);
  }

  @Test
  void afterACrashBetweenTheProvidersAnswerAndTheRecordTheLikeIsNotSentAgain() {
    FakeUnipile.Person person = fake.bySlug.get("ada-lovelace");
    fake.post(person, "urn:li:activity:2", "newest");
    fake.othersEngageWith("urn:li:activity:2", 5); // the account's like is on the third page
    Touch touch = a(Channel.ENGAGE, ada(), null);
    crashAfterTheMarker(
        touch, () -> provider().react(FakeUnipile.ACCOUNT, "urn:li:activity:2", "like"));

    executor().execute(touch);
    executor().execute(touch);

    assertThat(fake.reactions).hasSize(1);
    assertThat(fake.count("POST /posts/reaction")).isZero(); // not since the crash
    assertThat(fake.count("GET /posts/{id}/reactions")).as("paged with the cursor").isEqualTo(3);
    assertThat(stored(touch).status()).isEqualTo(Touch.Status.DONE);
    assertThat(delivery(touch).status()).isEqualTo(Delivery.Status.SENT);
    assertThat(delivery(touch).lastError()).contains("the provider shows it went through");
  }

  @Test
  void afterACrashBetweenTheProvidersAnswerAndTheRecordTheCommentIsNotSentAgain() {
    FakeUnipile.Person person = fake.bySlug.get("ada-lovelace");
    fake.post(person, "urn:li:activity:2", "newest");
    fake.othersEngageWith("urn:li:activity:2", 3);
    Touch touch = a(Channel.ENGAGE, ada(), new Message("A", "", "Loops, spot on.", true));
    crashAfterTheMarker(
        touch,
        () -> {
          provider().react(FakeUnipile.ACCOUNT, "urn:li:activity:2", "like");
          provider().comment(FakeUnipile.ACCOUNT, "urn:li:activity:2", "Loops, spot on.");
        });

    executor().execute(touch);
    executor().execute(touch);

    assertThat(fake.reactions).hasSize(1);
    assertThat(fake.comments).hasSize(1);
    assertThat(fake.count("POST /posts/reaction")).isZero();
    assertThat(fake.count("POST /posts/{id}/comments")).isZero();
    assertThat(stored(touch).status()).isEqualTo(Touch.Status.DONE);
    assertThat(delivery(touch).lastError()).contains("the provider shows it went through");
  }

  @Test
  void afterACrashBetweenTheLikeAndTheCommentOnlyTheCommentIsSent() {
    FakeUnipile.Person person = fake.bySlug.get("ada-lovelace");
    fake.post(person, "urn:li:activity:2", "newest");
    Touch touch = a(Channel.ENGAGE, ada(), new Message("A", "", "Loops, spot on.", true));
    crashAfterTheMarker(
        touch, () -> provider().react(FakeUnipile.ACCOUNT, "urn:li:activity:2", "like"));

    executor().execute(touch);
    executor().execute(touch);

    assertThat(fake.reactions).hasSize(1);
    assertThat(fake.comments)
        .singleElement()
        .satisfies(c -> assertThat(c.path("text").asText()).isEqualTo("Loops, spot on."));
    assertThat(stored(touch).status()).isEqualTo(Touch.Status.DONE);
  }

  @Test
  void afterACrashBeforeTheLikeWasAskedForItIsSentOnce() {
    FakeUnipile.Person person = fake.bySlug.get("ada-lovelace");
    fake.post(person, "urn:li:activity:2", "newest");
    Touch touch = a(Channel.ENGAGE, ada(), null);
    crashDuringTheCall(touch, () -> {}); // claimed, no sent-marker: the like was never asked for

    executor().execute(touch);
    executor().execute(touch);

    assertThat(fake.reactions).hasSize(1);
    assertThat(stored(touch).status()).isEqualTo(Touch.Status.DONE);
  }

  @Test
  void afterACrashDuringTheLikeThatDidNotArriveItIsSentOnce() {
    FakeUnipile.Person person = fake.bySlug.get("ada-lovelace");
    fake.post(person, "urn:li:activity:2", "newest");
    Touch touch = a(Channel.ENGAGE, ada(), null);
    crashAfterTheMarker(touch, () -> {});

    executor().execute(touch);
    executor().execute(touch);

    assertThat(fake.reactions).hasSize(1);
    assertThat(stored(touch).status()).isEqualTo(Touch.Status.DONE);
    assertThat(delivery(touch).lastError()).isEmpty();
  }

  @Test
  void aSecondWarmUpRoundOnThePostTheFirstLikedIsSkippedWithoutASecondLike() {
    List<Touch> rounds = twoWarmUpRoundsWithOnePost();
    Touch first = rounds.get(0);
    Touch second = rounds.get(1);
    executor().execute(first);
    fake.requests.clear();

    executor().execute(second);

    assertThat(fake.count("POST /posts/reaction")).isZero();
    assertThat(fake.reactions).hasSize(1);
    assertThat(stored(first).status()).isEqualTo(Touch.Status.DONE);
    assertThat(stored(second).status()).isEqualTo(Touch.Status.SKIPPED);
    assertThat(delivery(second).lastError())
        .contains("already has the like of an earlier warm-up round");
  }

  @Test
  void aSecondWarmUpRoundKilledAfterItsSentMarkerIsNotDoneOnTheFirstRoundsLike() {
    List<Touch> rounds = twoWarmUpRoundsWithOnePost();
    Touch first = rounds.get(0);
    Touch second = rounds.get(1);
    executor().execute(first);
    crashAfterTheMarker(second, () -> {}); // killed before its like was asked for

    executor().execute(second);
    executor().execute(second);

    assertThat(fake.count("POST /posts/reaction")).isZero();
    assertThat(fake.reactions).hasSize(1);
    assertThat(stored(second).status())
        .as("the post's like is the first round's: nothing the second round did")
        .isEqualTo(Touch.Status.SKIPPED);
    assertThat(delivery(second).lastError())
        .contains("already has the like of an earlier warm-up round");
  }

  @Test
  void aFirstRoundKilledAfterItsLikeIsSettledBeforeTheSecondRoundActs() {
    List<Touch> rounds = twoWarmUpRoundsWithOnePost();
    Touch first = rounds.get(0);
    Touch second = rounds.get(1);
    crashAfterTheMarker(
        first,
        () -> provider().react(FakeUnipile.ACCOUNT, "urn:li:activity:7290000000000000002", "like"));

    executor().execute(second);
    assertThat(stored(second).status())
        .as("the first round's outcome is unknown: the second waits for it")
        .isEqualTo(Touch.Status.PLANNED);
    assertThat(delivery(second).lastError()).contains("waits for an earlier warm-up round");
    executor().execute(first);
    clock.tick(Duration.ofMinutes(5));
    executor().execute(second);

    assertThat(fake.reactions).as("one like, the first round's").hasSize(1);
    assertThat(stored(first).status()).isEqualTo(Touch.Status.DONE);
    assertThat(stored(second).status()).isEqualTo(Touch.Status.SKIPPED);
  }

  @Test
  void aFirstRoundKilledBeforeItsLikeIsSentBeforeTheSecondRoundActs() {
    List<Touch> rounds = twoWarmUpRoundsWithOnePost();
    Touch first = rounds.get(0);
    Touch second = rounds.get(1);
    crashAfterTheMarker(first, () -> {}); // killed after its sent-marker, before its call

    executor().execute(second);
    assertThat(fake.reactions).as("the second round waits for the first").isEmpty();
    executor().execute(first);
    executor().execute(first);
    clock.tick(Duration.ofMinutes(5));
    executor().execute(second);

    assertThat(fake.reactions).hasSize(1);
    assertThat(stored(first).status())
        .as("the like on the post is the first round's own, sent again after the crash")
        .isEqualTo(Touch.Status.DONE);
    assertThat(stored(second).status())
        .as("not done on a like it did not make: each done warm-up is a like LinkedIn shows")
        .isEqualTo(Touch.Status.SKIPPED);
  }

  @Test
  void aSecondWarmUpRoundLikesThePostTheyPublishedSinceTheFirst() {
    FakeUnipile.Person person = fake.bySlug.get("ada-lovelace");
    fake.post(person, "urn:li:activity:7290000000000000002", "older");
    List<Touch> rounds = twoWarmUpRounds(ada());
    Touch first = rounds.get(0);
    Touch second = rounds.get(1);
    executor().execute(first);
    fake.post(person, "urn:li:activity:7290000000000000003", "published since");

    executor().execute(second);

    assertThat(fake.reactions)
        .extracting(r -> r.path("post_id").asText())
        .containsExactly(
            "urn:li:activity:7290000000000000002", "urn:li:activity:7290000000000000003");
    assertThat(stored(second).status()).isEqualTo(Touch.Status.DONE);
  }

  /** Two warm-up rounds to Ada, who has one post and publishes none in between. */
  private List<Touch> twoWarmUpRoundsWithOnePost() {
    fake.post(fake.bySlug.get("ada-lovelace"), "urn:li:activity:7290000000000000002", "newest");
    return twoWarmUpRounds(ada());
  }

  /** Two warm-up rounds to the prospect, both planned; each is carried out when executed. */
  private List<Touch> twoWarmUpRounds(ProspectProfile profile) {
    List<Touch> rounds =
        PlannedTouches.plantRounds(store, profile, Channel.ENGAGE, null, clock.instant(), 2);
    link();
    return rounds;
  }

  @Test
  void aTouchIsDoneAsOfItsAttemptWhenTheCallsTakeMinutesOnASpedUpClock() {
    FakeUnipile.Person person = fake.bySlug.get("ada-lovelace");
    fake.post(person, "urn:li:activity:2", "newest");
    Touch touch = a(Channel.ENGAGE, ada(), null);
    Clock sped = new Clock() { // every reading a minute later, as a call at 20,000x would take
          @Override
          public Instant instant() {
            Instant now = clock.instant();
            clock.tick(Duration.ofMinutes(1));
            return now;
          }

          @Override
          public ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(ZoneId zone) {
            return this;
          }
        };

    executor(sped).execute(touch);

    assertThat(fake.reactions).hasSize(1);
    assertThat(stored(touch).doneAt()).as("when its limits were checked").isEqualTo(T0);
  }

  @Test
  void aWarmUpRecoveredAfterACrashIsDoneAsOfTheCallNotOfTheRecovery() {
    FakeUnipile.Person person = fake.bySlug.get("ada-lovelace");
    fake.post(person, "urn:li:activity:2", "newest");
    Touch touch = a(Channel.ENGAGE, ada(), null);
    crashAfterTheMarker(
        touch, () -> provider().react(FakeUnipile.ACCOUNT, "urn:li:activity:2", "like"));
    clock.set(T0.plus(Duration.ofHours(40))); // the node came back on a day off

    executor().execute(touch);

    assertThat(stored(touch).status()).isEqualTo(Touch.Status.DONE);
    assertThat(stored(touch).doneAt()).as("the sent-marker's time").isEqualTo(T0);
  }

  @Test
  void whenTheProviderCannotListTheReactionsTheWarmUpIsUncertainForTheUserToConfirm() {
    FakeUnipile.Person person = fake.bySlug.get("ada-lovelace");
    fake.post(person, "urn:li:activity:2", "newest");
    Touch touch = a(Channel.ENGAGE, ada(), null);
    crashAfterTheMarker(
        touch, () -> provider().react(FakeUnipile.ACCOUNT, "urn:li:activity:2", "like"));
    fake.failNext("GET /posts/{id}/reactions", 503, "errors/provider_error", "Down.");

    executor().execute(touch);
    executor().execute(touch);

    assertThat(fake.count("POST /posts/reaction")).isZero();
    assertThat(stored(touch).status()).isEqualTo(Touch.Status.UNCERTAIN);
    assertThat(delivery(touch).lastError())
        .contains("could not tell whether the reactions went through")
        .contains("confirm sent or not sent");
  }

  @Test
  void whenTheProviderCannotTellTheTouchIsUncertainForTheUserToConfirm() {
    Touch touch = aRequestTo(ada());
    crashDuringTheCall(touch, () -> {});
    fake.failNext("GET /users/invite/sent", 503, "errors/provider_error", "Down.");

    executor().execute(touch);
    executor().execute(touch);

    assertThat(fake.count("POST /users/invite")).isZero();
    assertThat(stored(touch).status()).isEqualTo(Touch.Status.UNCERTAIN);
    assertThat(delivery(touch).status()).isEqualTo(Delivery.Status.UNCERTAIN);
    assertThat(delivery(touch).lastError())
        .contains("could not tell whether the connection requests went through")
        .contains("check LinkedIn");
  }

  private UnipileProvider provider() {
    return new UnipileProvider(fake.base(), FakeUnipile.API_KEY, Duration.ofSeconds(5));
  }

  /**
   * Leaves the touch as a crash during the call that acts would: claimed, the sent-marker recorded,
   * {@code call} made (or not), the record never written; then the claim lapses.
   */
  private void crashAfterTheMarker(Touch touch, Runnable call) {
    crashDuringTheCall(
        touch,
        () -> {
          assertThat(store.deliveries().markHandingOver(delivery(touch).id(), 1, T0)).isTrue();
          call.run();
        });
  }

  /**
   * Leaves the touch as a crash would: the person looked up, the delivery claimed as SENDING,
   * {@code call} made (or not), and the record never written; then the claim lapses.
   */
  private void crashDuringTheCall(Touch touch, Runnable call) {
    var profile =
        new UnipileProvider(fake.base(), FakeUnipile.API_KEY, Duration.ofSeconds(5))
            .profile(
                FakeUnipile.ACCOUNT,
                ProviderExecutor.publicIdentifier(
                    store.prospects().prospect(touch.prospectId()).orElseThrow()));
    store
        .providerLinks()
        .savePerson(
            new ProviderLinks.ProviderPerson(
                touch.prospectId(), profile.providerId(), profile.networkDistance(), false, T0));
    Delivery delivery = delivery(touch);
    assertThat(
            store
                .deliveries()
                .claimDelivery(delivery.id(), 0, Delivery.Status.SENDING, T0, T0.plusSeconds(30)))
        .isTrue();
    call.run();
    fake.requests.clear();
    int invites = fake.invitations.size();
    clock.set(T0.plusSeconds(31));
    assertThat(fake.invitations).hasSize(invites);
  }
}
