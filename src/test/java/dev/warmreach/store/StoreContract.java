package dev.warmreach.store;

import static dev.warmreach.testing.AProspect.aProspect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.warmreach.domain.AccountChange;
import dev.warmreach.domain.Channel;
import dev.warmreach.domain.EmailAddress;
import dev.warmreach.domain.Enrollment;
import dev.warmreach.domain.Event;
import dev.warmreach.domain.Plan;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.domain.Touch;
import dev.warmreach.domain.WorkingHours;
import dev.warmreach.quota.AccountState;
import dev.warmreach.testing.ACampaign;
import dev.warmreach.testing.PlannedTouches;
import dev.warmreach.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Store} must do, whatever database is behind it: the tests here and those of the
 * contract's parts ({@link ProspectsContract}, {@link DoNotContactContract}, {@link
 * DeliveriesContract}, {@link SharedDatabaseContract}). One subclass per database runs them all.
 */
abstract class StoreContract
    implements ProspectsContract,
        DoNotContactContract,
        DeliveriesContract,
        SharedDatabaseContract,
        CampaignTotalsContract,
        SecretsAtRestContract,
        ProviderLinksContract {

  protected final SettableClock clock = new SettableClock(START);
  protected Store store;

  /** Opens a store on an empty database; called once before each test. */
  protected abstract Store openStore(SettableClock clock);

  /** Opens a second store on the same database as {@link #openStore}. */
  @Override
  public abstract Store reopenStore(SettableClock clock);

  @Override
  public Store store() {
    return store;
  }

  @Override
  public SettableClock clock() {
    return clock;
  }

  @BeforeEach
  void open() {
    store = openStore(clock);
  }

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  @Test
  void pagesThroughACampaignsEnrollmentsByProspectAndCountsThemByStatus() {
    StoredCampaign campaign = ACampaign.launched(store, 7, START, "sdr-1");
    long id = campaign.campaign().id();

    List<Enrollment> all = store.campaigns().enrollments(id, 100);
    List<Enrollment> second = store.campaigns().enrollments(id, 3, 3);

    assertThat(all).hasSize(7);
    assertThat(second).containsExactlyElementsOf(all.subList(3, 6));
    assertThat(store.campaigns().enrollments(id, 3, 6)).containsExactly(all.get(6));
    assertThat(store.campaigns().enrollments(id, 3, 9)).isEmpty();
    assertThat(store.campaigns().countEnrollments(id)).isEqualTo(7);
    assertThat(store.campaigns().countEnrollments(id + 1)).isZero();
    assertThat(store.analytics().enrollmentCounts())
        .isEqualTo(java.util.Map.of(id, java.util.Map.of("ACTIVE", 7L)));
  }

  @Test
  void theDoNotContactListStillMatchesAfterReopening() {
    store.doNotContact().addDoNotContact(null, new EmailAddress("ana@northwind.example"), "asked");
    store.close();

    store = reopenStore(clock);

    assertThat(store.doNotContact().isDoNotContact(null, new EmailAddress("ana@northwind.example")))
        .isTrue();
  }

  @Test
  void storesAccountsWithTheirLimitsZoneAndHours() {
    SenderAccount account =
        new SenderAccount(
            "sdr-1",
            Plan.SALES_NAVIGATOR,
            120,
            40,
            ZoneId.of("America/Sao_Paulo"),
            WorkingHours.parse("Mon,Wed,Fri 08:30-16:00"));

    assertThat(store.accounts().addAccount(account)).isTrue();

    assertThat(store.accounts().account("sdr-1")).contains(account);
    assertThat(store.accounts().accounts()).containsExactly(account);
  }

  @Test
  void updatesAnAccountsFollowUpsZoneAndHoursAndItsStoredStateWithThem() {
    SenderAccount added = SenderAccount.withPlanDefaults("sdr-1", Plan.PREMIUM, ZoneId.of("UTC"));
    store.accounts().addAccount(added);
    store
        .accounts()
        .ensureAccountState(
            AccountState.open(
                added,
                dev.warmreach.quota.AccountLimits.defaultsFor(added),
                java.time.Instant.parse("2026-03-02T09:00:00Z")));

    Optional<SenderAccount> updated =
        store
            .accounts()
            .updateAccount(
                "sdr-1",
                new AccountChange(
                    AccountChange.FollowUps.NOT_ALLOWED,
                    ZoneId.of("Europe/Berlin"),
                    AccountChange.parseHours("08:00-16:00")));

    SenderAccount expected =
        new SenderAccount(
            "sdr-1",
            Plan.PREMIUM,
            added.weeklyInvitationCap(),
            added.monthlyInmailCredits(),
            ZoneId.of("Europe/Berlin"),
            WorkingHours.parse("Mon-Fri 08:00-16:00"),
            false);
    assertThat(updated).contains(expected);
    assertThat(store.accounts().account("sdr-1")).contains(expected);
    assertThat(store.accounts().accountState("sdr-1").orElseThrow().account()).isEqualTo(expected);
    assertThat(
            store
                .accounts()
                .updateAccount(
                    "sdr-1", new AccountChange(AccountChange.FollowUps.CAMPAIGN, null, null))
                .orElseThrow()
                .followUpsOnDaysOff())
        .as("back to each campaign's say")
        .isNull();
    assertThat(store.accounts().account("sdr-1").orElseThrow().followUpsOnDaysOff()).isNull();
    assertThat(
            store
                .accounts()
                .updateAccount(
                    "nobody", new AccountChange(AccountChange.FollowUps.ALLOWED, null, null)))
        .isEmpty();
  }

  @Test
  void refusesASecondAccountWithTheSameName() {
    store
        .accounts()
        .addAccount(SenderAccount.withPlanDefaults("sdr-1", Plan.PREMIUM, ZoneId.of("UTC")));

    boolean added =
        store
            .accounts()
            .addAccount(SenderAccount.withPlanDefaults("sdr-1", Plan.FREE, ZoneId.of("UTC")));

    assertThat(added).isFalse();
    assertThat(store.accounts().account("sdr-1").orElseThrow().plan()).isEqualTo(Plan.PREMIUM);
  }

  @Test
  void listsAccountsByName() {
    store
        .accounts()
        .addAccount(SenderAccount.withPlanDefaults("zoe", Plan.PREMIUM, ZoneId.of("UTC")));
    store
        .accounts()
        .addAccount(SenderAccount.withPlanDefaults("ana", Plan.RECRUITER, ZoneId.of("UTC")));

    assertThat(store.accounts().accounts())
        .extracting(SenderAccount::name)
        .containsExactly("ana", "zoe");
    assertThat(store.accounts().account("nobody")).isEmpty();
  }

  // The task inbox

  @Test
  void countsThePlannedTouchesPerChannelWhateverTheirDueTimeOrClaim() {
    Touch email = anEmailTouch();
    clock.tick(Duration.ofDays(3));
    PlannedTouches.request(
        store,
        aProspect().named("Ben", "Okafor").at("https://www.linkedin.com/in/ben-okafor").build(),
        "Hi Ben",
        clock.instant());

    assertThat(store.touches().countPlannedTouches())
        .containsOnly(entry(Channel.EMAIL, 1L), entry(Channel.CONNECT, 1L));

    store.touches().finishTouch(email.idempotencyKey(), Touch.Status.DONE, clock.instant());
    assertThat(store.touches().countPlannedTouches()).containsOnly(entry(Channel.CONNECT, 1L));
  }

  @Test
  void countsThePlannedTouchesDueByATimePerAccountAsTheInboxListsThem() {
    Touch first = anEmailTouch();
    clock.tick(Duration.ofHours(2));
    Touch later =
        PlannedTouches.email(
            store,
            aProspect()
                .named("Ben", "Okafor")
                .at("https://www.linkedin.com/in/ben-okafor")
                .withEmail("ben@northwind.example")
                .build(),
            "Your talk",
            "Hi Ben, …",
            clock.instant());

    String account = PlannedTouches.ACCOUNT;
    assertThat(store.touches().countDueTouches(Map.of(account, START)))
        .containsExactly(entry(account, 1L));
    assertThat(
            store
                .touches()
                .countDueTouches(Map.of(account, clock.instant(), "nobody", clock.instant())))
        .containsOnly(entry(account, 2L), entry("nobody", 0L));
    assertThat(store.touches().countDueTouches(Map.of())).isEmpty();
    assertThat(store.touches().dueTouches(clock.instant(), null, 10)).hasSize(2);

    store.touches().finishTouch(first.idempotencyKey(), Touch.Status.DONE, clock.instant());
    assertThat(store.touches().countDueTouches(Map.of(account, clock.instant())))
        .containsExactly(entry(account, 1L));
    assertThat(
            store.prospects().prospectsById(List.of(first.prospectId(), later.prospectId(), 999L)))
        .containsOnlyKeys(first.prospectId(), later.prospectId());
    assertThat(
            store
                .prospects()
                .prospectsById(List.of(later.prospectId()))
                .get(later.prospectId())
                .profile()
                .fullName())
        .isEqualTo("Ben Okafor");
    assertThat(store.prospects().prospectsById(List.of())).isEmpty();
  }

  @Test
  void countsTouchesAndRepliesPerWeekInTheDatabaseForOneCampaignOrAll() {
    // START is Monday 2026-03-02; two touches that week, one the next, a reply in the second.
    Touch first = anEmailTouch();
    Touch second =
        PlannedTouches.email(
            store,
            aProspect()
                .named("Ben", "Okafor")
                .at("https://www.linkedin.com/in/ben-okafor")
                .withEmail("ben@northwind.example")
                .build(),
            "Hello",
            "Hi Ben",
            START);
    Touch third =
        PlannedTouches.email(
            store,
            aProspect()
                .named("Cy", "Lund")
                .at("https://www.linkedin.com/in/cy-lund")
                .withEmail("cy@northwind.example")
                .build(),
            "Hello",
            "Hi Cy",
            START);
    store.touches().finishTouch(first.idempotencyKey(), Touch.Status.DONE, START.plusSeconds(60));
    store
        .touches()
        .finishTouch(second.idempotencyKey(), Touch.Status.DONE, START.plus(Duration.ofDays(6)));
    store
        .touches()
        .finishTouch(third.idempotencyKey(), Touch.Status.DONE, START.plus(Duration.ofDays(7)));
    store
        .engineSteps()
        .recordEvent(
            new Event.Replied(
                first.prospectId(), START.plus(Duration.ofDays(8)), "reply-1", Channel.EMAIL));
    long campaign =
        store.campaigns().campaign(PlannedTouches.CAMPAIGN).orElseThrow().campaign().id();
    Instant monday = Instant.parse("2026-03-02T00:00:00Z");

    assertThat(store.analytics().weeklyActivity(campaign, monday.minus(Duration.ofDays(70))))
        .containsExactly(
            new WeeklyActivity(monday, 2, 0),
            new WeeklyActivity(monday.plus(Duration.ofDays(7)), 1, 1));
    assertThat(store.analytics().weeklyActivity(null, monday.plus(Duration.ofDays(7))))
        .containsExactly(new WeeklyActivity(monday.plus(Duration.ofDays(7)), 1, 1));
    assertThat(store.analytics().weeklyActivity(campaign + 1, monday)).isEmpty();
  }
}
