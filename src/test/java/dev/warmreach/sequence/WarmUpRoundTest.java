package dev.warmreach.sequence;

import static dev.warmreach.testing.AProspect.aProspect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.definition.CampaignFile;
import dev.warmreach.domain.Channel;
import dev.warmreach.domain.ConnectionDegree;
import dev.warmreach.domain.Message;
import dev.warmreach.domain.Plan;
import dev.warmreach.domain.ProspectFacts;
import dev.warmreach.domain.ProspectHistory;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.domain.WorkingHours;
import dev.warmreach.message.CampaignMessages;
import dev.warmreach.message.Review;
import dev.warmreach.message.Severity;
import dev.warmreach.policy.ChannelPolicy;
import dev.warmreach.quota.AccountLimits;
import dev.warmreach.quota.AccountState;
import dev.warmreach.testing.Engines;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The daily warm-up round: each prospect in warm-up gets their latest post liked and a comment
 * drafted on it, within the account's daily engagement cap and working hours.
 */
class WarmUpRoundTest {

  /** Monday 10:00 in Berlin. */
  private static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final SenderAccount SENDER =
      new SenderAccount("sdr-1", Plan.SALES_NAVIGATOR, 200, 50, BERLIN, WorkingHours.OFFICE);
  private static final String TOPIC = "why we moved our SDR team to Berlin";

  private static SequenceEngine engine(boolean commentsNeedApproval) {
    CampaignDefinition d = CampaignFile.defaults();
    CampaignDefinition definition =
        new CampaignDefinition(
            d.sequence(),
            d.templates(),
            d.settings().withCommentsNeedApproval(commentsNeedApproval),
            d.author());
    return definition.engine(
        ChannelPolicy.named("playbook"), CampaignMessages.of(definition, Engines.COACH));
  }

  private static ProspectState whoPosted(long id) {
    return new ProspectState(
            id,
            aProspect().named("Maria", "Lopez").titled("Sales Manager").build(),
            false,
            ProspectHistory.start(ConnectionDegree.SECOND))
        .with(
            new ProspectFacts(
                new ProspectFacts.Post(TOPIC, MONDAY.minus(Duration.ofDays(1))),
                null,
                "",
                null,
                null));
  }

  private static AccountState account(AccountLimits limits) {
    return AccountState.open(SENDER, limits, MONDAY.minus(Duration.ofDays(30)));
  }

  private static Command.Send warmUp(SequenceEngine engine, ProspectState p) {
    Advance a =
        engine.advance(
            engine.enroll(p.id(), 1, p.id(), "sdr-1", MONDAY),
            p,
            account(AccountLimits.defaultsFor(SENDER)),
            MONDAY);
    return a.commands().stream()
        .filter(Command.Send.class::isInstance)
        .map(Command.Send.class::cast)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void theWarmUpNamesTheirLatestPostAndCarriesACommentOnItForApproval() {
    Command.Send send = warmUp(engine(true), whoPosted(7));

    Message m = send.message();
    assertThat(send.channel()).isEqualTo(Channel.ENGAGE);
    assertThat(m.subject()).isEqualTo(TOPIC);
    assertThat(m.body()).contains(TOPIC).contains("Maria").hasSizeLessThan(1_250);
    Review review = Engines.COACH.review(Channel.DM, null, m.body(), true);
    assertThat(review.findings())
        .as(m.body())
        .noneMatch(f -> f.severity() == Severity.ERROR)
        .noneMatch(f -> f.ruleId().contains("pitch") || f.ruleId().contains("commitment"));
    assertThat(send.withNote()).as("the comment waits for the user's approval").isFalse();
  }

  @Test
  void aCampaignThatLetsCommentsGoAutomaticallyMarksTheCommentToBePosted() {
    Command.Send send = warmUp(engine(false), whoPosted(7));

    assertThat(send.message().body()).contains(TOPIC);
    assertThat(send.withNote()).isTrue();
  }

  @Test
  void withoutAKnownPostTheWarmUpIsALikeOfTheirMostRecentPostAndNoComment() {
    ProspectState neverPosted =
        new ProspectState(
            8,
            aProspect().titled("Sales Manager").build(),
            false,
            ProspectHistory.start(ConnectionDegree.SECOND));

    Command.Send send = warmUp(engine(false), neverPosted);

    assertThat(send.message().subject()).isEmpty();
    assertThat(send.message().body()).isEmpty();
    assertThat(send.withNote()).isFalse();
  }

  @Test
  void aRoundKeepsToTheAccountsDailyEngagementCapAndWorkingHours() {
    // given a new account ramping up: 5 warm-ups a day
    SequenceEngine engine = engine(true);
    AccountState account =
        AccountState.open(SENDER, AccountLimits.defaultsFor(SENDER).withRampUpFrom(MONDAY), MONDAY);
    List<Instant> engagedAt = new ArrayList<>();
    List<Instant> deferredTo = new ArrayList<>();

    // when eight prospects are due at once
    for (long id = 1; id <= 8; id++) {
      ProspectState p = whoPosted(id);
      Advance a = engine.advance(engine.enroll(id, 1, id, "sdr-1", MONDAY), p, account, MONDAY);
      Instant at = MONDAY;
      while (a.commands().stream().noneMatch(Command.Send.class::isInstance)) {
        at = a.enrollment().nextDueAt();
        deferredTo.add(at);
        a = engine.advance(a.enrollment(), p, account, at);
      }
      engagedAt.add(at);
      account = a.account();
    }

    // then at most five on Monday, every one inside working hours
    assertThat(engagedAt.stream().filter(t -> t.isBefore(MONDAY.plus(Duration.ofHours(15)))))
        .hasSize(5);
    assertThat(engagedAt).allMatch(t -> WorkingHours.OFFICE.contains(t, BERLIN));
    assertThat(deferredTo).isNotEmpty();
  }

  @Test
  void aFirstRoundHeldBackForLongerThanTheRoundsStillHappensAndTheSecondFollowsIt() {
    SequenceEngine engine = engine(true);
    ProspectState p = whoPosted(7);
    AccountState account = account(AccountLimits.defaultsFor(SENDER));
    Instant late = MONDAY.plus(Duration.ofDays(7)); // the queue held them a week

    Advance first = engine.advance(engine.enroll(7, 1, 7, "sdr-1", MONDAY), p, account, late);
    Advance second =
        engine.advance(
            first.enrollment(),
            p.with(first.history()),
            first.account(),
            late.plus(Duration.ofDays(3)));

    assertThat(first.commands())
        .filteredOn(Command.Send.class::isInstance)
        .extracting(c -> ((Command.Send) c).idempotencyKey())
        .containsExactly("e7:warm-up:0");
    assertThat(first.enrollment().nextDueAt()).isEqualTo(late.plus(Duration.ofDays(3)));
    assertThat(second.commands())
        .filteredOn(Command.Send.class::isInstance)
        .extracting(c -> ((Command.Send) c).idempotencyKey())
        .containsExactly("e7:warm-up:1");
  }
}
