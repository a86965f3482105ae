package dev.warmreach.store;

import static dev.warmreach.testing.AProspect.aProspect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.warmreach.domain.ActivityLevel;
import dev.warmreach.domain.Channel;
import dev.warmreach.domain.ConnectionDegree;
import dev.warmreach.domain.EmailAddress;
import dev.warmreach.domain.Enrollment;
import dev.warmreach.domain.Event;
import dev.warmreach.domain.Plan;
import dev.warmreach.domain.ProfileUrl;
import dev.warmreach.domain.Prospect;
import dev.warmreach.domain.ProspectProfile;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.domain.Seniority;
import dev.warmreach.domain.Touch;
import dev.warmreach.domain.WorkingHours;
import dev.warmreach.sequence.Advance;
import dev.warmreach.testing.ACampaign;
import dev.warmreach.testing.PlannedTouches;
import dev.warmreach.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Store} must do, whatever database is behind it. One subclass per database runs
 * the same tests.
 */
abstract class StoreContract {

  static final Instant START = Instant.parse("2026-03-02T08:15:30.123Z");

  protected final SettableClock clock = new SettableClock(START);
  protected Store store;

  /** Opens a store on an empty database; called once before each test. */
  protected abstract Store openStore(SettableClock clock);

  /** Opens a second store on the same database as {@link #openStore}. */
  protected abstract Store reopenStore(SettableClock clock);

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
  void readsBackEveryFieldOfAProspectAsSaved() {
    ProspectProfile profile =
        aProspect()
            .named("Łukasz", "Wójcik-Nowak")
            .at("https://www.linkedin.com/in/łukasz-wójcik")
            .titled("VP, Sales \"EMEA\"")
            .workingAt("Acme, Inc.")
            .withEmail("lukasz@acme.example")
            .locatedIn("Kraków, Lesser Poland\nPoland")
            .tagged("fintech", "abm-target")
            .active(ActivityLevel.LOW)
            .connected(ConnectionDegree.FIRST)
            .withOpenProfile()
            .build();

    ProspectWrite write = store.saveProspects(List.of(profile));

    assertThat(write).isEqualTo(new ProspectWrite(1, 0, 0, 0));
    Prospect stored = store.prospectByUrl(profile.profileUrl()).orElseThrow();
    assertThat(stored.profile()).isEqualTo(profile);
    assertThat(stored.profile().seniority()).isEqualTo(Seniority.VP);
    assertThat(stored.doNotContact()).isFalse();
    assertThat(stored.createdAt()).isEqualTo(START);
    assertThat(stored.updatedAt()).isEqualTo(START);
    assertThat(store.prospect(stored.id())).contains(stored);
  }

  @Test
  void keepsInstantsExactToTheMillisecondIncludingFarFuture() {
    Instant farFuture = Instant.parse("2999-12-31T23:59:59.999Z");
    clock.set(farFuture);

    store.saveProspects(List.of(aProspect().build()));

    assertThat(store.prospects(ProspectQuery.all(10)).get(0).createdAt()).isEqualTo(farFuture);
  }

  @Test
  void importingThePersonAgainUpdatesInsteadOfDuplicating() {
    store.saveProspects(List.of(aProspect().titled("Head of Growth").build()));
    clock.tick(Duration.ofDays(3));

    ProspectWrite same = store.saveProspects(List.of(aProspect().titled("Head of Growth").build()));
    ProspectWrite changed = store.saveProspects(List.of(aProspect().titled("VP Growth").build()));

    assertThat(same).isEqualTo(new ProspectWrite(0, 0, 1, 0));
    assertThat(changed).isEqualTo(new ProspectWrite(0, 1, 0, 0));
    List<Prospect> all = store.prospects(ProspectQuery.all(10));
    assertThat(all).hasSize(1);
    assertThat(all.get(0).profile().title()).isEqualTo("VP Growth");
    assertThat(all.get(0).seniority()).isEqualTo(Seniority.VP);
    assertThat(all.get(0).createdAt()).isEqualTo(START);
    assertThat(all.get(0).updatedAt()).isEqualTo(START.plus(Duration.ofDays(3)));
  }

  @Test
  void anUpdateKeepsWhatTheNewerImportLeavesEmptyAndAddsTags() {
    store.saveProspects(
        List.of(aProspect().withEmail("ana@northwind.example").tagged("saas").build()));

    store.saveProspects(List.of(aProspect().withEmail(null).tagged("dach").build()));

    ProspectProfile stored = store.prospects(ProspectQuery.all(10)).get(0).profile();
    assertThat(stored.email()).isEqualTo(new EmailAddress("ana@northwind.example"));
    assertThat(stored.tags()).containsExactlyInAnyOrder("saas", "dach");
  }

  @Test
  void findsAPersonKnownOnlyByEmailWhenTheirProfileArrives() {
    store.saveProspects(
        List.of(aProspect().withoutProfile().withEmail("Ana@Northwind.example").build()));

    ProspectWrite write =
        store.saveProspects(List.of(aProspect().withEmail("ana@northwind.example").build()));

    assertThat(write.updated()).isEqualTo(1);
    assertThat(store.countProspects(ProspectQuery.all(1))).isEqualTo(1);
    assertThat(store.prospects(ProspectQuery.all(1)).get(0).profile().profileUrl()).isNotNull();
  }

  @Test
  void twoProfilesSharingAnInboxStayTwoPeople() {
    store.saveProspects(
        List.of(
            aProspect().at("https://www.linkedin.com/in/a").withEmail("team@x.example").build()));

    ProspectWrite write =
        store.saveProspects(
            List.of(
                aProspect()
                    .at("https://www.linkedin.com/in/b")
                    .withEmail("team@x.example")
                    .build()));

    assertThat(write.created()).isEqualTo(1);
    assertThat(store.countProspects(ProspectQuery.all(1))).isEqualTo(2);
  }

  @Test
  void aFailedSaveLeavesNothingBehind() {
    store.saveProspects(List.of(aProspect().at("https://www.linkedin.com/in/first").build()));
    List<ProspectProfile> batch = new ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      batch.add(aProspect().at("https://www.linkedin.com/in/p-" + i).build());
    }
    // the same person twice in one batch breaks the unique profile URL, after 1500 good rows
    batch.add(aProspect().at("https://www.linkedin.com/in/dup").build());
    batch.add(aProspect().at("https://www.linkedin.com/in/dup").build());

    assertThatThrownBy(() -> store.saveProspects(batch)).isInstanceOf(StoreException.class);

    assertThat(store.countProspects(ProspectQuery.all(1))).isEqualTo(1);
  }

  @Test
  void savesALargeBatchInOneGo() {
    List<ProspectProfile> batch = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      batch.add(aProspect().at("https://www.linkedin.com/in/p-" + i).build());
    }

    assertThat(store.saveProspects(batch).created()).isEqualTo(3000);
    assertThat(store.saveProspects(batch).unchanged()).isEqualTo(3000);
    assertThat(store.countProspects(ProspectQuery.all(1))).isEqualTo(3000);
  }

  @Test
  void filtersByTextIgnoringCaseEvenOutsideAscii() {
    store.saveProspects(
        List.of(
            aProspect().named("Łukasz", "Nowak").at("https://www.linkedin.com/in/ln").build(),
            aProspect().named("Ana", "Silva").at("https://www.linkedin.com/in/as").build()));

    List<Prospect> found = store.prospects(new ProspectQuery("łUKASZ", null, null, 10, 0));

    assertThat(found).extracting(Prospect::fullName).containsExactly("Łukasz Nowak");
  }

  @Test
  void matchesWildcardsInSearchTextLiterally() {
    store.saveProspects(
        List.of(
            aProspect().workingAt("100% Growth").at("https://www.linkedin.com/in/a").build(),
            aProspect().workingAt("1000 Growth").at("https://www.linkedin.com/in/b").build()));

    assertThat(store.countProspects(new ProspectQuery("100%", null, null, 10, 0))).isEqualTo(1);
    assertThat(store.countProspects(new ProspectQuery("10_0", null, null, 10, 0))).isZero();
  }

  @Test
  void filtersByTagAndSeniorityTogether() {
    store.saveProspects(
        List.of(
            aProspect()
                .titled("VP Sales")
                .tagged("dach")
                .at("https://www.linkedin.com/in/a")
                .build(),
            aProspect()
                .titled("VP Sales")
                .tagged("nordics")
                .at("https://www.linkedin.com/in/b")
                .build(),
            aProspect()
                .titled("Engineer")
                .tagged("dach")
                .at("https://www.linkedin.com/in/c")
                .build()));

    ProspectQuery query = new ProspectQuery(null, "dach", Seniority.VP, 10, 0);

    assertThat(store.prospects(query))
        .extracting(p -> p.profile().profileUrl().value())
        .containsExactly("https://www.linkedin.com/in/a");
    assertThat(store.countProspects(query)).isEqualTo(1);
    assertThat(store.countProspects(new ProspectQuery(null, "dac", null, 10, 0))).isZero();
  }

  @Test
  void filtersBySearchTextAndTagTogetherWithWildcardsAndBangsLiteral() {
    store.saveProspects(
        List.of(
            aProspect().workingAt("Yes! 100%").tagged("dach").at(url("a")).build(),
            aProspect().workingAt("Yes! 100%").tagged("nordics").at(url("b")).build(),
            aProspect().workingAt("Yes 1000").tagged("dach").at(url("c")).build()));

    ProspectQuery query = new ProspectQuery("yes! 100%", "dach", null, 10, 0);

    assertThat(store.prospects(query))
        .extracting(p -> p.profile().profileUrl().value())
        .containsExactly(url("a"));
    assertThat(store.countProspects(query)).isEqualTo(1);
    assertThat(store.countProspects(new ProspectQuery("yes!", "da_h", null, 10, 0))).isZero();
  }

  @Test
  void filtersByWhereEachPersonStandsWithWarmreach() {
    Instant now = clock.instant();
    ProspectProfile fresh = aProspect().named("New", "Person").at(url("fresh")).build();
    store.saveProspects(List.of(fresh));
    Touch enrolled =
        PlannedTouches.plant(
            store,
            aProspect().named("In", "Campaign").at(url("enrolled")).build(),
            Channel.CONNECT,
            null,
            now);
    Touch replied =
        PlannedTouches.plant(
            store,
            aProspect().named("Has", "Replied").at(url("replied")).build(),
            Channel.CONNECT,
            null,
            now);
    store.recordEvent(new Event.Replied(replied.prospectId(), now, "reply-1", Channel.DM));
    ProspectProfile done = aProspect().named("Went", "Through").at(url("completed")).build();
    store.saveProspects(List.of(done));
    long doneId = store.prospectByUrl(done.profileUrl()).orElseThrow().id();
    long campaignId = store.campaign(PlannedTouches.CAMPAIGN).orElseThrow().campaign().id();
    store.enroll(
        List.of(Enrollment.start(0, campaignId, doneId, PlannedTouches.ACCOUNT, "step-1", now)));
    long doneEnrollment = store.enrollmentsOf(doneId).get(0).id();
    store
        .advance(
            doneEnrollment,
            now,
            (e, p, a) ->
                new Advance(
                    e.finished(Enrollment.Status.COMPLETED), p.history(), a, List.of(), null))
        .orElseThrow();
    ProspectProfile listed = aProspect().named("Do", "Not").at(url("listed")).build();
    store.saveProspects(List.of(listed));
    store.addDoNotContact(listed.profileUrl(), null, "asked us to stop");

    assertThat(names(ProspectQuery.Status.NEW)).containsExactly("New Person");
    assertThat(names(ProspectQuery.Status.ENROLLED)).containsExactly("In Campaign", "Has Replied");
    assertThat(names(ProspectQuery.Status.REPLIED)).containsExactly("Has Replied");
    assertThat(names(ProspectQuery.Status.COMPLETED)).containsExactly("Went Through");
    assertThat(names(ProspectQuery.Status.DO_NOT_CONTACT)).containsExactly("Do Not");
    assertThat(
            store.countProspects(
                new ProspectQuery("replied", null, null, ProspectQuery.Status.REPLIED, 10, 0)))
        .isEqualTo(1);
    assertThat(store.enrollmentsOf(enrolled.prospectId()))
        .extracting(Enrollment::status)
        .containsExactly(Enrollment.Status.ACTIVE);
    assertThat(store.enrollmentsOf(doneId))
        .extracting(Enrollment::status)
        .containsExactly(Enrollment.Status.COMPLETED);
  }

  private List<String> names(ProspectQuery.Status status) {
    ProspectQuery query = new ProspectQuery(null, null, null, status, 10, 0);
    assertThat(store.countProspects(query)).isEqualTo(store.prospects(query).size());
    return store.prospects(query).stream().map(Prospect::fullName).toList();
  }

  private static String url(String slug) {
    return "https://www.linkedin.com/in/" + slug;
  }

  @Test
  void listsAProspectsEventsOldestFirst() {
    Instant now = clock.instant();
    Touch touch =
        PlannedTouches.plant(
            store,
            aProspect().named("Ana", "Silva").at(url("ana")).build(),
            Channel.CONNECT,
            null,
            now);
    long id = touch.prospectId();
    store.recordEvent(new Event.Replied(id, now.plusSeconds(7200), "reply", Channel.DM));
    store.recordEvent(new Event.Accepted(id, now.plusSeconds(3600), "accept"));
    store.recordEvent(new Event.Accepted(id, now.plusSeconds(3600), "accept"));

    assertThat(store.events(id))
        .extracting(StoredEvent::kind, StoredEvent::channel, StoredEvent::at)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ACCEPTED", null, now.plusSeconds(3600)),
            org.assertj.core.groups.Tuple.tuple("REPLIED", Channel.DM, now.plusSeconds(7200)));
    assertThat(store.events(id + 1000)).isEmpty();
  }

  @Test
  void aPreviewOfASaveCountsWhatItWouldDoAndWritesNothing() {
    ProspectProfile known = aProspect().titled("Engineer").at(url("known")).build();
    ProspectProfile listed = aProspect().at(url("listed")).build();
    store.saveProspects(List.of(known));
    store.addDoNotContact(listed.profileUrl(), null, "asked us to stop");
    List<ProspectProfile> batch =
        List.of(
            aProspect().titled("VP Sales").at(url("known")).build(),
            aProspect().at(url("someone-new")).build(),
            listed);

    ProspectWrite preview = store.previewProspects(batch);

    assertThat(preview).isEqualTo(new ProspectWrite(1, 1, 0, 1));
    assertThat(store.countProspects(ProspectQuery.all(1))).isEqualTo(1);
    assertThat(store.prospectByUrl(new ProfileUrl(url("known"))).orElseThrow().profile().title())
        .isEqualTo("Engineer");
    assertThat(store.saveProspects(batch)).isEqualTo(preview);
  }

  @Test
  void pagesThroughProspectsInTheOrderTheyWereAdded() {
    List<ProspectProfile> batch = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      batch.add(aProspect().named("P" + i, "X").at("https://www.linkedin.com/in/p" + i).build());
    }
    store.saveProspects(batch);

    List<Prospect> page = store.prospects(new ProspectQuery(null, null, null, 10, 20));

    assertThat(page)
        .extracting(p -> p.profile().firstName())
        .containsExactly("P20", "P21", "P22", "P23", "P24");
  }

  @Test
  void pagesThroughACampaignsEnrollmentsByProspectAndCountsThemByStatus() {
    StoredCampaign campaign = ACampaign.launched(store, 7, START, "sdr-1");
    long id = campaign.campaign().id();

    List<Enrollment> all = store.enrollments(id, 100);
    List<Enrollment> second = store.enrollments(id, 3, 3);

    assertThat(all).hasSize(7);
    assertThat(second).containsExactlyElementsOf(all.subList(3, 6));
    assertThat(store.enrollments(id, 3, 6)).containsExactly(all.get(6));
    assertThat(store.enrollments(id, 3, 9)).isEmpty();
    assertThat(store.countEnrollments(id)).isEqualTo(7);
    assertThat(store.countEnrollments(id + 1)).isZero();
    assertThat(store.enrollmentCounts())
        .isEqualTo(java.util.Map.of(id, java.util.Map.of("ACTIVE", 7L)));
  }

  @Test
  void forgettingAPersonErasesThemAndKeepsOnlyHashes() {
    store.saveProspects(List.of(aProspect().withEmail("ana@northwind.example").build()));
    Prospect ana = store.prospects(ProspectQuery.all(1)).get(0);

    assertThat(store.forgetProspect(ana.id())).contains(ana);

    assertThat(store.prospect(ana.id())).isEmpty();
    List<DoNotContactEntry> entries = store.doNotContactList();
    assertThat(entries).hasSize(2);
    assertThat(entries).allSatisfy(e -> assertThat(e.label()).isEmpty());
    assertThat(entries.toString()).doesNotContain("ana", "northwind", "silva");
    assertThat(store.isDoNotContact(ana.profile().profileUrl(), null)).isTrue();
    assertThat(store.isDoNotContact(null, new EmailAddress("ANA@northwind.example"))).isTrue();
  }

  @Test
  void aForgottenPersonCannotBeImportedAgain() {
    store.saveProspects(List.of(aProspect().build()));
    store.forgetProspect(store.prospects(ProspectQuery.all(1)).get(0).id());

    ProspectWrite write = store.saveProspects(List.of(aProspect().titled("New title").build()));

    assertThat(write).isEqualTo(new ProspectWrite(0, 0, 0, 1));
    assertThat(store.countProspects(ProspectQuery.all(1))).isZero();
  }

  @Test
  void forgettingSomeoneUnknownChangesNothing() {
    assertThat(store.forgetProspect(12345)).isEmpty();
    assertThat(store.doNotContactList()).isEmpty();
  }

  @Test
  void doNotContactMarksAStoredPersonAndKeepsNewOnesOut() {
    store.saveProspects(List.of(aProspect().withEmail("ana@northwind.example").build()));

    boolean added = store.addDoNotContact(null, new EmailAddress("ANA@Northwind.example"), "asked");
    boolean again = store.addDoNotContact(null, new EmailAddress("ana@northwind.example"), "asked");

    assertThat(added).isTrue();
    assertThat(again).isFalse();
    assertThat(store.prospects(ProspectQuery.all(1)).get(0).doNotContact()).isTrue();
    ProspectWrite write =
        store.saveProspects(
            List.of(
                aProspect()
                    .at("https://www.linkedin.com/in/other")
                    .withEmail("ana@northwind.example")
                    .build()));
    assertThat(write.keptOut()).isEqualTo(1);
    assertThat(store.doNotContactList())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo("email");
              assertThat(e.label()).isEqualTo("ANA@northwind.example");
              assertThat(e.reason()).isEqualTo("asked");
              assertThat(e.addedAt()).isEqualTo(START);
            });
  }

  @Test
  void doNotContactByProfileUrlMatchesAnyWayTheUrlIsWritten() {
    store.addDoNotContact(ProfileUrl.of("https://de.linkedin.com/in/Ana-Silva-1/?trk=x"), null, "");

    assertThat(store.isDoNotContact(ProfileUrl.of("linkedin.com/in/ana-silva-1"), null)).isTrue();
    assertThat(store.saveProspects(List.of(aProspect().build())).keptOut()).isEqualTo(1);
  }

  @Test
  void theDoNotContactListStillMatchesAfterReopening() {
    store.addDoNotContact(null, new EmailAddress("ana@northwind.example"), "asked");
    store.close();

    store = reopenStore(clock);

    assertThat(store.isDoNotContact(null, new EmailAddress("ana@northwind.example"))).isTrue();
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

    assertThat(store.addAccount(account)).isTrue();

    assertThat(store.account("sdr-1")).contains(account);
    assertThat(store.accounts()).containsExactly(account);
  }

  @Test
  void refusesASecondAccountWithTheSameName() {
    store.addAccount(SenderAccount.withPlanDefaults("sdr-1", Plan.PREMIUM, ZoneId.of("UTC")));

    boolean added =
        store.addAccount(SenderAccount.withPlanDefaults("sdr-1", Plan.FREE, ZoneId.of("UTC")));

    assertThat(added).isFalse();
    assertThat(store.account("sdr-1").orElseThrow().plan()).isEqualTo(Plan.PREMIUM);
  }

  @Test
  void listsAccountsByName() {
    store.addAccount(SenderAccount.withPlanDefaults("zoe", Plan.PREMIUM, ZoneId.of("UTC")));
    store.addAccount(SenderAccount.withPlanDefaults("ana", Plan.RECRUITER, ZoneId.of("UTC")));

    assertThat(store.accounts()).extracting(SenderAccount::name).containsExactly("ana", "zoe");
    assertThat(store.account("nobody")).isEmpty();
  }

  // The task inbox

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
    assertThat(store.countDueTouches(Map.of(account, START))).containsExactly(entry(account, 1L));
    assertThat(store.countDueTouches(Map.of(account, clock.instant(), "nobody", clock.instant())))
        .containsOnly(entry(account, 2L), entry("nobody", 0L));
    assertThat(store.countDueTouches(Map.of())).isEmpty();
    assertThat(store.dueTouches(clock.instant(), null, 10)).hasSize(2);

    store.finishTouch(first.idempotencyKey(), Touch.Status.DONE, clock.instant());
    assertThat(store.countDueTouches(Map.of(account, clock.instant())))
        .containsExactly(entry(account, 1L));
    assertThat(store.prospectsById(List.of(first.prospectId(), later.prospectId(), 999L)))
        .containsOnlyKeys(first.prospectId(), later.prospectId());
    assertThat(
            store
                .prospectsById(List.of(later.prospectId()))
                .get(later.prospectId())
                .profile()
                .fullName())
        .isEqualTo("Ben Okafor");
    assertThat(store.prospectsById(List.of())).isEmpty();
  }

  // Email and webhook deliveries

  private Touch anEmailTouch() {
    return PlannedTouches.email(
        store,
        aProspect().withEmail("ana@northwind.example").build(),
        "Your post on SDR ramp time",
        "Hi Ana, …",
        clock.instant());
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
    store.finishTouch(first.idempotencyKey(), Touch.Status.DONE, START.plusSeconds(60));
    store.finishTouch(second.idempotencyKey(), Touch.Status.DONE, START.plus(Duration.ofDays(6)));
    store.finishTouch(third.idempotencyKey(), Touch.Status.DONE, START.plus(Duration.ofDays(7)));
    store.recordEvent(
        new Event.Replied(
            first.prospectId(), START.plus(Duration.ofDays(8)), "reply-1", Channel.EMAIL));
    long campaign = store.campaign(PlannedTouches.CAMPAIGN).orElseThrow().campaign().id();
    Instant monday = Instant.parse("2026-03-02T00:00:00Z");

    assertThat(store.weeklyActivity(campaign, monday.minus(Duration.ofDays(70))))
        .containsExactly(
            new WeeklyActivity(monday, 2, 0),
            new WeeklyActivity(monday.plus(Duration.ofDays(7)), 1, 1));
    assertThat(store.weeklyActivity(null, monday.plus(Duration.ofDays(7))))
        .containsExactly(new WeeklyActivity(monday.plus(Duration.ofDays(7)), 1, 1));
    assertThat(store.weeklyActivity(campaign + 1, monday)).isEmpty();
  }

  @Test
  void opensOneDeliveryPerTouchAndKindAndReturnsTheStoredOneAfter() {
    Touch touch = anEmailTouch();

    Delivery first =
        store.openDelivery(
            touch.idempotencyKey(), Delivery.Kind.EMAIL, "ana@northwind.example", START);
    clock.tick(Duration.ofMinutes(5));
    Delivery again =
        store.openDelivery(
            touch.idempotencyKey(), Delivery.Kind.EMAIL, "other@example.com", clock.instant());
    Delivery webhook =
        store.openDelivery(
            touch.idempotencyKey(), Delivery.Kind.WEBHOOK, "http://127.0.0.1/x", clock.instant());

    assertThat(again).isEqualTo(first);
    assertThat(first.status()).isEqualTo(Delivery.Status.PENDING);
    assertThat(first.attempts()).isZero();
    assertThat(first.nextAttemptAt()).isEqualTo(START);
    assertThat(first.createdAt()).isEqualTo(START);
    assertThat(first.target()).isEqualTo("ana@northwind.example");
    assertThat(webhook.id()).isNotEqualTo(first.id());
    assertThat(store.delivery(first.id())).contains(first);
  }

  @Test
  void onlyOneSenderClaimsEachAttemptAndOnlyWhenDue() {
    Touch touch = anEmailTouch();
    Delivery d =
        store.openDelivery(touch.idempotencyKey(), Delivery.Kind.EMAIL, "a@b.example", START);
    Instant lease = START.plus(Duration.ofMinutes(10));

    boolean early =
        store.claimDelivery(d.id(), 0, Delivery.Status.SENDING, START.minusMillis(1), lease);
    boolean first = store.claimDelivery(d.id(), 0, Delivery.Status.SENDING, START, lease);
    boolean second = store.claimDelivery(d.id(), 0, Delivery.Status.SENDING, START, lease);

    assertThat(early).isFalse();
    assertThat(first).isTrue();
    assertThat(second).isFalse();
    Delivery claimed = store.delivery(d.id()).orElseThrow();
    assertThat(claimed.status()).isEqualTo(Delivery.Status.SENDING);
    assertThat(claimed.attempts()).isEqualTo(1);
    assertThat(claimed.nextAttemptAt()).isEqualTo(lease);
  }

  @Test
  void aFailedAttemptWaitsUntilItsNextTime() {
    Touch touch = anEmailTouch();
    Delivery d =
        store.openDelivery(touch.idempotencyKey(), Delivery.Kind.WEBHOOK, "http://x", START);
    Instant next = START.plus(Duration.ofMinutes(1));
    store.claimDelivery(d.id(), 0, Delivery.Status.PENDING, START, START.plusSeconds(30));

    store.retryDelivery(d.id(), next, "HTTP 500", START);

    assertThat(store.dueDeliveries(Delivery.Kind.WEBHOOK, next.minusMillis(1), 10)).isEmpty();
    assertThat(store.dueDeliveries(Delivery.Kind.EMAIL, next, 10)).isEmpty();
    List<Delivery> due = store.dueDeliveries(Delivery.Kind.WEBHOOK, next, 10);
    assertThat(due).hasSize(1);
    assertThat(due.get(0).attempts()).isEqualTo(1);
    assertThat(due.get(0).lastError()).isEqualTo("HTTP 500");
    assertThat(store.touches(touch.prospectId()).get(0).status()).isEqualTo(Touch.Status.PLANNED);
  }

  @Test
  void settlingASentDeliveryMarksItsTouchDoneOnce() {
    Touch touch = anEmailTouch();
    Delivery d =
        store.openDelivery(touch.idempotencyKey(), Delivery.Kind.EMAIL, "a@b.example", START);
    store.claimDelivery(d.id(), 0, Delivery.Status.SENDING, START, START.plusSeconds(600));
    Instant sent = START.plusSeconds(2);

    boolean changed =
        store.settleDelivery(d.id(), Delivery.Status.SENT, "", Touch.Status.DONE, sent);
    boolean again = store.settleDelivery(d.id(), Delivery.Status.SENT, "", Touch.Status.DONE, sent);

    assertThat(changed).isTrue();
    assertThat(again).isFalse();
    Touch done = store.touches(touch.prospectId()).get(0);
    assertThat(done.status()).isEqualTo(Touch.Status.DONE);
    assertThat(done.doneAt()).isEqualTo(sent);
    Delivery settled = store.delivery(d.id()).orElseThrow();
    assertThat(settled.status()).isEqualTo(Delivery.Status.SENT);
    assertThat(settled.nextAttemptAt()).isNull();
    assertThat(store.plannedTouches(10)).isEmpty();
  }

  @Test
  void aReplayedDeadLetterStartsAfreshAndTurnsItsFailedTouchDone() {
    Touch touch = anEmailTouch();
    Delivery d =
        store.openDelivery(touch.idempotencyKey(), Delivery.Kind.WEBHOOK, "http://x", START);
    store.settleDelivery(d.id(), Delivery.Status.DEAD, "HTTP 500", Touch.Status.FAILED, START);
    assertThat(store.deliveries(Delivery.Kind.WEBHOOK, Delivery.Status.DEAD, 10))
        .extracting(Delivery::id)
        .containsExactly(d.id());
    Instant replayAt = START.plus(Duration.ofDays(1));

    boolean replayed = store.replayDelivery(d.id(), replayAt);
    boolean twice = store.replayDelivery(d.id(), replayAt);

    assertThat(replayed).isTrue();
    assertThat(twice).isFalse();
    Delivery fresh = store.delivery(d.id()).orElseThrow();
    assertThat(fresh.status()).isEqualTo(Delivery.Status.PENDING);
    assertThat(fresh.attempts()).isZero();
    assertThat(fresh.isDue(replayAt)).isTrue();
    assertThat(store.deliveries(Delivery.Kind.WEBHOOK, Delivery.Status.DEAD, 10)).isEmpty();

    store.claimDelivery(d.id(), 0, Delivery.Status.PENDING, replayAt, replayAt.plusSeconds(30));
    store.settleDelivery(d.id(), Delivery.Status.SENT, "", Touch.Status.DONE, replayAt);
    Touch done = store.touches(touch.prospectId()).get(0);
    assertThat(done.status()).isEqualTo(Touch.Status.DONE);
    assertThat(done.doneAt()).isEqualTo(replayAt);
  }

  @Test
  void namesTheProspectAndCampaignOfAnOutboundTouch() {
    Touch touch = anEmailTouch();

    OutboundTouch outbound = store.outboundTouch(touch.idempotencyKey()).orElseThrow();

    assertThat(outbound.touch()).isEqualTo(touch);
    assertThat(outbound.touch().message().subject()).isEqualTo("Your post on SDR ramp time");
    assertThat(outbound.prospect().profile().email())
        .isEqualTo(new EmailAddress("ana@northwind.example"));
    assertThat(outbound.campaign()).isEqualTo(PlannedTouches.CAMPAIGN);
    assertThat(store.outboundTouch("e999:nothing:0")).isEmpty();
  }

  @Test
  void erasingAProspectDeletesTheirDeliveries() {
    Touch touch = anEmailTouch();
    Delivery d =
        store.openDelivery(touch.idempotencyKey(), Delivery.Kind.EMAIL, "a@b.example", START);

    store.forgetProspect(touch.prospectId());

    assertThat(store.delivery(d.id())).isEmpty();
    assertThat(store.outboundTouch(touch.idempotencyKey())).isEmpty();
  }
}
