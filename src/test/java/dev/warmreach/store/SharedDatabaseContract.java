package dev.warmreach.store;

import static dev.warmreach.testing.AProspect.aProspect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Enrollment;
import dev.warmreach.domain.Event;
import dev.warmreach.domain.Message;
import dev.warmreach.domain.Touch;
import dev.warmreach.policy.Decision;
import dev.warmreach.sequence.Advance;
import dev.warmreach.sequence.Command;
import dev.warmreach.testing.PlannedTouches;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * What nodes sharing one database rely on: a step that lost a version race writes nothing, each
 * touch has one claimant at a time, a crashed node's claims lapse, and a woken enrollment runs
 * once. Each race is run with two stores on one database, as two nodes would open it; on SQLite
 * their writers take turns, on PostgreSQL they overlap.
 */
interface SharedDatabaseContract extends StoreFixture {

  Set<Channel> EMAIL = Set.of(Channel.EMAIL);
  Duration CLAIM = Duration.ofMinutes(2);

  @Test
  default void anAdvanceThatLosesTheVersionRaceWritesNothingAndReturnsEmpty() {
    Touch first = anAcceptedEmailTouch();
    Enrollment due = enrollmentOf(first);
    long campaign = due.campaignId();
    int decisions = store().analytics().decisions(campaign, null, 100).size();

    Optional<Advance> step = advanceWhileAnotherWriterWakesIt(due);

    assertThat(step).isEmpty();
    assertThat(enrollmentOf(first)).isEqualTo(due);
    assertThat(store().touches().touches(first.prospectId())).containsExactly(first);
    assertThat(store().prospects().events(first.prospectId()))
        .extracting(StoredEvent::kind)
        .containsExactly("ACCEPTED");
    assertThat(store().analytics().decisions(campaign, null, 100)).hasSize(decisions);
  }

  @Test
  default void aStepThatLosesItsRaceInsideARunIsUndoneAloneAndTheRestOfTheRunLands() {
    Touch first = anAcceptedEmailTouch();
    Enrollment due = enrollmentOf(first);
    int decisions = store().analytics().decisions(due.campaignId(), null, 100).size();

    Optional<Advance> step =
        store()
            .engineSteps()
            .together(
                () -> {
                  Optional<Advance> lost = advanceWhileAnotherWriterWakesIt(due);
                  store()
                      .engineSteps()
                      .recordEvent(
                          new Event.Replied(
                              first.prospectId(), START.plusSeconds(90), "rep-1", Channel.EMAIL));
                  return lost;
                });

    assertThat(step).isEmpty();
    assertThat(store().touches().touches(first.prospectId())).containsExactly(first);
    assertThat(store().analytics().decisions(due.campaignId(), null, 100)).hasSize(decisions);
    // The event written inside the lost step went with it; the one after it landed.
    assertThat(store().prospects().events(first.prospectId()))
        .extracting(StoredEvent::kind)
        .containsExactly("ACCEPTED", "REPLIED");
  }

  @Test
  default void aRunsDecisionsAndTotalsLandOnceWithItsCommitAndNotAtAllWhenItFails() {
    Touch first = anAcceptedEmailTouch();
    Enrollment due = enrollmentOf(first);
    long campaign = due.campaignId();
    int decisions = store().analytics().decisions(campaign, null, 100).size();
    long plannedDms = plannedOn(campaign, Channel.DM);

    try {
      store()
          .engineSteps()
          .together(
              () -> {
                store()
                    .engineSteps()
                    .advance(due.id(), START.plusSeconds(120), secondStep(START.plusSeconds(120)));
                throw new IllegalStateException("the run stops here");
              });
    } catch (IllegalStateException expected) {
      assertThat(expected).hasMessage("the run stops here");
    }
    assertThat(store().analytics().decisions(campaign, null, 100)).hasSize(decisions);
    assertThat(plannedOn(campaign, Channel.DM)).isEqualTo(plannedDms);

    Optional<Advance> step =
        store()
            .engineSteps()
            .together(
                () ->
                    store()
                        .engineSteps()
                        .advance(
                            due.id(), START.plusSeconds(120), secondStep(START.plusSeconds(120))));

    assertThat(step).isPresent();
    assertThat(store().analytics().decisions(campaign, null, 100)).hasSize(decisions + 1);
    assertThat(plannedOn(campaign, Channel.DM)).isEqualTo(plannedDms + 1);
  }

  private long plannedOn(long campaign, Channel channel) {
    return store().analytics().campaignStats(campaign).planned().getOrDefault(channel.name(), 0L);
  }

  @Test
  default void aRunThatFailsLeavesNothingOfItsWritesAndReadsInsideItSeeThem() {
    Touch first = anEmailTouch();
    long prospect = first.prospectId();
    Enrollment before = enrollmentOf(first);

    List<String> seenInside = new ArrayList<>();
    try {
      store()
          .engineSteps()
          .together(
              () -> {
                store()
                    .engineSteps()
                    .recordEvent(new Event.Accepted(prospect, START.plusSeconds(60), "acc-1"));
                store().prospects().events(prospect).forEach(ev -> seenInside.add(ev.kind()));
                throw new IllegalStateException("the run stops here");
              });
    } catch (IllegalStateException expected) {
      assertThat(expected).hasMessage("the run stops here");
    }

    assertThat(seenInside).containsExactly("ACCEPTED");
    assertThat(store().prospects().events(prospect)).isEmpty();
    assertThat(enrollmentOf(first)).isEqualTo(before);

    store()
        .engineSteps()
        .together(
            () -> {
              store()
                  .engineSteps()
                  .recordEvent(new Event.Accepted(prospect, START.plusSeconds(60), "acc-1"));
              return store()
                  .engineSteps()
                  .recordEvent(
                      new Event.Replied(prospect, START.plusSeconds(90), "rep-1", Channel.EMAIL));
            });
    assertThat(store().prospects().events(prospect))
        .extracting(StoredEvent::kind)
        .containsExactly("ACCEPTED", "REPLIED");
  }

  @Test
  default void dueTimesTellWhenEachKindOfWorkCanNextBeDone() {
    Touch touch = anEmailTouch();
    EngineSteps steps = store().engineSteps();
    Enrollment enrollment = enrollmentOf(touch);

    DueTimes planned = steps.dueTimes();
    assertThat(planned.touches()).isEqualTo(touch.dueAt());
    assertThat(planned.reactions()).isNull();
    assertThat(planned.next()).isEqualTo(Optional.ofNullable(planned.enrollments()));

    steps.claimTouches("node-a", EMAIL, START, START.plus(CLAIM), 10);
    Instant reaction = START.plusSeconds(600);
    store()
        .simulatedReactions()
        .scheduleReactions(
            List.of(
                new SimulatedReaction(
                    touch.prospectId(), "ACCEPTED", Channel.CONNECT, reaction, "reaction-1")));

    DueTimes claimed = steps.dueTimes();
    assertThat(claimed.touches()).as("when the claim lapses").isEqualTo(START.plus(CLAIM));
    assertThat(claimed.touchesDue(START)).isFalse();
    assertThat(claimed.reactions()).isEqualTo(reaction);
    assertThat(claimed.reactionsDue(reaction)).isTrue();
    assertThat(claimed.reactionsDue(reaction.minusMillis(1))).isFalse();
    assertThat(claimed.enrollments()).isEqualTo(planned.enrollments());
    assertThat(claimed.next())
        .contains(
            enrollment.nextDueAt() == null || reaction.isBefore(claimed.enrollments())
                ? reaction
                : claimed.enrollments());
    assertThat(steps.nextDue()).isEqualTo(claimed.next());
  }

  @Test
  default void dueTimesBringTheSoonestDueEnrollmentsInTheOrderAPassTakesThem() {
    long campaign = enrollmentOf(anEmailTouch()).campaignId();
    for (int i = 0; i < 20; i++) {
      store()
          .prospects()
          .saveProspects(
              List.of(
                  aProspect()
                      .named("Due" + i, "Example")
                      .at("https://www.linkedin.com/in/due-" + i)
                      .build()));
    }
    List<Long> people =
        store().prospects().prospects(ProspectQuery.all(10_000)).stream()
            .filter(
                p ->
                    p.profile().profileUrl() != null
                        && p.profile().profileUrl().toString().contains("/due-"))
            .map(p -> p.id())
            .toList();
    List<Enrollment> enrolled = new ArrayList<>();
    for (int i = 0; i < people.size(); i++) {
      // Several fall due at the same instant: ties go by id.
      enrolled.add(
          Enrollment.start(
              0,
              campaign,
              people.get(i),
              PlannedTouches.ACCOUNT,
              "step-1",
              START.plusSeconds(60L * (i % 7))));
    }
    store().campaigns().enroll(enrolled);
    EngineSteps steps = store().engineSteps();
    Instant later = START.plus(Duration.ofDays(400));
    List<Long> all = steps.dueEnrollments(later, 500);

    DueTimes due = steps.dueTimes();

    assertThat(due.soonest())
        .extracting(DueTimes.DueEnrollment::id)
        .containsExactlyElementsOf(all.subList(0, Math.min(16, all.size())));
    assertThat(due.enrollments())
        .isEqualTo(due.soonest().isEmpty() ? null : due.soonest().get(0).at());
    for (DueTimes.DueEnrollment e : due.soonest()) {
      due.dueAt(e.at(), 500)
          .ifPresent(ids -> assertThat(ids).isEqualTo(steps.dueEnrollments(e.at(), 500)));
    }
    if (all.size() > 16) {
      assertThat(due.dueAt(later, 500)).as("more are due than were read").isEmpty();
    }
  }

  @Test
  default void eachDueTouchIsClaimedByExactlyOneOfTwoNodes() throws Exception {
    List<String> planned = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      planned.add(
          PlannedTouches.email(
                  store(),
                  aProspect()
                      .named("Person" + i, "Example")
                      .at("https://www.linkedin.com/in/person-" + i)
                      .withEmail("person" + i + "@example.com")
                      .build(),
                  "Hello",
                  "Hi",
                  START)
              .idempotencyKey());
    }

    List<List<String>> claimed;
    try (Store other = reopenStore(clock())) {
      claimed =
          race(
              List.of(store(), other),
              node -> {
                // Carry out each claimed touch as an executor would, until none is left.
                List<String> mine = new ArrayList<>();
                List<Touch> batch;
                while (!(batch =
                        node.store
                            .engineSteps()
                            .claimTouches(node.name, EMAIL, START, START.plus(CLAIM), 3))
                    .isEmpty()) {
                  for (Touch touch : batch) {
                    mine.add(touch.idempotencyKey());
                    assertThat(
                            node.store
                                .touches()
                                .finishTouch(touch.idempotencyKey(), Touch.Status.DONE, START))
                        .isTrue();
                  }
                }
                return mine;
              });
    }

    List<String> a = claimed.get(0);
    List<String> b = claimed.get(1);
    List<String> byBoth = new ArrayList<>(a);
    byBoth.retainAll(b);
    List<String> byEither = new ArrayList<>(a);
    byEither.addAll(b);
    assertThat(byBoth).isEmpty();
    assertThat(byEither).containsExactlyInAnyOrderElementsOf(planned);
  }

  @Test
  default void aLapsedClaimIsPickedUpByAnotherNode() {
    Touch touch = anEmailTouch();
    Instant lapses = START.plus(CLAIM);

    try (Store other = reopenStore(clock())) {
      List<Touch> byA = store().engineSteps().claimTouches("node-a", EMAIL, START, lapses, 10);
      List<Touch> byBWhileHeld =
          other
              .engineSteps()
              .claimTouches("node-b", EMAIL, lapses.minusMillis(1), lapses.plus(CLAIM), 10);
      List<Touch> byBOnceLapsed =
          other.engineSteps().claimTouches("node-b", EMAIL, lapses, lapses.plus(CLAIM), 10);
      List<Touch> byAAfter =
          store()
              .engineSteps()
              .claimTouches("node-a", EMAIL, lapses.plusSeconds(1), lapses.plus(CLAIM), 10);

      assertThat(byA).extracting(Touch::id).containsExactly(touch.id());
      assertThat(byBWhileHeld).isEmpty();
      assertThat(byBOnceLapsed).extracting(Touch::id).containsExactly(touch.id());
      assertThat(byAAfter).isEmpty();
    }
  }

  @Test
  default void aWokenEnrollmentRunsOnceWhenTwoNodesStepItAtOnce() throws Exception {
    Touch first = anAcceptedEmailTouch();
    Enrollment woken = enrollmentOf(first);
    assertThat(store().engineSteps().nextDue()).contains(START.plusSeconds(60));
    Instant now = START.plusSeconds(120);
    // On PostgreSQL both nodes load the enrollment before either saves; on SQLite the second
    // cannot start until the first is done, so the first stops waiting for it after a while.
    CyclicBarrier bothLoaded = new CyclicBarrier(2);

    List<Boolean> stepped;
    try (Store other = reopenStore(clock())) {
      stepped =
          race(
              List.of(store(), other),
              node ->
                  node.store.engineSteps().dueEnrollments(now, 10).contains(woken.id())
                      && node.store
                          .engineSteps()
                          .advance(
                              woken.id(),
                              now,
                              (e, p, a) -> {
                                awaitQuietly(bothLoaded);
                                return secondStep(now).step(e, p, a);
                              })
                          .isPresent());
    }

    assertThat(stepped).containsOnlyOnce(true);
    Enrollment after = enrollmentOf(first);
    assertThat(after.step()).isEqualTo("step-2");
    assertThat(after.version()).isEqualTo(woken.version() + 1);
    assertThat(store().touches().touches(first.prospectId()))
        .extracting(Touch::step)
        .containsExactly("step-1", "step-2");
    assertThat(store().analytics().decisions(woken.campaignId(), first.prospectId(), 100))
        .filteredOn(d -> d.step().equals("step-2"))
        .hasSize(1);
  }

  /** A step to "step-2" that plans a message and then waits for an answer. */
  /** A planned email touch whose person then accepted the invitation, which wakes them. */
  private Touch anAcceptedEmailTouch() {
    Touch touch = anEmailTouch();
    store()
        .engineSteps()
        .recordEvent(new Event.Accepted(touch.prospectId(), START.plusSeconds(60), "acc-1"));
    return touch;
  }

  /**
   * Steps {@code due} while, between loading the enrollment and saving its step, another writer
   * wakes it again (a post by the person). Writers take turns on SQLite, so that writer runs on
   * this thread, inside the step's transaction: only the version check can tell the step's state is
   * stale.
   */
  private Optional<Advance> advanceWhileAnotherWriterWakesIt(Enrollment due) {
    return store()
        .engineSteps()
        .advance(
            due.id(),
            START.plusSeconds(120),
            (e, p, a) -> {
              store()
                  .engineSteps()
                  .recordEvent(
                      new Event.PostPublished(
                          due.prospectId(), START.plusSeconds(30), "post-1", "pricing"));
              return secondStep(START.plusSeconds(120)).step(e, p, a);
            });
  }

  private static StepWork secondStep(Instant now) {
    return (e, p, a) ->
        new Advance(
            e.at("step-2", now).dueAt(null),
            p.history(),
            a,
            List.of(
                new Command.Send(
                    e.id(),
                    e.prospectId(),
                    e.senderAccount(),
                    "step-2",
                    Channel.DM,
                    false,
                    "step-2",
                    Touch.keyFor(e.id(), "step-2", 0),
                    Decision.send(Channel.DM, false, "accepted"),
                    new Message("A", "", "Thanks for connecting", true))),
            null);
  }

  /** A store as one node uses it. */
  record Node(String name, Store store) {}

  /** Runs {@code work} for each store on a thread of its own, all at once; results in order. */
  private static <T> List<T> race(List<Store> stores, Function<Node, T> work) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(stores.size());
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> results = new ArrayList<>();
      for (int i = 0; i < stores.size(); i++) {
        Node node = new Node("node-" + i, stores.get(i));
        results.add(
            threads.submit(
                () -> {
                  start.await();
                  return work.apply(node);
                }));
      }
      start.countDown();
      List<T> out = new ArrayList<>();
      for (Future<T> result : results) {
        out.add(result.get(60, TimeUnit.SECONDS));
      }
      return out;
    } finally {
      threads.shutdownNow();
    }
  }

  private static void awaitQuietly(CyclicBarrier barrier) {
    try {
      barrier.await(2, TimeUnit.SECONDS);
    } catch (TimeoutException | BrokenBarrierException e) {
      // The other node could not load yet: its database lets one writer in at a time.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
