package dev.warmreach.policy;

import dev.warmreach.domain.Channel;
import java.time.Instant;
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
    Figures figures = new Learned(learned, segment, draws, key(in));
    if (proposed == Channel.CONNECT) {
      Decision chosen = ExpectedReplies.firstTouch(in, send, segment, figures);
      LearnedRate acceptance =
          in.history().engaged() ? LearnedRate.ACCEPTANCE_WARM : LearnedRate.ACCEPTANCE_COLD;
      boolean creditOrWait =
          chosen instanceof Decision.Wait
              || (chosen instanceof Decision.Send s
                  && s.channel() == Channel.INMAIL
                  && !in.prospect().openProfile());
      if (!creditOrWait || known(learned, segment, acceptance)) {
        return chosen;
      }
      if (!in.requestsHeldBack()) {
        return ExpectedReplies.requestFirst(in, segment, figures, acceptance);
      }
      return learned.sent(segment, LearnedRate.INMAIL_REPLY) < KNOWN_BEFORE_CREDITS
          ? chosen
          : ExpectedReplies.waitForOutcomes(in, segment, figures, acceptance);
    }
    return send.channel() == Channel.INMAIL
        ? ExpectedReplies.followUp(in, send, segment, figures)
        : decision;
  }

  /**
   * Whether the segment's acceptance or its InMail replies have {@link #KNOWN_BEFORE_CREDITS} known
   * outcomes: enough to choose between a request and a credit on the figures. Until then a request
   * goes first, free; but while the account's requests are held back a request is not free (the
   * prospect would wait behind the queue for days or weeks), so up to that many first InMails go
   * out to learn the InMail side, and the rest wait a day at a time for their outcomes.
   */
  private static boolean known(LearnedRates learned, Segment segment, LearnedRate acceptance) {
    return learned.known(segment, acceptance) >= KNOWN_BEFORE_CREDITS
        || learned.known(segment, LearnedRate.INMAIL_REPLY) >= KNOWN_BEFORE_CREDITS;
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
    private boolean drew;

    Learned(LearnedRates rates, Segment segment, Draws draws, long prospect) {
      this.rates = rates;
      this.segment = segment;
      this.draws = draws;
      this.prospect = prospect;
    }

    @Override
    public double value(LearnedRate rate) {
      Beta belief = rates.belief(segment, rate);
      if (!uncertain(belief)) {
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
