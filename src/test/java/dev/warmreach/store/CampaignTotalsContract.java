package dev.warmreach.store;

import static dev.warmreach.testing.AProspect.aProspect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.warmreach.domain.Campaign;
import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Enrollment;
import dev.warmreach.domain.Event;
import dev.warmreach.domain.Message;
import dev.warmreach.domain.Plan;
import dev.warmreach.domain.Prospect;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.domain.Touch;
import dev.warmreach.message.VariantTally;
import dev.warmreach.policy.Decision;
import dev.warmreach.quota.AccountLimits;
import dev.warmreach.quota.AccountState;
import dev.warmreach.sequence.Advance;
import dev.warmreach.sequence.Command;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A campaign's running totals, on every database: kept as touches and events are stored, an event
 * counted once for each campaign that had reached the person, an answer counted once; and the
 * latest decisions shown beside them.
 */
interface CampaignTotalsContract extends StoreFixture {

  String ACCOUNT = "sdr-1";

  Duration WEEK = Duration.ofDays(7);

  @Test
  default void countsAnAnswerOnceAndOnlyForTheCampaignThatReachedThePerson() {
    Prospect ana = anaAndHerSender();
    long reached = campaign("reached", ana);
    long other = campaign("other", ana);
    Touch request = plant(reached, ana, Channel.CONNECT, "note", START);
    assertThat(store().analytics().campaignStats(reached).planned())
        .containsExactly(entry("CONNECT", 1L));

    store()
        .touches()
        .finishTouch(request.idempotencyKey(), Touch.Status.DONE, START.plusSeconds(60));
    Instant later = START.plus(Duration.ofDays(1));
    store().engineSteps().recordEvent(new Event.Accepted(ana.id(), later, "accepted-1"));
    store()
        .engineSteps()
        .recordEvent(new Event.Accepted(ana.id(), later.plusSeconds(5), "accepted-again"));
    store()
        .engineSteps()
        .recordEvent(new Event.Replied(ana.id(), later.plusSeconds(60), "reply-1", Channel.DM));
    store()
        .engineSteps()
        .recordEvent(new Event.Replied(ana.id(), later.plusSeconds(90), "reply-2", Channel.DM));

    CampaignStats stats = store().analytics().campaignStats(reached);
    assertThat(stats.touches()).containsExactly(entry("CONNECT", 1L));
    assertThat(stats.planned()).isEmpty();
    assertThat(stats.events()).containsOnly(entry("ACCEPTED", 1L), entry("REPLIED", 1L));
    // The campaign sent no message, so the reply counts on what it did send: its request.
    assertThat(stats.replies()).containsExactly(entry("CONNECT", 1L));
    assertThat(stats.variants()).containsExactly(new VariantTally("note", "A", 1, 1, 1));

    CampaignStats untouched = store().analytics().campaignStats(other);
    assertThat(untouched.touches()).isEmpty();
    assertThat(untouched.events()).isEmpty();
    assertThat(untouched.replies()).isEmpty();
    assertThat(untouched.enrollments()).containsExactly(entry("ACTIVE", 1L));

    try (Store again = reopenStore(clock())) {
      assertThat(again.analytics().campaignStats(reached)).isEqualTo(stats);
    }
  }

  @Test
  default void countsTouchesAndAFirstReplyPerWeekForTheCampaignThatReachedThePerson() {
    Prospect ana = anaAndHerSender();
    long reached = campaign("reached", ana);
    long other = campaign("other", ana);
    Touch request = plant(reached, ana, Channel.CONNECT, "note", START);
    Instant sent = START.plusSeconds(60);
    Instant answered = START.plus(Duration.ofDays(8));

    store().touches().finishTouch(request.idempotencyKey(), Touch.Status.DONE, sent);
    store().engineSteps().recordEvent(new Event.Replied(ana.id(), answered, "reply-1", Channel.DM));
    store()
        .engineSteps()
        .recordEvent(new Event.Replied(ana.id(), answered.plusSeconds(60), "reply-2", Channel.DM));

    List<WeeklyActivity> expected =
        List.of(new WeeklyActivity(monday(sent), 1, 0), new WeeklyActivity(monday(answered), 0, 1));
    Instant since = monday(sent).minus(Duration.ofDays(7));
    assertThat(store().analytics().weeklyActivity(reached, since)).isEqualTo(expected);
    assertThat(store().analytics().weeklyActivity(other, since)).isEmpty();
    assertThat(store().analytics().weeklyActivity(null, since)).isEqualTo(expected);
    assertThat(store().analytics().weeklyActivity(reached, monday(answered)))
        .containsExactly(expected.get(1));
    try (Store again = reopenStore(clock())) {
      assertThat(again.analytics().weeklyActivity(reached, since)).isEqualTo(expected);
    }
  }

  @Test
  default void showsACampaignsLatestDecisionsNewestFirstAndOnlyItsOwn() {
    Prospect ana = anaAndHerSender();
    long reached = campaign("reached", ana);
    long other = campaign("other", ana);
    plant(reached, ana, Channel.CONNECT, "note", START);
    plant(other, ana, Channel.DM, "first-dm", START.plus(Duration.ofHours(1)));
    long reachedEnrollment = store().campaigns().enrollmentsOf(ana.id()).get(0).id();

    List<DecisionRecord> latest = store().analytics().decisions(reached, null, 10);

    assertThat(latest).isNotEmpty().allMatch(d -> d.enrollmentId() == reachedEnrollment);
    assertThat(latest)
        .extracting(DecisionRecord::at)
        .isSortedAccordingTo(Comparator.reverseOrder());
    assertThat(store().analytics().decisions(reached, ana.id(), 10)).isEqualTo(latest);
    assertThat(store().analytics().decisions(reached, null, 1)).containsExactly(latest.get(0));
    assertThat(store().analytics().decisions(other, null, 10))
        .isNotEmpty()
        .noneMatch(d -> d.enrollmentId() == reachedEnrollment);
  }

  /** Monday 00:00 UTC of the week of {@code at}. */
  private static Instant monday(Instant at) {
    return at.atZone(ZoneOffset.UTC)
        .toLocalDate()
        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
        .atStartOfDay(ZoneOffset.UTC)
        .toInstant();
  }

  @Test
  default void aSkippedTouchLeavesThePlannedCountAndIsNotSent() {
    Prospect ana = anaAndHerSender();
    long id = campaign("c", ana);
    Touch dm = plant(id, ana, Channel.DM, "first-dm", START);

    store().touches().finishTouch(dm.idempotencyKey(), Touch.Status.SKIPPED, START, "left out");

    CampaignStats stats = store().analytics().campaignStats(id);
    assertThat(stats.planned()).isEmpty();
    assertThat(stats.touches()).isEmpty();
    assertThat(stats.variants()).isEmpty();
  }

  @Test
  default void countsATouchsOutcomeForTheAdaptivePolicyOnlyOnceItsWeekHasPassed() {
    Prospect ana = anaAndHerSender();
    long id = campaign("learning", ana);
    Touch request = plant(id, ana, Channel.CONNECT, "note", START);
    store().touches().finishTouch(request.idempotencyKey(), Touch.Status.DONE, START);
    store()
        .engineSteps()
        .recordEvent(new Event.Accepted(ana.id(), START.plus(Duration.ofDays(2)), "accepted-1"));

    // Three days on, the request's week is still open: sent, its outcome not counted yet.
    List<OutcomeCount> early =
        store().analytics().outcomeCounts(START.plus(Duration.ofDays(3)).minus(WEEK));
    // Eight days on it is known, and on a reopened store (another node, a restart) the same.
    List<OutcomeCount> known =
        store().analytics().outcomeCounts(START.plus(Duration.ofDays(8)).minus(WEEK));

    assertThat(early)
        .containsExactly(
            new OutcomeCount(
                id,
                ana.profile().seniority(),
                ana.profile().activity(),
                ana.profile().hasEmail(),
                ana.profile().degree(),
                ana.profile().tags(),
                Channel.CONNECT,
                false,
                1,
                0,
                0));
    assertThat(known).hasSize(1);
    assertThat(known.get(0).sent()).isEqualTo(1);
    assertThat(known.get(0).succeeded()).isEqualTo(1);
    assertThat(known.get(0).failed()).isZero();
    try (Store again = reopenStore(clock())) {
      assertThat(again.analytics().outcomeCounts(START.plus(Duration.ofDays(8)).minus(WEEK)))
          .isEqualTo(known);
    }
  }

  @Test
  default void countsAnUnansweredInmailAsFailedOnceItsWeekHasPassed() {
    Prospect ana = anaAndHerSender();
    long id = campaign("learning", ana);
    Touch inmail = plant(id, ana, Channel.INMAIL, "inmail", START);
    store().touches().finishTouch(inmail.idempotencyKey(), Touch.Status.DONE, START);
    // An answer by email says nothing of the InMail.
    store()
        .engineSteps()
        .recordEvent(
            new Event.Replied(ana.id(), START.plus(Duration.ofDays(1)), "reply-1", Channel.EMAIL));

    List<OutcomeCount> counts =
        store().analytics().outcomeCounts(START.plus(Duration.ofDays(8)).minus(WEEK));

    assertThat(counts).hasSize(1);
    assertThat(counts.get(0).channel()).isEqualTo(Channel.INMAIL);
    assertThat(counts.get(0).failed()).isEqualTo(1);
    assertThat(counts.get(0).succeeded()).isZero();
  }

  /** Ana, stored, and the sender account the campaigns use. */
  private Prospect anaAndHerSender() {
    store().prospects().saveProspects(List.of(aProspect().build()));
    Prospect ana = store().prospects().prospects(ProspectQuery.all(10)).get(0);
    SenderAccount account =
        SenderAccount.withPlanDefaults(ACCOUNT, Plan.SALES_NAVIGATOR, ZoneOffset.UTC);
    store().accounts().addAccount(account);
    store()
        .accounts()
        .ensureAccountState(AccountState.open(account, AccountLimits.defaultsFor(account), START));
    return ana;
  }

  private long campaign(String name, Prospect prospect) {
    long id =
        store()
            .campaigns()
            .createCampaign(
                new Campaign(
                    0,
                    name,
                    List.of(ACCOUNT),
                    "playbook",
                    "combined",
                    Campaign.Status.ACTIVE,
                    START),
                "{}")
            .orElseThrow()
            .campaign()
            .id();
    store()
        .campaigns()
        .enroll(List.of(Enrollment.start(0, id, prospect.id(), ACCOUNT, "step-1", START)));
    return id;
  }

  /** A touch planned by the engine's step, as the live engine stores one. */
  private Touch plant(
      long campaignId, Prospect prospect, Channel channel, String template, Instant now) {
    Enrollment enrollment =
        store().campaigns().enrollments(campaignId, 10).stream()
            .filter(e -> e.prospectId() == prospect.id())
            .findFirst()
            .orElseThrow();
    String key = Touch.keyFor(enrollment.id(), "step-1", 0);
    Message message = new Message("A", "", "Hi Ana, your post on ramp time was sharp.", true);
    store()
        .engineSteps()
        .advance(
            enrollment.id(),
            now,
            (e, p, a) ->
                new Advance(
                    e.dueAt(null),
                    p.history().touched(channel, now),
                    a,
                    List.of(
                        new Command.Send(
                            e.id(),
                            e.prospectId(),
                            ACCOUNT,
                            "step-1",
                            channel,
                            channel == Channel.CONNECT,
                            template,
                            key,
                            Decision.send(channel, channel == Channel.CONNECT, "by the test"),
                            message)),
                    null))
        .orElseThrow();
    return store().touches().touches(prospect.id()).stream()
        .filter(t -> t.idempotencyKey().equals(key))
        .findFirst()
        .orElseThrow();
  }
}
