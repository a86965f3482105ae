package dev.warmreach.policy;

import dev.warmreach.domain.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The adaptive policy (SPEC §6): the playbook, until the user's own outcomes say otherwise. It
 * learns each segment's rates as Beta beliefs that start at the playbook's priors and move with the
 * outcomes observed, and picks the first touch with the most expected replies under the credits
 * left ({@link ExpectedReplies}). While a belief is still wide it explores by Thompson sampling:
 * the choice uses a seeded draw from the belief instead of its mean. A segment with no outcomes yet
 * is left to the playbook, so with nothing learned it decides exactly as the playbook does. Pure
 * and thread-safe given a thread-safe supplier; it reads the evidence, never a truth.
 */
public final class Adaptive implements ChannelPolicy {

  public static final String NAME = "adaptive";

  /** A belief wider than this (its 95% interval) is sampled rather than taken at its mean. */
  static final double EXPLORE_WIDTH = 0.20;

  /**
   * Known acceptance outcomes a segment needs before a credit is spent on a first InMail: until
   * then a request goes first, free, and what it shows decides the credits (an InMail can still
   * follow a week later, as the playbook's follow-up).
   */
  static final long KNOWN_BEFORE_CREDITS = 20;

  /**
   * A segment's InMails that may await their outcome at once while it is being learned: before
   * {@link #KNOWN_BEFORE_CREDITS} outcomes are known, while the account's requests are held back,
   * and for InMails only a draw chooses (exploring). Outcomes come a week after the send; without
   * this, every prospect decided that week got a credit on the same untested guess.
   */
  static final long INMAILS_IN_FLIGHT = 10;

  /**
   * A segment's requests that may await their outcome at once while its acceptance is being learned
   * (the request-first rule): enough to learn it in a week, and the rest wait a day at a time
   * rather than all taking a request, so those a credit suits are still there once it is known.
   */
  static final long REQUESTS_IN_FLIGHT = 20;

  /**
   * However sure the figures look, a segment's InMails awaiting an outcome are at most this many
   * times those whose outcome is known (and at least {@link #INMAILS_IN_FLIGHT}): outcomes come a
   * week after the send, so a segment whose first ten InMails happened to be answered often (34%
   * where it really answers 18%) got 130 more credits that week on that luck. The cap grows with
   * the evidence: 10, then 20 once ten are known, 60 once thirty are.
   */
  static final long INMAILS_IN_FLIGHT_PER_KNOWN = 2;

  /**
   * How long a warm prospect waits, at most, while requests to the segment's warm prospects learn
   * whether they accept (counted from the warm-up).
   */
  static final Duration LONGEST_WARM_WAIT = Duration.ofDays(28);

  private final ChannelPolicy playbook = new Playbook();
  private final Function<Instant, LearnedRates> rates;
  private final Draws draws;

  /**
   * @param rates what has been learned so far, read at each decision
   * @param draws the seeded source of Thompson sampling's draws
   */
  public Adaptive(Supplier<LearnedRates> rates, Draws draws) {
    this(now -> rates.get(), draws);
    Objects.requireNonNull(rates, "rates");
  }

  /**
   * @param rates what has been learned by a decision's time (a live campaign's are read from the
   *     store's outcomes)
   * @param draws the seeded source of Thompson sampling's draws
   */
  public Adaptive(Function<Instant, LearnedRates> rates, Draws draws) {
    this.rates = Objects.requireNonNull(rates, "rates");
    this.draws = Objects.requireNonNull(draws, "draws");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Decision decide(DecisionInput in) {
    Decision decision = playbook.decide(in);
    if (!(decision instanceof Decision.Send send)) {
      return decision;
    }
    Channel proposed = in.proposed();
    if (proposed != Channel.CONNECT && proposed != Channel.INMAIL) {
      return decision; // warm-ups, follow-ups after acceptance and emails stay as the playbook has
      // them
    }
    LearnedRates learned = rates.apply(in.now());
    Segment segment = learned.segmentOf(in.prospect(), in.campaign());
    if (learned.observations(segment) == 0) {
      return decision;
    }
    Figures figures = new Learned(learned, segment, draws, key(in), true);
    if (proposed == Channel.CONNECT) {
      Decision chosen = ExpectedReplies.firstTouch(in, send, segment, figures);
      LearnedRate acceptance =
          in.history().engaged() ? LearnedRate.ACCEPTANCE_WARM : LearnedRate.ACCEPTANCE_COLD;
      if (spendsCredit(in, chosen) && figures.exploring()) {
        // Exploring with a credit is worth it only while no segment surely earns more with it. The
        // credit then goes to them, and the prospect takes what the means choose — unless that is a
        // request they surely mostly ignore: those lower the account's acceptance rate until its
        // guard holds back everyone's requests.
        Segment better = earnsMoreWithACredit(learned, segment, gain(learned, segment, acceptance));
        Figures means = new Learned(learned, segment, draws, key(in), false);
        Decision onMeans = ExpectedReplies.firstTouch(in, send, segment, means);
        if (better != null
            && !spendsCredit(in, onMeans)
            && means.high(acceptance) >= ExpectedReplies.WOULD_ACCEPT) {
          figures = means;
          chosen = withReason(onMeans, creditsGoTo(learned, better, in) + ", not to exploring");
        }
      }
      if (spendsCredit(in, chosen)
          && figures.exploring()
          && awaiting(learned, segment, LearnedRate.INMAIL_REPLY) >= INMAILS_IN_FLIGHT) {
        Figures means = new Learned(learned, segment, draws, key(in), false);
        if (!spendsCredit(in, ExpectedReplies.firstTouch(in, send, segment, means))) {
          return ExpectedReplies.waitForOutcomes(
              in,
              segment,
              figures,
              acceptance,
              INMAILS_IN_FLIGHT
                  + " of their InMails await an outcome: waiting a day for those before exploring"
                  + " with another credit");
        }
      }
      if (warmRuleHolds(in, chosen, learned, segment, figures)) {
        if (awaiting(learned, segment, LearnedRate.ACCEPTANCE_WARM) >= REQUESTS_IN_FLIGHT
            && in.now().isBefore(in.history().lastTouchAt().plus(LONGEST_WARM_WAIT))) {
          return ExpectedReplies.waitForOutcomes(
              in,
              segment,
              figures,
              acceptance,
              REQUESTS_IN_FLIGHT
                  + " requests to them after a warm-up await an outcome: waiting a day for those;"
                  + " if they do not accept, an InMail serves them better");
        }
        return chosen;
      }
      if (spendsCredit(in, chosen)) {
        long known = learned.known(segment, LearnedRate.INMAIL_REPLY);
        long cap = Math.max(INMAILS_IN_FLIGHT, INMAILS_IN_FLIGHT_PER_KNOWN * known);
        if (awaiting(learned, segment, LearnedRate.INMAIL_REPLY) >= cap
            && !inmailClearlyBetter(learned, segment, acceptance)) {
          return ExpectedReplies.waitForOutcomes(
              in,
              segment,
              figures,
              acceptance,
              cap
                  + " of their InMails await an outcome, against "
                  + known
                  + " known: waiting a day for those before spending more credits on them");
        }
      }
      boolean creditOrWait = chosen instanceof Decision.Wait || spendsCredit(in, chosen);
      if (!creditOrWait || known(learned, segment, acceptance)) {
        return chosen;
      }
      if (!in.requestsHeldBack()) {
        return awaiting(learned, segment, acceptance) < REQUESTS_IN_FLIGHT
            ? ExpectedReplies.requestFirst(in, segment, figures, acceptance)
            : ExpectedReplies.waitForOutcomes(
                in,
                segment,
                figures,
                acceptance,
                REQUESTS_IN_FLIGHT
                    + " requests to them await an outcome: waiting a day for those rather than"
                    + " sending more");
      }
      if (awaiting(learned, segment, LearnedRate.INMAIL_REPLY) >= INMAILS_IN_FLIGHT) {
        return ExpectedReplies.waitForOutcomes(
            in,
            segment,
            figures,
            acceptance,
            "requests are held back by the account's limits: waiting a day for the first InMails'"
                + " outcomes rather than joining the queue");
      }
      Segment better = earnsMoreWithACredit(learned, segment, gain(learned, segment, acceptance));
      if (better != null) {
        return waitForBetter(
            in, segment, figures, acceptance, learned, better, " rather than joining the queue");
      }
      return chosen;
    }
    if (send.channel() != Channel.INMAIL) {
      return decision;
    }
    if (spendsCredit(in, send)) {
      // The request is pending already: the follow-up earns its InMail replies, nothing less.
      Segment better =
          earnsMoreWithACredit(
              learned, segment, learned.belief(segment, LearnedRate.INMAIL_REPLY).mean());
      if (better != null
          && learned.known(segment, LearnedRate.INMAIL_REPLY) < KNOWN_BEFORE_CREDITS) {
        LearnedRate acceptance =
            in.history().engaged() ? LearnedRate.ACCEPTANCE_WARM : LearnedRate.ACCEPTANCE_COLD;
        return waitForBetter(in, segment, figures, acceptance, learned, better, "");
      }
      if (better != null) {
        return Decision.skip(
            segment.label() + " answer InMails " + figures.quote(LearnedRate.INMAIL_REPLY),
            creditsGoTo(learned, better, in) + ": the credit is kept for them");
      }
    }
    return ExpectedReplies.followUp(in, send, segment, figures);
  }

  /**
   * Whether {@code chosen} is a request only because the prospect is warm and the segment might
   * accept one (SPEC §2: no credit on a warm prospect who would accept a free request), while on
   * the means an InMail would earn more: then the requests learn whether warm prospects accept.
   */
  private boolean warmRuleHolds(
      DecisionInput in, Decision chosen, LearnedRates learned, Segment segment, Figures figures) {
    if (!(chosen instanceof Decision.Send s)
        || s.channel() != Channel.CONNECT
        || !in.history().engaged()
        || in.history().lastTouchAt() == null
        || !Eligibility.inmailPossible(in)
        || figures.high(LearnedRate.ACCEPTANCE_WARM) < ExpectedReplies.WOULD_ACCEPT) {
      return false;
    }
    Figures means = new Learned(learned, segment, draws, key(in), false);
    double request =
        means.value(LearnedRate.ACCEPTANCE_WARM) * means.value(LearnedRate.REPLY_AFTER_ACCEPTANCE);
    return ExpectedReplies.inmailValue(in, means) > request;
  }

  private static boolean spendsCredit(DecisionInput in, Decision decision) {
    return decision instanceof Decision.Send s
        && s.channel() == Channel.INMAIL
        && !in.prospect().openProfile();
  }

  /** Touches of this kind sent to the segment whose outcome is not known yet. */
  private static long awaiting(LearnedRates learned, Segment segment, LearnedRate rate) {
    return learned.sent(segment, rate) - learned.known(segment, rate);
  }

  /** Waits a day while the credits go to {@code better}, a segment that earns more with them. */
  private Decision waitForBetter(
      DecisionInput in,
      Segment segment,
      Figures figures,
      LearnedRate acceptance,
      LearnedRates learned,
      Segment better,
      String instead) {
    return ExpectedReplies.waitForOutcomes(
        in,
        segment,
        figures,
        acceptance,
        creditsGoTo(learned, better, in) + " first; waiting a day" + instead);
  }

  /** E.g. "managers (…) answer InMails 35% (…): the credits go to them". */
  private String creditsGoTo(LearnedRates learned, Segment better, DecisionInput in) {
    return better.label()
        + " answer InMails "
        + new Learned(learned, better, draws, key(in), false).quote(LearnedRate.INMAIL_REPLY)
        + ": the credits go to them";
  }

  private static Decision withReason(Decision decision, String reason) {
    if (!(decision instanceof Decision.Send s)) {
      return decision;
    }
    List<String> reasons = new ArrayList<>(s.reasons());
    reasons.add(reason);
    return new Decision.Send(s.channel(), s.withNote(), reasons);
  }

  /**
   * Another segment where a credit surely earns more replies than {@code mine}: their InMail reply
   * rate a standard deviation under its mean, less what a free request earns them (acceptance ×
   * reply after acceptance), since that is what a credit adds there. Null when there is none.
   * Gains, not reply rates: a segment whose requests do well gains little from an InMail however
   * well it is answered, and a run of luck in its first InMails no longer draws the credits that
   * the playbook's follow-ups would have used.
   */
  private static Segment earnsMoreWithACredit(LearnedRates learned, Segment segment, double mine) {
    Segment best = null;
    double bestSure = mine;
    for (Segment other : learned.segments()) {
      if (other.equals(segment) || learned.known(other, LearnedRate.INMAIL_REPLY) == 0) {
        continue;
      }
      Beta theirs = learned.belief(other, LearnedRate.INMAIL_REPLY);
      double sure =
          theirs.mean() - theirs.sd() - requestValue(learned, other, LearnedRate.ACCEPTANCE_COLD);
      if (sure > bestSure) {
        best = other;
        bestSure = sure;
      }
    }
    return best;
  }

  /** What a credit adds for a prospect of the segment on the means: InMail against a request. */
  private static double gain(LearnedRates learned, Segment segment, LearnedRate acceptance) {
    return learned.belief(segment, LearnedRate.INMAIL_REPLY).mean()
        - requestValue(learned, segment, acceptance);
  }

  /** Replies a free request earns on the means: acceptance × reply after acceptance. */
  private static double requestValue(
      LearnedRates learned, Segment segment, LearnedRate acceptance) {
    return learned.belief(segment, acceptance).mean()
        * learned.belief(segment, LearnedRate.REPLY_AFTER_ACCEPTANCE).mean();
  }

  /**
   * Whether the segment's acceptance or its InMail replies have {@link #KNOWN_BEFORE_CREDITS} known
   * outcomes: enough to choose between a request and a credit on the figures. Until then a request
   * goes first, free ({@link #REQUESTS_IN_FLIGHT} at a time); but while the account's requests are
   * held back a request is not free (the prospect would wait behind the queue for days or weeks),
   * so first InMails go out to learn the InMail side, {@link #INMAILS_IN_FLIGHT} at a time and none
   * while another segment surely answers InMails better, and the rest wait a day at a time for
   * their outcomes.
   */
  private static boolean known(LearnedRates learned, Segment segment, LearnedRate acceptance) {
    return learned.known(segment, acceptance) >= KNOWN_BEFORE_CREDITS
        || learned.known(segment, LearnedRate.INMAIL_REPLY) >= KNOWN_BEFORE_CREDITS
        || inmailSurelyBetter(learned, segment, acceptance);
  }

  /**
   * Whether the segment's InMails, a standard deviation under their mean reply rate and less the
   * credit's worth, still earn more than a request does on the means: the first InMails' outcomes
   * have shown it, and waiting for twenty of them would only keep the rest of the segment waiting.
   */
  private static boolean inmailSurelyBetter(
      LearnedRates learned, Segment segment, LearnedRate acceptance) {
    if (learned.known(segment, LearnedRate.INMAIL_REPLY) == 0) {
      return false;
    }
    Beta inmail = learned.belief(segment, LearnedRate.INMAIL_REPLY);
    double sure = inmail.mean() - inmail.sd();
    double request =
        learned.belief(segment, acceptance).mean()
            * learned.belief(segment, LearnedRate.REPLY_AFTER_ACCEPTANCE).mean();
    return sure - ExpectedReplies.CREDIT_VALUE * (1 - sure) > request;
  }

  /**
   * Whether the segment's InMails clearly earn more than its requests, beyond what luck in the
   * first outcomes could show: the low end of the InMail reply's 95% interval, less the credit's
   * worth, above the high end of what a request earns (both of its rates at their 95% high). Then
   * the cap on InMails awaiting an outcome no longer holds the credits back: where requests are
   * accepted 7% and InMails answered 35%, the segment's prospects waited for outcomes while the
   * credits went to others. A segment whose requests do well never gets there on a lucky start.
   */
  private static boolean inmailClearlyBetter(
      LearnedRates learned, Segment segment, LearnedRate acceptance) {
    if (learned.known(segment, LearnedRate.INMAIL_REPLY) == 0) {
      return false;
    }
    double low = learned.belief(segment, LearnedRate.INMAIL_REPLY).low();
    double request =
        learned.belief(segment, acceptance).high()
            * learned.belief(segment, LearnedRate.REPLY_AFTER_ACCEPTANCE).high();
    return low - ExpectedReplies.CREDIT_VALUE * (1 - low) > request;
  }

  private static long key(DecisionInput in) {
    return in.prospect().profileUrl().value().hashCode();
  }

  /**
   * A segment's learned figures, drawn from while they are uncertain. Used for one decision; it
   * remembers whether it drew, to say so.
   */
  private static final class Learned implements Figures {
    private final LearnedRates rates;
    private final Segment segment;
    private final Draws draws;
    private final long prospect;
    private final boolean explore;
    private boolean drew;

    /**
     * @param explore whether an uncertain belief is drawn from (Thompson sampling) or taken at its
     *     mean
     */
    Learned(LearnedRates rates, Segment segment, Draws draws, long prospect, boolean explore) {
      this.explore = explore;
      this.rates = rates;
      this.segment = segment;
      this.draws = draws;
      this.prospect = prospect;
    }

    @Override
    public double value(LearnedRate rate) {
      Beta belief = rates.belief(segment, rate);
      if (!explore || !uncertain(belief)) {
        return belief.mean();
      }
      drew = true;
      int salt = 2 * rate.ordinal();
      return belief.sample(draws.unit(prospect, salt), draws.unit(prospect, salt + 1));
    }

    @Override
    public double high(LearnedRate rate) {
      return rates.belief(segment, rate).high();
    }

    @Override
    public String quote(LearnedRate rate) {
      Beta belief = rates.belief(segment, rate);
      long sent = rates.sent(segment, rate);
      long known = rates.known(segment, rate);
      return Figures.percent(belief.mean())
          + " (95% CI "
          + Math.round(belief.low() * 100)
          + "–"
          + Figures.percent(belief.high())
          + ", "
          + (sent == 0 ? "none sent yet: the playbook's prior" : sent + " sent")
          + (sent > known ? ", " + (sent - known) + " awaiting an outcome" : "")
          + ")";
    }

    @Override
    public boolean exploring() {
      return drew;
    }

    private static boolean uncertain(Beta belief) {
      return belief.high() - belief.low() > EXPLORE_WIDTH;
    }
  }
}
