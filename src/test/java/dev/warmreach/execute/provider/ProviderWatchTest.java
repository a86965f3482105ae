package dev.warmreach.execute.provider;

import static dev.warmreach.testing.AProspect.aProspect;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Event;
import dev.warmreach.domain.ProspectProfile;
import dev.warmreach.domain.Touch;
import dev.warmreach.execute.Backoff;
import dev.warmreach.store.Delivery;
import dev.warmreach.store.ProviderLinks.InmailCheck;
import dev.warmreach.store.Store;
import dev.warmreach.store.StoredEvent;
import dev.warmreach.store.jdbc.JdbcStore;
import dev.warmreach.testing.PlannedTouches;
import dev.warmreach.testing.SettableClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provider's polls against the fake Unipile over real HTTP and a real store: statuses, the
 * invitations answered before the late webhook, and the InMail credits beside the ledger.
 */
@Timeout(60)
class ProviderWatchTest {

  static final Instant T0 = ProviderExecutorTest.T0;

  @TempDir Path home;
  private final SettableClock clock = new SettableClock(T0);
  private final StringWriter log = new StringWriter();
  private Store store;
  private FakeUnipile fake;
  private FakeUnipile.Person ada;
  private FakeUnipile.Person alan;

  @BeforeEach
  void open() throws Exception {
    store = JdbcStore.openEmbedded(home, clock);
    fake = new FakeUnipile();
    ada = fake.person("ada-lovelace", "ACoAda", "SECOND_DEGREE");
    alan = fake.person("alan-turing", "ACoAlan", "SECOND_DEGREE");
  }

  @AfterEach
  void close() {
    fake.close();
    store.close();
  }

  private UnipileProvider provider() {
    return new UnipileProvider(fake.base(), FakeUnipile.API_KEY, Duration.ofSeconds(5));
  }

  private ProviderWatch watch() {
    return new ProviderWatch(
        provider(),
        store.providerLinks(),
        store.prospects(),
        store.engineSteps(),
        store.accounts(),
        clock,
        Duration.ofMinutes(30),
        new PrintWriter(log, true));
  }

  private ProviderExecutor executor() {
    return new ProviderExecutor(
        provider(),
        store.deliveries(),
        store.doNotContact(),
        store.providerLinks(),
        store.engineSteps(),
        store.accounts(),
        new ProviderPacing(
            Map.of(Channel.ENGAGE, 40, Channel.CONNECT, 80, Channel.DM, 50, Channel.INMAIL, 25),
            Duration.ZERO,
            Duration.ZERO),
        new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(10), 3),
        Duration.ofSeconds(5),
        clock,
        new Random(7));
  }

  private static ProspectProfile profile(String first, String last, String slug) {
    return aProspect().named(first, last).at("https://www.linkedin.com/in/" + slug).build();
  }

  /** A request sent through the provider, as the executor sends it. */
  private Touch sentRequest(ProspectProfile profile) {
    Touch touch = PlannedTouches.request(store, profile, "Hello", clock.instant());
    if (store.providerLinks().linkedAccount(PlannedTouches.ACCOUNT).isEmpty()) {
      store
          .providerLinks()
          .linkAccount(PlannedTouches.ACCOUNT, FakeUnipile.ACCOUNT, "OK", clock.instant());
    }
    executor().execute(touch);
    assertThat(
            store
                .deliveries()
                .openDelivery(
                    touch.idempotencyKey(),
                    Delivery.Kind.PROVIDER,
                    FakeUnipile.ACCOUNT,
                    clock.instant())
                .status())
        .isEqualTo(Delivery.Status.SENT);
    return touch;
  }

  private List<String> events(Touch touch) {
    return store.prospects().events(touch.prospectId()).stream().map(StoredEvent::kind).toList();
  }

  @Test
  void anAcceptanceSeenAmongTheRelationsIsRecordedBeforeTheWebhookWhichIsThenADuplicate()
      throws Exception {
    Touch toAda = sentRequest(profile("Ada", "Lovelace", "ada-lovelace"));
    Touch toAlan = sentRequest(profile("Alan", "Turing", "alan-turing"));
    clock.tick(Duration.ofHours(2));
    fake.accept(ada, clock.millis());
    fake.otherRelation("ACoSomeoneElse", clock.millis() + 1000);
    fake.otherRelation("ACoAnother", clock.millis() + 2000);

    ProviderWatch.Answers answers = watch().pollInvitations(clock.instant());

    assertThat(answers.accepted()).isEqualTo(1);
    assertThat(answers.pending()).isEqualTo(1);
    assertThat(events(toAda)).containsExactly("ACCEPTED");
    assertThat(events(toAlan)).isEmpty();
    assertThat(fake.count("GET /users/relations")).as("paged through").isGreaterThan(1);

    ProviderEvents webhooks =
        new ProviderEvents(store.providerLinks(), store.prospects(), store.engineSteps());
    ProviderEvents.Outcome late =
        webhooks.receive(
            new ObjectMapper()
                .readTree(
                    "{\"event\":\"new_relation\",\"account_id\":\"acc-1\","
                        + "\"user_provider_id\":\"ACoAda\","
                        + "\"user_public_identifier\":\"ada-lovelace\"}"),
            clock.instant().plus(Duration.ofHours(8)));
    ProviderWatch.Answers again = watch().pollInvitations(clock.instant());

    assertThat(late).isEqualTo(ProviderEvents.Outcome.DUPLICATE);
    assertThat(again.accepted()).as("answered invitations are not looked at again").isZero();
    assertThat(events(toAda)).containsExactly("ACCEPTED");
  }

  @Test
  void anInvitationGoneWithoutARelationIsRecordedDeclinedOnceAfterTheProfileConfirmsIt() {
    Touch toAlan = sentRequest(profile("Alan", "Turing", "alan-turing"));
    fake.ignore(alan);

    ProviderWatch.Answers fresh = watch().pollInvitations(clock.instant().plusSeconds(60));
    clock.tick(Duration.ofHours(2));
    ProviderWatch.Answers later = watch().pollInvitations(clock.instant());
    ProviderWatch.Answers again = watch().pollInvitations(clock.instant());

    assertThat(fresh.declined())
        .as("the provider's list may lag just after sending: still pending")
        .isZero();
    assertThat(later.declined()).isEqualTo(1);
    assertThat(again.declined()).isZero();
    assertThat(events(toAlan)).containsExactly("DECLINED");
    assertThat(fake.count("GET /users/{id}"))
        .as("one lookup when sending, one to confirm")
        .isEqualTo(2);
  }

  @Test
  void aRequestStillPendingAtTheProviderIsLeftAlone() {
    Touch toAlan = sentRequest(profile("Alan", "Turing", "alan-turing"));
    clock.tick(Duration.ofDays(3));

    ProviderWatch.Answers answers = watch().pollInvitations(clock.instant());

    assertThat(answers).isEqualTo(new ProviderWatch.Answers(0, 0, 1));
    assertThat(events(toAlan)).isEmpty();
    assertThat(fake.count("GET /users/relations")).as("nothing to look for").isZero();
  }

  /** The engine withdraws the stale request in its records, as the live loop does. */
  private void engineWithdraws(Touch touch) {
    assertThat(
            store
                .engineSteps()
                .recordEvent(
                    new Event.Withdrawn(
                        touch.prospectId(),
                        clock.instant(),
                        "withdraw:" + PlannedTouches.ACCOUNT + ":" + touch.prospectId())))
        .isTrue();
  }

  private List<String> withdrawals() {
    return store.providerLinks().withdrawals(PlannedTouches.ACCOUNT).stream()
        .map(
            w ->
                w.status() + " " + w.prospectId() + (w.detail().isEmpty() ? "" : ": " + w.detail()))
        .toList();
  }

  @Test
  void aStaleInvitationTheEngineWithdrewIsWithdrawnAtLinkedInOnce() {
    Touch toAda = sentRequest(profile("Ada", "Lovelace", "ada-lovelace"));
    sentRequest(profile("Alan", "Turing", "alan-turing"));
    clock.tick(Duration.ofDays(21));
    engineWithdraws(toAda);

    int first = watch().withdrawStale(clock.instant());
    int again = watch().withdrawStale(clock.instant().plusSeconds(60));

    assertThat(first).isEqualTo(1);
    assertThat(again).as("carried out once").isZero();
    assertThat(fake.requests("DELETE /users/invite/sent/{id}"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.query()).containsEntry("account_id", FakeUnipile.ACCOUNT);
            });
    assertThat(fake.invitations.values())
        .extracting(i -> i.path("invited_user_id").asText())
        .as("Ada's invitation, the one deleted")
        .containsExactly("ACoAlan");
    assertThat(withdrawals()).containsExactly("WITHDRAWN " + toAda.prospectId());
    assertThat(fake.count("GET /users/invite/sent"))
        .as("withdrawn by the id kept when it was sent, no search")
        .isZero();
  }

  /** Leaves the withdrawal as a node that died during the DELETE would: claimed, never settled. */
  private void crashWhileWithdrawing(Touch touch, boolean deletedBeforeTheCrash) {
    engineWithdraws(touch);
    Instant claimed = clock.instant();
    var due =
        store
            .providerLinks()
            .withdrawalsDue(PlannedTouches.ACCOUNT, claimed.minus(ProviderWatch.CLAIM_LAPSES))
            .get(0);
    assertThat(
            store
                .providerLinks()
                .claimWithdrawal(due, claimed, claimed.minus(ProviderWatch.CLAIM_LAPSES)))
        .isTrue();
    if (deletedBeforeTheCrash) {
      fake.invitations.values().removeIf(i -> i.path("invited_user_id").asText().equals("ACoAda"));
    }
  }

  @Test
  void aWithdrawalLeftByACrashIsFinishedAfterItsClaimLapsesWhenLinkedInStillListsIt() {
    Touch toAda = sentRequest(profile("Ada", "Lovelace", "ada-lovelace"));
    clock.tick(Duration.ofDays(21));
    crashWhileWithdrawing(toAda, false);

    int whileClaimed = watch().withdrawStale(clock.instant().plus(Duration.ofMinutes(5)));
    int afterTheClaimLapsed = watch().withdrawStale(clock.instant().plus(Duration.ofMinutes(11)));
    int again = watch().withdrawStale(clock.instant().plus(Duration.ofMinutes(40)));

    assertThat(whileClaimed).as("the claim may still be live").isZero();
    assertThat(afterTheClaimLapsed).isEqualTo(1);
    assertThat(again).isZero();
    assertThat(fake.count("GET /users/invite/sent")).as("asked once, first").isEqualTo(1);
    assertThat(fake.count("DELETE /users/invite/sent/{id}")).isEqualTo(1);
    assertThat(fake.invitations).isEmpty();
    assertThat(withdrawals())
        .containsExactly(
            "WITHDRAWN "
                + toAda.prospectId()
                + ": interrupted while withdrawing before; LinkedIn still listed the invitation,"
                + " so it was withdrawn now");
  }

  @Test
  void aWithdrawalLeftByACrashAfterTheDeleteIsKeptAsGoneWithoutDeletingAgain() {
    Touch toAda = sentRequest(profile("Ada", "Lovelace", "ada-lovelace"));
    clock.tick(Duration.ofDays(21));
    crashWhileWithdrawing(toAda, true);

    int withdrawn = watch().withdrawStale(clock.instant().plus(Duration.ofMinutes(11)));

    assertThat(withdrawn).isZero();
    assertThat(fake.count("GET /users/invite/sent")).isEqualTo(1);
    assertThat(fake.count("DELETE /users/invite/sent/{id}")).isZero();
    assertThat(withdrawals())
        .containsExactly(
            "GONE "
                + toAda.prospectId()
                + ": interrupted while withdrawing before; LinkedIn no longer lists the"
                + " invitation as pending");
  }

  @Test
  void outsideWorkingHoursNothingIsWithdrawnUntilTheyOpen() {
    Touch toAda = sentRequest(profile("Ada", "Lovelace", "ada-lovelace"));
    clock.tick(Duration.ofDays(21).plusHours(12)); // Monday 22:00 UTC
    engineWithdraws(toAda);

    int atNight = watch().withdrawStale(clock.instant());
    clock.tick(Duration.ofHours(12)); // Tuesday 10:00 UTC
    int inTheMorning = watch().withdrawStale(clock.instant());

    assertThat(atNight).isZero();
    assertThat(inTheMorning).isEqualTo(1);
    assertThat(fake.count("DELETE /users/invite/sent/{id}")).isEqualTo(1);
  }

  @Test
  void aFailedWithdrawalIsToldAndKeptThenTriedAgainWhenTheProviderWasUnavailable() {
    Touch toAda = sentRequest(profile("Ada", "Lovelace", "ada-lovelace"));
    Touch toAlan = sentRequest(profile("Alan", "Turing", "alan-turing"));
    clock.tick(Duration.ofDays(21));
    engineWithdraws(toAda);
    engineWithdraws(toAlan);
    fake.failNext(
        "DELETE /users/invite/sent/{id}", 503, "errors/service_unavailable", "Try later.");

    int first = watch().withdrawStale(clock.instant());
    List<String> afterFirst = withdrawals();
    int second = watch().withdrawStale(clock.instant().plusSeconds(1800));

    assertThat(first).isZero();
    assertThat(afterFirst).singleElement().asString().startsWith("WAITING ").contains("503");
    assertThat(log.toString())
        .contains("withdrawing the invitation to prospect")
        .contains("trying again in 30 min");
    assertThat(second).isEqualTo(2);
    assertThat(withdrawals()).allMatch(w -> w.startsWith("WITHDRAWN "));
    assertThat(fake.invitations).isEmpty();
  }

  @Test
  void anInvitationLinkedInNoLongerHasIsKeptAsGone() {
    Touch toAlan = sentRequest(profile("Alan", "Turing", "alan-turing"));
    clock.tick(Duration.ofDays(21));
    fake.ignore(alan);
    engineWithdraws(toAlan);

    int withdrawn = watch().withdrawStale(clock.instant());

    assertThat(withdrawn).isZero();
    assertThat(fake.invitations).isEmpty();
    assertThat(withdrawals())
        .containsExactly(
            "GONE "
                + toAlan.prospectId()
                + ": LinkedIn no longer has the invitation (answered or withdrawn there)");
    assertThat(log.toString()).as("nothing for the user to do").isEmpty();
  }

  @Test
  void anAccountStatusOtherThanOkIsKeptAndItsTouchesWaitSayingWhy() {
    sentRequest(profile("Ada", "Lovelace", "ada-lovelace"));
    fake.accountStatus.put(FakeUnipile.ACCOUNT, "CREDENTIALS");

    watch().checkStatuses(clock.instant());
    Touch next =
        PlannedTouches.request(
            store, profile("Alan", "Turing", "alan-turing"), "Hello", clock.instant());
    executor().execute(next);

    assertThat(store.providerLinks().linkedAccount(PlannedTouches.ACCOUNT))
        .hasValueSatisfying(a -> assertThat(a.status()).isEqualTo("CREDENTIALS"));
    Delivery held =
        store
            .deliveries()
            .openDelivery(
                next.idempotencyKey(),
                Delivery.Kind.PROVIDER,
                FakeUnipile.ACCOUNT,
                clock.instant());
    assertThat(held.status()).isEqualTo(Delivery.Status.PENDING);
    assertThat(held.lastError())
        .contains("reports sdr-1 as CREDENTIALS")
        .contains("warmreach accounts link sdr-1");
    assertThat(fake.count("POST /users/invite")).isEqualTo(1);

    fake.accountStatus.put(FakeUnipile.ACCOUNT, "OK");
    watch().checkStatuses(clock.instant());
    assertThat(store.providerLinks().linkedAccount(PlannedTouches.ACCOUNT))
        .hasValueSatisfying(a -> assertThat(a.ok()).isTrue());
  }

  @Test
  void theInmailCreditsAreComparedDailyAndADifferenceIsKeptWithoutTouchingTheLedger() {
    sentRequest(profile("Ada", "Lovelace", "ada-lovelace"));
    int ledger = store.accounts().accountState(PlannedTouches.ACCOUNT).get().creditsLeft(T0);
    fake.salesNavigatorCredits = ledger - 3;
    ProviderWatch watch = watch();

    watch.runDue();
    clock.tick(Duration.ofHours(1));
    fake.salesNavigatorCredits = ledger;
    watch.runDue();
    long calls = fake.count("GET /linkedin/inmail_balance");

    assertThat(calls).as("once a day").isEqualTo(1);
    InmailCheck check = store.providerLinks().inmailCheck(PlannedTouches.ACCOUNT).orElseThrow();
    assertThat(check.product()).isEqualTo("sales_navigator");
    assertThat(check.providerBalance()).isEqualTo(ledger - 3);
    assertThat(check.ledgerBalance()).isEqualTo(ledger);
    assertThat(check.difference()).isEqualTo(-3);
    assertThat(check.describe()).contains("3 fewer at the provider");
    assertThat(store.accounts().accountState(PlannedTouches.ACCOUNT).get().creditsLeft(T0))
        .as("the ledger is not overwritten")
        .isEqualTo(ledger);
    assertThat(log.toString()).contains("sdr-1's InMail credits: the provider reports");

    clock.tick(Duration.ofDays(1));
    watch.runDue();
    assertThat(store.providerLinks().inmailCheck(PlannedTouches.ACCOUNT).orElseThrow().differs())
        .isFalse();
  }

  @Test
  void aProviderThatCannotBeReachedIsReportedOnceAndAskedAgainLater() {
    sentRequest(profile("Ada", "Lovelace", "ada-lovelace"));
    fake.failNext("GET /accounts/{id}", 503, "errors/provider_error", "Try later.");
    fake.failNext("GET /accounts/{id}", 503, "errors/provider_error", "Try later.");
    ProviderWatch watch = watch();

    watch.runDue();
    clock.tick(Duration.ofMinutes(10));
    watch.runDue();
    clock.tick(Duration.ofMinutes(25));
    watch.runDue();
    clock.tick(Duration.ofMinutes(30));
    watch.runDue();

    assertThat(fake.count("GET /accounts/{id}"))
        .as("every 30 minutes, not every pass")
        .isEqualTo(3);
    assertThat(log.toString().split("errors/provider_error", -1)).hasSize(2);
    assertThat(store.providerLinks().linkedAccount(PlannedTouches.ACCOUNT))
        .hasValueSatisfying(a -> assertThat(a.ok()).isTrue());
  }
}
