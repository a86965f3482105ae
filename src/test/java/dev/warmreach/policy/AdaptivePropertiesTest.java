package dev.warmreach.policy;

import static dev.warmreach.testing.AProspect.aProspect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.domain.ActivityLevel;
import dev.warmreach.domain.CampaignSettings;
import dev.warmreach.domain.Channel;
import dev.warmreach.domain.ConnectionDegree;
import dev.warmreach.domain.Plan;
import dev.warmreach.domain.ProspectHistory;
import dev.warmreach.domain.ProspectHistory.Connection;
import dev.warmreach.domain.ProspectProfile;
import dev.warmreach.domain.Seniority;
import dev.warmreach.testing.AProspect;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Seeded property tests of the adaptive policy (issue 14's acceptance): whatever it has learned, it
 * never spends a credit it does not have, never sends an InMail the playbook's rules forbid, and
 * with nothing learned it decides exactly as the playbook does.
 */
class AdaptivePropertiesTest {

  private static final int CASES = 20_000;
  private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
  private static final String[] TITLES = {
    "VP Sales",
    "Chief Executive Officer",
    "Co-founder & CEO",
    "Director of IT",
    "IT Manager",
    "Software Engineer",
    "Consultant"
  };
  private final ChannelPolicy playbook = new Playbook();

  @Test
  void withNothingLearnedItDecidesAsThePlaybookDoes() {
    long seed = seed();
    Random random = new Random(seed);
    for (int i = 0; i < CASES; i++) {
      DecisionInput in = anInput(random);
      LearnedRates nothing = new LearnedRates(Evidence.NONE, Evidence.NONE, someTags(random));
      ChannelPolicy adaptive = new Adaptive(() -> nothing, new Draws(seed));
      assertThat(adaptive.decide(in))
          .as("seed %d, case %d: %s", seed, i, in)
          .isEqualTo(playbook.decide(in));
    }
  }

  @Test
  void neverSpendsACreditItDoesNotHaveNorSendsAnInmailTheRulesForbid() {
    long seed = seed();
    Random random = new Random(seed);
    int inmails = 0;
    int departures = 0;
    for (int i = 0; i < CASES; i++) {
      DecisionInput in = anInput(random);
      Set<String> segmentTags = someTags(random);
      Segment theirs = Segment.of(in.prospect(), in.campaign(), segmentTags);
      LearnedRates learned =
          new LearnedRates(anEvidence(random, theirs), anEvidence(random, theirs), segmentTags);
      ChannelPolicy adaptive = new Adaptive(() -> learned, new Draws(seed + i));
      Decision decision = adaptive.decide(in);
      Decision rules = playbook.decide(in);
      String context = "seed " + seed + ", case " + i + ": " + in + " -> " + decision.summary();
      if (!decision.equals(rules)) {
        departures++;
      }
      if (decision instanceof Decision.Send send && send.channel() == Channel.INMAIL) {
        inmails++;
        assertThat(in.plan().canSendInmail()).as(context).isTrue();
        assertThat(in.creditsLeft() > 0 || in.prospect().openProfile()).as(context).isTrue();
        assertThat(in.history().inmailsSent()).as(context).isZero();
        assertThat(in.proposed()).as(context).isIn(Channel.CONNECT, Channel.INMAIL);
        if (in.proposed() == Channel.INMAIL) {
          // A follow-up InMail goes only where the playbook's rules send one (high value).
          assertThat(rules).as(context).isInstanceOf(Decision.Send.class);
          assertThat(((Decision.Send) rules).channel()).as(context).isEqualTo(Channel.INMAIL);
        } else if (in.history().engaged()) {
          // A warm prospect gets a first InMail only once they are known not to accept requests.
          Segment segment = learned.segmentOf(in.prospect(), in.campaign());
          assertThat(learned.belief(segment, LearnedRate.ACCEPTANCE_WARM).high())
              .as(context)
              .isLessThan(ExpectedReplies.WOULD_ACCEPT);
        }
      }
      if (rules instanceof Decision.Send send && send.channel() == Channel.DM) {
        assertThat(decision).as("never skip the follow-up; " + context).isEqualTo(rules);
      }
      if (decision instanceof Decision.Send send) {
        assertThat(Eligibility.blocked(withProposed(in, send.channel()))).as(context).isEmpty();
      }
    }
    System.out.printf(
        "seed %d: %d InMails, %d departures from the playbook%n", seed, inmails, departures);
    assertThat(inmails).as("the property saw InMails").isPositive();
    assertThat(departures).as("the evidence changed some choices").isPositive();
  }

  private static DecisionInput withProposed(DecisionInput in, Channel channel) {
    return new DecisionInput(
        in.prospect(),
        in.history(),
        in.plan(),
        in.creditsLeft(),
        in.noteAvailable(),
        in.campaign(),
        channel,
        in.now());
  }

  private static long seed() {
    long seed = Long.getLong("seed", System.nanoTime());
    System.out.println("AdaptivePropertiesTest seed " + seed + " (rerun with -Dseed=" + seed + ")");
    return seed;
  }

  private static DecisionInput anInput(Random random) {
    AProspect prospect =
        aProspect()
            .titled(TITLES[random.nextInt(TITLES.length)])
            .active(pick(random, ActivityLevel.values()))
            .at("https://www.linkedin.com/in/p-" + random.nextInt(1_000_000));
    if (random.nextBoolean()) {
      prospect = prospect.withEmail("p@example.com");
    }
    if (random.nextInt(5) == 0) {
      prospect = prospect.withOpenProfile();
    }
    prospect =
        prospect.tagged(someTags(random, "high-value", "fintech", "saas").toArray(String[]::new));
    prospect = prospect.connected(pick(random, ConnectionDegree.values()));
    ProspectProfile profile = prospect.build();
    ProspectHistory history = ProspectHistory.start(profile.degree());
    int touches = random.nextInt(3);
    for (int t = 0; t < touches; t++) {
      history =
          history.touched(
              random.nextInt(4) == 0 ? Channel.INMAIL : Channel.ENGAGE,
              NOW.minus(Duration.ofDays(random.nextInt(60))));
    }
    if (random.nextBoolean()) {
      history = history.withEngagement();
    }
    history = history.withConnection(pick(random, Connection.values()));
    CampaignSettings campaign =
        new CampaignSettings(
            random.nextInt(5) == 0,
            random.nextInt(5) == 0,
            Set.of(Seniority.C_SUITE, Seniority.VP, Seniority.DIRECTOR),
            "high-value");
    return new DecisionInput(
        profile,
        history,
        pick(random, Plan.values()),
        random.nextInt(4) == 0 ? 0 : random.nextInt(60),
        random.nextBoolean(),
        campaign,
        pick(random, Channel.values()),
        NOW);
  }

  /**
   * Random outcomes for random segments, from none to hundreds of touches; often for {@code
   * theirs}, the segment of the prospect decided on.
   */
  private static Evidence anEvidence(Random random, Segment theirs) {
    Evidence evidence = Evidence.NONE;
    int segments = random.nextInt(6);
    for (int s = 0; s < segments; s++) {
      Segment segment =
          s == 0 && random.nextInt(4) != 0
              ? theirs
              : new Segment(
                  pick(random, Seniority.values()),
                  pick(random, ActivityLevel.values()),
                  random.nextBoolean(),
                  random.nextBoolean(),
                  pick(random, ConnectionDegree.values()),
                  someTags(random));
      for (LearnedRate rate : LearnedRate.values()) {
        int sent = random.nextInt(3) == 0 ? 0 : random.nextInt(300);
        int succeeded = sent == 0 ? 0 : random.nextInt(sent + 1);
        evidence = evidence.with(segment, rate, new Tally(sent, succeeded));
      }
    }
    return evidence;
  }

  /** The tags a campaign may segment by, or a prospect carry: any of {@code tags}. */
  private static Set<String> someTags(Random random, String... tags) {
    String[] from = tags.length == 0 ? new String[] {"fintech", "saas"} : tags;
    Set<String> some = new java.util.TreeSet<>();
    for (String tag : from) {
      if (random.nextInt(3) == 0) {
        some.add(tag);
      }
    }
    return some;
  }

  private static <T> T pick(Random random, T[] values) {
    return values[random.nextInt(values.length)];
  }
}
