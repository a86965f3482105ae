package dev.warmreach.store;

import static dev.warmreach.testing.AProspect.aProspect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warmreach.domain.ActivityLevel;
import dev.warmreach.domain.Channel;
import dev.warmreach.domain.ConnectionDegree;
import dev.warmreach.domain.EmailAddress;
import dev.warmreach.domain.Enrollment;
import dev.warmreach.domain.Event;
import dev.warmreach.domain.PostLink;
import dev.warmreach.domain.ProfileUrl;
import dev.warmreach.domain.Prospect;
import dev.warmreach.domain.ProspectFacts;
import dev.warmreach.domain.ProspectProfile;
import dev.warmreach.domain.Seniority;
import dev.warmreach.domain.Touch;
import dev.warmreach.sequence.Advance;
import dev.warmreach.testing.PlannedTouches;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Saving, finding and paging through prospects, whatever database is behind the store. */
interface ProspectsContract extends StoreFixture {

  @Test
  default void readsBackEveryFieldOfAProspectAsSaved() {
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

    ProspectWrite write = store().prospects().saveProspects(List.of(profile));

    assertThat(write).isEqualTo(new ProspectWrite(1, 0, 0, 0));
    Prospect stored = store().prospects().prospectByUrl(profile.profileUrl()).orElseThrow();
    assertThat(stored.profile()).isEqualTo(profile);
    assertThat(stored.profile().seniority()).isEqualTo(Seniority.VP);
    assertThat(stored.doNotContact()).isFalse();
    assertThat(stored.createdAt()).isEqualTo(START);
    assertThat(stored.updatedAt()).isEqualTo(START);
    assertThat(store().prospects().prospect(stored.id())).contains(stored);
  }

  @Test
  default void keepsInstantsExactToTheMillisecondIncludingFarFuture() {
    Instant farFuture = Instant.parse("2999-12-31T23:59:59.999Z");
    clock().set(farFuture);

    store().prospects().saveProspects(List.of(aProspect().build()));

    assertThat(store().prospects().prospects(ProspectQuery.all(10)).get(0).createdAt())
        .isEqualTo(farFuture);
  }

  @Test
  default void importingThePersonAgainUpdatesInsteadOfDuplicating() {
    store().prospects().saveProspects(List.of(aProspect().titled("Head of Growth").build()));
    clock().tick(Duration.ofDays(3));

    ProspectWrite same =
        store().prospects().saveProspects(List.of(aProspect().titled("Head of Growth").build()));
    ProspectWrite changed =
        store().prospects().saveProspects(List.of(aProspect().titled("VP Growth").build()));

    assertThat(same).isEqualTo(new ProspectWrite(0, 0, 1, 0));
    assertThat(changed).isEqualTo(new ProspectWrite(0, 1, 0, 0));
    List<Prospect> all = store().prospects().prospects(ProspectQuery.all(10));
    assertThat(all).hasSize(1);
    assertThat(all.get(0).profile().title()).isEqualTo("VP Growth");
    assertThat(all.get(0).seniority()).isEqualTo(Seniority.VP);
    assertThat(all.get(0).createdAt()).isEqualTo(START);
    assertThat(all.get(0).updatedAt()).isEqualTo(START.plus(Duration.ofDays(3)));
  }

  @Test
  default void anUpdateKeepsWhatTheNewerImportLeavesEmptyAndAddsTags() {
    store()
        .prospects()
        .saveProspects(
            List.of(aProspect().withEmail("ana@northwind.example").tagged("saas").build()));

    store().prospects().saveProspects(List.of(aProspect().withEmail(null).tagged("dach").build()));

    ProspectProfile stored = store().prospects().prospects(ProspectQuery.all(10)).get(0).profile();
    assertThat(stored.email()).isEqualTo(new EmailAddress("ana@northwind.example"));
    assertThat(stored.tags()).containsExactlyInAnyOrder("saas", "dach");
  }

  @Test
  default void findsAPersonKnownOnlyByEmailWhenTheirProfileArrives() {
    store()
        .prospects()
        .saveProspects(
            List.of(aProspect().withoutProfile().withEmail("Ana@Northwind.example").build()));

    ProspectWrite write =
        store()
            .prospects()
            .saveProspects(List.of(aProspect().withEmail("ana@northwind.example").build()));

    assertThat(write.updated()).isEqualTo(1);
    assertThat(store().prospects().countProspects(ProspectQuery.all(1))).isEqualTo(1);
    assertThat(store().prospects().prospects(ProspectQuery.all(1)).get(0).profile().profileUrl())
        .isNotNull();
  }

  @Test
  default void twoProfilesSharingAnInboxStayTwoPeople() {
    store()
        .prospects()
        .saveProspects(
            List.of(
                aProspect()
                    .at("https://www.linkedin.com/in/a")
                    .withEmail("team@x.example")
                    .build()));

    ProspectWrite write =
        store()
            .prospects()
            .saveProspects(
                List.of(
                    aProspect()
                        .at("https://www.linkedin.com/in/b")
                        .withEmail("team@x.example")
                        .build()));

    assertThat(write.created()).isEqualTo(1);
    assertThat(store().prospects().countProspects(ProspectQuery.all(1))).isEqualTo(2);
  }

  @Test
  default void aFailedSaveLeavesNothingBehind() {
    store()
        .prospects()
        .saveProspects(List.of(aProspect().at("https://www.linkedin.com/in/first").build()));
    List<ProspectProfile> batch = new ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      batch.add(aProspect().at("https://www.linkedin.com/in/p-" + i).build());
    }
    // the same person twice in one batch breaks the unique profile URL, after 1500 good rows
    batch.add(aProspect().at("https://www.linkedin.com/in/dup").build());
    batch.add(aProspect().at("https://www.linkedin.com/in/dup").build());

    assertThatThrownBy(() -> store().prospects().saveProspects(batch))
        .isInstanceOf(StoreException.class);

    assertThat(store().prospects().countProspects(ProspectQuery.all(1))).isEqualTo(1);
  }

  @Test
  default void savesALargeBatchInOneGo() {
    List<ProspectProfile> batch = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      batch.add(aProspect().at("https://www.linkedin.com/in/p-" + i).build());
    }

    assertThat(store().prospects().saveProspects(batch).created()).isEqualTo(3000);
    assertThat(store().prospects().saveProspects(batch).unchanged()).isEqualTo(3000);
    assertThat(store().prospects().countProspects(ProspectQuery.all(1))).isEqualTo(3000);
  }

  @Test
  default void filtersByTextIgnoringCaseEvenOutsideAscii() {
    store()
        .prospects()
        .saveProspects(
            List.of(
                aProspect().named("Łukasz", "Nowak").at("https://www.linkedin.com/in/ln").build(),
                aProspect().named("Ana", "Silva").at("https://www.linkedin.com/in/as").build()));

    List<Prospect> found =
        store().prospects().prospects(new ProspectQuery("łUKASZ", null, null, 10, 0));

    assertThat(found).extracting(Prospect::fullName).containsExactly("Łukasz Nowak");
  }

  @Test
  default void matchesWildcardsInSearchTextLiterally() {
    store()
        .prospects()
        .saveProspects(
            List.of(
                aProspect().workingAt("100% Growth").at("https://www.linkedin.com/in/a").build(),
                aProspect().workingAt("1000 Growth").at("https://www.linkedin.com/in/b").build()));

    assertThat(store().prospects().countProspects(new ProspectQuery("100%", null, null, 10, 0)))
        .isEqualTo(1);
    assertThat(store().prospects().countProspects(new ProspectQuery("10_0", null, null, 10, 0)))
        .isZero();
  }

  @Test
  default void filtersByTagAndSeniorityTogether() {
    store()
        .prospects()
        .saveProspects(
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

    assertThat(store().prospects().prospects(query))
        .extracting(p -> p.profile().profileUrl().value())
        .containsExactly("https://www.linkedin.com/in/a");
    assertThat(store().prospects().countProspects(query)).isEqualTo(1);
    assertThat(store().prospects().countProspects(new ProspectQuery(null, "dac", null, 10, 0)))
        .isZero();
  }

  @Test
  default void filtersBySearchTextAndTagTogetherWithWildcardsAndBangsLiteral() {
    store()
        .prospects()
        .saveProspects(
            List.of(
                aProspect().workingAt("Yes! 100%").tagged("dach").at(url("a")).build(),
                aProspect().workingAt("Yes! 100%").tagged("nordics").at(url("b")).build(),
                aProspect().workingAt("Yes 1000").tagged("dach").at(url("c")).build()));

    ProspectQuery query = new ProspectQuery("yes! 100%", "dach", null, 10, 0);

    assertThat(store().prospects().prospects(query))
        .extracting(p -> p.profile().profileUrl().value())
        .containsExactly(url("a"));
    assertThat(store().prospects().countProspects(query)).isEqualTo(1);
    assertThat(store().prospects().countProspects(new ProspectQuery("yes!", "da_h", null, 10, 0)))
        .isZero();
  }

  @Test
  default void filtersByWhereEachPersonStandsWithWarmreach() {
    Instant now = clock().instant();
    ProspectProfile fresh = aProspect().named("New", "Person").at(url("fresh")).build();
    store().prospects().saveProspects(List.of(fresh));
    Touch enrolled =
        PlannedTouches.plant(
            store(),
            aProspect().named("In", "Campaign").at(url("enrolled")).build(),
            Channel.CONNECT,
            null,
            now);
    Touch replied =
        PlannedTouches.plant(
            store(),
            aProspect().named("Has", "Replied").at(url("replied")).build(),
            Channel.CONNECT,
            null,
            now);
    store()
        .engineSteps()
        .recordEvent(new Event.Replied(replied.prospectId(), now, "reply-1", Channel.DM));
    ProspectProfile done = aProspect().named("Went", "Through").at(url("completed")).build();
    store().prospects().saveProspects(List.of(done));
    long doneId = store().prospects().prospectByUrl(done.profileUrl()).orElseThrow().id();
    long campaignId =
        store().campaigns().campaign(PlannedTouches.CAMPAIGN).orElseThrow().campaign().id();
    store()
        .campaigns()
        .enroll(
            List.of(
                Enrollment.start(0, campaignId, doneId, PlannedTouches.ACCOUNT, "step-1", now)));
    long doneEnrollment = store().campaigns().enrollmentsOf(doneId).get(0).id();
    store()
        .engineSteps()
        .advance(
            doneEnrollment,
            now,
            (e, p, a) ->
                new Advance(
                    e.finished(Enrollment.Status.COMPLETED), p.history(), a, List.of(), null))
        .orElseThrow();
    ProspectProfile listed = aProspect().named("Do", "Not").at(url("listed")).build();
    store().prospects().saveProspects(List.of(listed));
    store().doNotContact().addDoNotContact(listed.profileUrl(), null, "asked us to stop");

    assertThat(names(ProspectQuery.Status.NEW)).containsExactly("New Person");
    assertThat(names(ProspectQuery.Status.ENROLLED)).containsExactly("In Campaign", "Has Replied");
    assertThat(names(ProspectQuery.Status.REPLIED)).containsExactly("Has Replied");
    assertThat(names(ProspectQuery.Status.COMPLETED)).containsExactly("Went Through");
    assertThat(names(ProspectQuery.Status.DO_NOT_CONTACT)).containsExactly("Do Not");
    assertThat(
            store()
                .prospects()
                .countProspects(
                    new ProspectQuery("replied", null, null, ProspectQuery.Status.REPLIED, 10, 0)))
        .isEqualTo(1);
    assertThat(store().campaigns().enrollmentsOf(enrolled.prospectId()))
        .extracting(Enrollment::status)
        .containsExactly(Enrollment.Status.ACTIVE);
    assertThat(store().campaigns().enrollmentsOf(doneId))
        .extracting(Enrollment::status)
        .containsExactly(Enrollment.Status.COMPLETED);
  }

  @Test
  default void knowsTheirLatestPostAndSignalAndWhenWeFirstRequestedAndEngaged() {
    Instant now = clock().instant();
    Touch request =
        PlannedTouches.plant(
            store(),
            aProspect().named("Maria", "Okafor").at(url("maria")).build(),
            Channel.CONNECT,
            null,
            now);
    Touch skipped =
        PlannedTouches.plant(
            store(),
            aProspect().named("Jo", "Berg").at(url("jo")).build(),
            Channel.CONNECT,
            null,
            now);
    Touch liked =
        PlannedTouches.plant(
            store(),
            aProspect().named("Lee", "Park").at(url("lee")).build(),
            Channel.ENGAGE,
            null,
            now);
    long maria = request.prospectId();
    EngineSteps steps = store().engineSteps();
    steps.recordEvent(new Event.PostPublished(maria, now.plusSeconds(60), "p-1", "older topic"));
    steps.recordEvent(
        new Event.PostPublished(maria, now.plusSeconds(120), "p-2", "SDRs in Berlin"));
    steps.recordEvent(new Event.PostPublished(maria, now.plusSeconds(180), "p-3", ""));
    steps.recordEvent(
        new Event.Signal(
            maria, now.plusSeconds(60), "s-1", Event.Signal.Kind.ROLE_CHANGE, "now VP Sales"));
    steps.recordEvent(
        new Event.Signal(maria, now.plusSeconds(30), "s-2", Event.Signal.Kind.HIRING, ""));
    store().touches().finishTouch(skipped.idempotencyKey(), Touch.Status.SKIPPED, now);
    store().touches().finishTouch(liked.idempotencyKey(), Touch.Status.DONE, now.plusSeconds(7));

    ProspectFacts facts = store().prospects().facts(maria);

    assertThat(facts.latestPost())
        .as("the latest post with a topic")
        .isEqualTo(new ProspectFacts.Post("SDRs in Berlin", now.plusSeconds(120)));
    assertThat(facts.latestSignal())
        .isEqualTo(
            new ProspectFacts.SignalSeen(
                Event.Signal.Kind.ROLE_CHANGE, "now VP Sales", now.plusSeconds(60)));
    assertThat(facts.requestSentAt()).as("a planned request is on its way").isEqualTo(now);
    assertThat(facts.engagedAt()).isNull();
    assertThat(store().prospects().facts(skipped.prospectId()).requestSentAt())
        .as("a skipped request never went out")
        .isNull();
    assertThat(store().prospects().facts(liked.prospectId()).engagedAt())
        .isEqualTo(now.plusSeconds(7));
    assertThat(store().prospects().prospectState(maria).orElseThrow().facts()).isEqualTo(facts);
    assertThat(store().prospects().facts(liked.prospectId()).latestPost()).isNull();
  }

  @Test
  default void aPostNamedByItsLinkCountsAsTheirLatestPostWithTheLink() {
    Instant now = Instant.parse("2026-03-02T09:00:00Z");
    Touch request =
        PlannedTouches.plant(
            store(),
            aProspect().named("Maria", "Keller").at(url("maria-link")).build(),
            Channel.CONNECT,
            null,
            now);
    long maria = request.prospectId();
    PostLink link =
        new PostLink(
            "urn:li:activity:7290000000000000000",
            "https://www.linkedin.com/feed/update/urn:li:activity:7290000000000000000/");
    EngineSteps steps = store().engineSteps();
    steps.recordEvent(new Event.PostPublished(maria, now.plusSeconds(60), "pl-1", "SDRs"));
    steps.recordEvent(new Event.PostPublished(maria, now.plusSeconds(120), "pl-2", "", link));

    ProspectFacts facts = store().prospects().facts(maria);

    assertThat(facts.latestPost())
        .isEqualTo(new ProspectFacts.Post("", now.plusSeconds(120), link));
    assertThat(store().engineSteps().eventByKey("pl-2"))
        .contains(new Event.PostPublished(maria, now.plusSeconds(120), "pl-2", "", link));
  }

  private List<String> names(ProspectQuery.Status status) {
    ProspectQuery query = new ProspectQuery(null, null, null, status, 10, 0);
    assertThat(store().prospects().countProspects(query))
        .isEqualTo(store().prospects().prospects(query).size());
    return store().prospects().prospects(query).stream().map(Prospect::fullName).toList();
  }

  private static String url(String slug) {
    return "https://www.linkedin.com/in/" + slug;
  }

  @Test
  default void listsAProspectsEventsOldestFirst() {
    Instant now = clock().instant();
    Touch touch =
        PlannedTouches.plant(
            store(),
            aProspect().named("Ana", "Silva").at(url("ana")).build(),
            Channel.CONNECT,
            null,
            now);
    long id = touch.prospectId();
    store()
        .engineSteps()
        .recordEvent(new Event.Replied(id, now.plusSeconds(7200), "reply", Channel.DM));
    store().engineSteps().recordEvent(new Event.Accepted(id, now.plusSeconds(3600), "accept"));
    store().engineSteps().recordEvent(new Event.Accepted(id, now.plusSeconds(3600), "accept"));

    assertThat(store().prospects().events(id))
        .extracting(StoredEvent::kind, StoredEvent::channel, StoredEvent::at)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ACCEPTED", null, now.plusSeconds(3600)),
            org.assertj.core.groups.Tuple.tuple("REPLIED", Channel.DM, now.plusSeconds(7200)));
    assertThat(store().prospects().events(id + 1000)).isEmpty();
  }

  @Test
  default void aPreviewOfASaveCountsWhatItWouldDoAndWritesNothing() {
    ProspectProfile known = aProspect().titled("Engineer").at(url("known")).build();
    ProspectProfile listed = aProspect().at(url("listed")).build();
    store().prospects().saveProspects(List.of(known));
    store().doNotContact().addDoNotContact(listed.profileUrl(), null, "asked us to stop");
    List<ProspectProfile> batch =
        List.of(
            aProspect().titled("VP Sales").at(url("known")).build(),
            aProspect().at(url("someone-new")).build(),
            listed);

    ProspectWrite preview = store().prospects().previewProspects(batch);

    assertThat(preview).isEqualTo(new ProspectWrite(1, 1, 0, 1));
    assertThat(store().prospects().countProspects(ProspectQuery.all(1))).isEqualTo(1);
    assertThat(
            store()
                .prospects()
                .prospectByUrl(new ProfileUrl(url("known")))
                .orElseThrow()
                .profile()
                .title())
        .isEqualTo("Engineer");
    assertThat(store().prospects().saveProspects(batch)).isEqualTo(preview);
  }

  @Test
  default void pagesThroughProspectsInTheOrderTheyWereAdded() {
    List<ProspectProfile> batch = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      batch.add(aProspect().named("P" + i, "X").at("https://www.linkedin.com/in/p" + i).build());
    }
    store().prospects().saveProspects(batch);

    List<Prospect> page =
        store().prospects().prospects(new ProspectQuery(null, null, null, 10, 20));

    assertThat(page)
        .extracting(p -> p.profile().firstName())
        .containsExactly("P20", "P21", "P22", "P23", "P24");
  }
}
