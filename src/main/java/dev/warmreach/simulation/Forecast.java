package dev.warmreach.simulation;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.EmailAddress;
import dev.warmreach.domain.Enrollment;
import dev.warmreach.domain.Event;
import dev.warmreach.domain.Message;
import dev.warmreach.domain.ProfileUrl;
import dev.warmreach.domain.ProspectFacts;
import dev.warmreach.domain.ProspectHistory;
import dev.warmreach.domain.ProspectHistory.Connection;
import dev.warmreach.domain.ProspectProfile;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.domain.Seniority;
import dev.warmreach.message.CampaignMessages;
import dev.warmreach.message.Coach;
import dev.warmreach.policy.Adaptive;
import dev.warmreach.policy.ChannelPolicy;
import dev.warmreach.policy.Draws;
import dev.warmreach.policy.Evidence;
import dev.warmreach.policy.KnownRates;
import dev.warmreach.policy.LearnedRate;
import dev.warmreach.policy.LearnedRates;
import dev.warmreach.policy.Oracle;
import dev.warmreach.policy.Segment;
import dev.warmreach.policy.SegmentTags;
import dev.warmreach.quota.AccountLimits;
import dev.warmreach.quota.AccountState;
import dev.warmreach.quota.CreditLedger;
import dev.warmreach.quota.FollowUpWindow;
import dev.warmreach.quota.Jitter;
import dev.warmreach.sequence.Advance;
import dev.warmreach.sequence.Command;
import dev.warmreach.sequence.EventEffects;
import dev.warmreach.sequence.ProspectState;
import dev.warmreach.sequence.SequenceEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * Runs a scenario on a virtual clock: the same {@link SequenceEngine} as the live service, driven
 * event by event against a {@link SimulatedNetwork}, with every limit checked independently of the
 * engine. Enrollments held back by an account's limits wait in a queue per account and channel, so
 * a hundred thousand prospects take seconds. Not thread-safe; use once. Interrupting the thread
 * that runs it stops it with a {@link CancellationException}.
 */
public final class Forecast {

  /** Told how far the virtual clock has come. */
  @FunctionalInterface
  public interface Progress {
    Progress NONE = (done, total) -> {};

    void advanced(long virtualHoursDone, long virtualHoursTotal);
  }

  private static final int DUE = 0;
  private static final int REACTION = 1;
  private static final int WAKE = 2;
  private static final int DAILY = 3;
  private static final int SIGNAL = 4;
  private static final long NEVER = Long.MIN_VALUE;

  /** A touch's outcome window has passed: the adaptive policy learns whether it succeeded. */
  private static final int OUTCOME_DUE = 5;

  private static final int SAMPLE_DECISIONS = 10;
  private static final int ITEMS_BETWEEN_INTERRUPT_CHECKS = 1024;

  private record Item(long at, long order, int kind, int index, int data, long token)
      implements Comparable<Item> {
    @Override
    public int compareTo(Item other) {
      int byTime = Long.compare(at, other.at);
      return byTime != 0 ? byTime : Long.compare(order, other.order);
    }
  }

  private final Scenario scenario;
  private final SequenceEngine engine;
  private final SimulatedNetwork network;
  private final Instant end;

  private final ProspectState[] prospects;
  private final Truth[] truths;
  private final Enrollment[] enrollments;
  private final int[] accountOf;
  private final long[] tokens;
  private final boolean[] queued;
  private final AccountState[] accounts;
  private final long[][] wakeAt;
  private final List<Map<Channel, ArrayDeque<Integer>>> queues = new ArrayList<>();
  private final PriorityQueue<Item> agenda = new PriorityQueue<>();
  private long order;

  private final Map<Channel, Long> sent = new EnumMap<>(Channel.class);
  private final Map<Channel, Long> replies = new EnumMap<>(Channel.class);
  private long accepted;

  /** When each prospect accepted, in epoch milliseconds; 0 while they have not. */
  private final long[] acceptedAt;

  private long followUpDms;
  private long followUpDmsOnTime;
  private long declined;
  private long withdrawn;
  private final List<String> decisions = new ArrayList<>();
  private final java.util.Set<String> sampledKinds = new java.util.HashSet<>();
  private final Violations violations;
  private final boolean ignoreSignals;
  private final List<Event.Signal> signals = new ArrayList<>();
  private final long[] lastSignal;
  private final boolean[] signalAnswered;
  private long signalsSeen;
  private long signalsActedOn;

  /** What the adaptive policy has observed so far; it never sees {@link #truths}. */
  private final boolean learning;

  private final Segment[] segments;
  private LearnedRates learned = LearnedRates.PRIORS;

  /** Per prospect and learned rate, touches sent whose outcome window is still open. */
  private final int[][] awaiting;

  /** Per prospect and learned rate, of those, how many have succeeded already. */
  private final int[][] succeededEarly;

  /** Per prospect and channel, the rate its last touch on that channel was counted under. */
  private final LearnedRate[][] countedAs;

  private final Map<String, KnownRates> truthBySegment = new java.util.HashMap<>();

  /** A forecast of {@code scenario}, its campaign's messages judged by {@code coach}. */
  public Forecast(Scenario scenario, Coach coach) {
    this(scenario, coach, false);
  }

  /**
   * A forecast of {@code scenario}; with {@code ignoreSignals} the engine is blind to the buying
   * signals of the simulated network (the same world, for comparison).
   */
  public Forecast(Scenario scenario, Coach coach, boolean ignoreSignals) {
    this.scenario = scenario;
    this.learning = scenario.policy().equals(Adaptive.NAME);
    for (Scenario.Segment segment : scenario.segments()) {
      truthBySegment.putIfAbsent(segment.name(), known(segment.truth()));
    }
    this.ignoreSignals = ignoreSignals;
    this.engine =
        scenario
            .campaign()
            .engine(policy(scenario), CampaignMessages.of(scenario.campaign(), coach));
    int n = scenario.prospects();
    this.segments = new Segment[n];
    this.awaiting = learning ? new int[n][LearnedRate.values().length] : null;
    this.succeededEarly = learning ? new int[n][LearnedRate.values().length] : null;
    this.countedAs = learning ? new LearnedRate[n][Channel.values().length] : null;
    this.network = new SimulatedNetwork(scenario.seed(), n);
    this.end = scenario.start().plus(Duration.ofDays(7L * scenario.weeks()));
    this.prospects = new ProspectState[n];
    this.truths = new Truth[n];
    this.enrollments = new Enrollment[n];
    this.accountOf = new int[n];
    this.tokens = new long[n];
    this.acceptedAt = new long[n];
    this.queued = new boolean[n];
    this.lastSignal = new long[n];
    java.util.Arrays.fill(lastSignal, NEVER);
    this.signalAnswered = new boolean[n];
    this.accounts = new AccountState[scenario.accounts().size()];
    this.wakeAt = new long[accounts.length][Channel.values().length];
    for (long[] perChannel : wakeAt) {
      java.util.Arrays.fill(perChannel, Long.MAX_VALUE);
    }
    this.violations = new Violations(scenario.accounts());
    for (Channel channel : Channel.values()) {
      sent.put(channel, 0L);
      replies.put(channel, 0L);
    }
  }

  private ChannelPolicy policy(Scenario scenario) {
    return switch (scenario.policy()) {
      case Adaptive.NAME -> new Adaptive(() -> learned, new Draws(scenario.seed()));
      // Each simulated prospect's company is its segment's name (see populate).
      case Oracle.NAME -> new Oracle(profile -> truthBySegment.get(profile.company()));
      default -> ChannelPolicy.named(scenario.policy());
    };
  }

  /** A segment's truth as the oracle's objective reads it. */
  private static KnownRates known(Truth truth) {
    return new KnownRates(
        truth.acceptNote(),
        Math.min(0.95, truth.acceptNote() * truth.warmMultiplier()),
        truth.noteReply() + (1 - truth.noteReply()) * truth.dmReply(),
        truth.inmailReply(),
        truth.emailReply());
  }

  /**
   * A touch sent that the adaptive policy may learn from. It counts as a success or a failure only
   * once its outcome window has passed ({@link Evidence#OUTCOME_WINDOW}), whatever came first:
   * acceptances and answers arrive days after the send, and counting either a send or an early
   * success at once made a segment's rates read far too low or too high in its first weeks.
   */
  private void observeSent(int i, Channel channel, Instant now) {
    if (!learning) {
      return;
    }
    LearnedRate rate =
        switch (channel) {
          case CONNECT ->
              prospects[i].history().engaged()
                  ? LearnedRate.ACCEPTANCE_WARM
                  : LearnedRate.ACCEPTANCE_COLD;
          case DM -> LearnedRate.REPLY_AFTER_ACCEPTANCE;
          case INMAIL -> LearnedRate.INMAIL_REPLY;
          case EMAIL -> LearnedRate.EMAIL_REPLY;
          case ENGAGE -> null;
        };
    if (rate == null) {
      return;
    }
    countedAs[i][channel.ordinal()] = rate;
    awaiting[i][rate.ordinal()]++;
    learned = learned.withOwn(learned.own().sent(segments[i], rate));
    schedule(now.plus(Evidence.OUTCOME_WINDOW), OUTCOME_DUE, i, rate.ordinal(), 0);
  }

  /**
   * The last touch on {@code channel} succeeded (accepted, answered): held until its window closes,
   * or, when that has passed, a failure already counted turns into a success.
   */
  private void observeSuccess(int i, Channel channel) {
    LearnedRate rate = learning ? countedAs[i][channel.ordinal()] : null;
    if (rate == null) {
      return;
    }
    if (awaiting[i][rate.ordinal()] > succeededEarly[i][rate.ordinal()]) {
      succeededEarly[i][rate.ordinal()]++;
    } else {
      learned = learned.withOwn(learned.own().succeededLate(segments[i], rate));
    }
  }

  /** A touch's outcome window closed: it succeeded if it was accepted or answered by now. */
  private void outcomeDue(int i, LearnedRate rate) {
    if (awaiting[i][rate.ordinal()] == 0) {
      return;
    }
    awaiting[i][rate.ordinal()]--;
    Evidence own = learned.own();
    if (succeededEarly[i][rate.ordinal()] > 0) {
      succeededEarly[i][rate.ordinal()]--;
      learned = learned.withOwn(own.succeeded(segments[i], rate));
    } else {
      learned = learned.withOwn(own.failed(segments[i], rate));
    }
  }

  /**
   * Runs the whole scenario.
   *
   * @throws CancellationException when the thread is interrupted (its interrupt status stays set)
   */
  public ForecastResult run(Progress progress) {
    Instant start = scenario.start();
    for (int a = 0; a < accounts.length; a++) {
      Scenario.Account account = scenario.accounts().get(a);
      AccountLimits limits = AccountLimits.defaultsFor(account.account());
      if (account.newAccount()) {
        limits = limits.withRampUpFrom(start);
      }
      accounts[a] = AccountState.open(account.account(), limits, start);
      Map<Channel, ArrayDeque<Integer>> perChannel = new EnumMap<>(Channel.class);
      for (Channel channel : Channel.values()) {
        perChannel.put(channel, new ArrayDeque<>());
      }
      queues.add(perChannel);
      schedule(start.plus(Duration.ofDays(1)), DAILY, a, 0, 0);
    }
    populate(start);
    long totalHours = Duration.between(start, end).toHours();
    long reported = -1;
    long items = 0;
    while (!agenda.isEmpty()) {
      if (items++ % ITEMS_BETWEEN_INTERRUPT_CHECKS == 0 && Thread.currentThread().isInterrupted()) {
        throw new CancellationException("the forecast was interrupted");
      }
      Item item = agenda.poll();
      if (item.at() > end.toEpochMilli()) {
        break;
      }
      Instant now = Instant.ofEpochMilli(item.at());
      switch (item.kind()) {
        case DUE -> {
          if (tokens[item.index()] == item.token() && !queued[item.index()]) {
            step(item.index(), now, false);
          }
        }
        case REACTION ->
            react(
                item.index(),
                SimulatedNetwork.Response.values()[item.data() / 10],
                Channel.values()[item.data() % 10],
                now);
        case WAKE -> {
          if (wakeAt[item.index()][item.data()] == item.at()) {
            wakeAt[item.index()][item.data()] = Long.MAX_VALUE;
            wake(item.index(), Channel.values()[item.data()], now);
          }
        }
        case DAILY -> daily(item.index(), now);
        case SIGNAL -> signal(item.index(), signals.get(item.data()), now);
        case OUTCOME_DUE -> outcomeDue(item.index(), LearnedRate.values()[item.data()]);
        default -> throw new IllegalStateException("unknown agenda item " + item.kind());
      }
      long hours = Duration.between(start, now).toHours();
      if (hours / 24 != reported) {
        reported = hours / 24;
        progress.advanced(hours, totalHours);
      }
    }
    progress.advanced(totalHours, totalHours);
    return result();
  }

  private void populate(Instant start) {
    Set<String> segmentTags = segmentTags();
    learned = new LearnedRates(Evidence.NONE, Evidence.NONE, segmentTags);
    int index = 0;
    for (Scenario.Segment segment : scenario.segments()) {
      Scenario.ProspectShape shape = segment.prospect();
      Seniority seniority = Seniority.fromTitle(shape.title()); // the same for the whole segment
      Segment learnedAs = null;
      for (int k = 0; k < segment.count(); k++, index++) {
        ProspectProfile profile =
            new ProspectProfile(
                "Prospect",
                String.valueOf(index + 1),
                new ProfileUrl("https://www.linkedin.com/in/simulated-" + (index + 1)),
                shape.title(),
                seniority,
                segment.name(),
                shape.hasEmail() ? new EmailAddress("p" + (index + 1) + "@example.com") : null,
                "",
                tags(shape),
                shape.activity(),
                shape.degree(),
                shape.openProfile());
        if (learnedAs == null) {
          learnedAs = Segment.of(profile, scenario.campaign().settings(), segmentTags);
        }
        segments[index] = learnedAs;
        boolean dnc = Jitter.unit(scenario.seed(), index, 99) < shape.doNotContact();
        prospects[index] =
            new ProspectState(index, profile, dnc, ProspectHistory.start(shape.degree()));
        truths[index] = segment.truth();
        accountOf[index] = index % accounts.length;
        enrollments[index] =
            engine.enroll(index, 1, index, accounts[accountOf[index]].name(), start);
        due(index, start);
        for (Event.Signal signal : network.signals(index, truths[index], start, end)) {
          schedule(signal.at(), SIGNAL, index, signals.size(), 0);
          signals.add(signal);
        }
      }
    }
  }

  /** The tags the simulated campaign's segments are split by, as a live one's are. */
  private Set<String> segmentTags() {
    Map<String, Long> carriers = new java.util.HashMap<>();
    for (Scenario.Segment segment : scenario.segments()) {
      for (String tag : segment.prospect().tags()) {
        carriers.merge(tag, (long) segment.count(), Long::sum);
      }
    }
    return SegmentTags.chosen(
        carriers, scenario.prospects(), scenario.campaign().settings().highValueTag());
  }

  /** A simulated prospect's tags: its shape's, and the high-value tag when it is high-value. */
  private Set<String> tags(Scenario.ProspectShape shape) {
    Set<String> tags = new java.util.TreeSet<>(shape.tags());
    String highValue = scenario.campaign().settings().highValueTag();
    if (shape.highValue() && highValue != null) {
      tags.add(highValue);
    }
    return tags;
  }

  /** Advances enrollment {@code i}; returns the channel it now waits for, or null. */
  private Channel step(int i, Instant now, boolean fromQueue) {
    int a = accountOf[i];
    queued[i] = false;
    Advance advance = engine.advance(enrollments[i], prospects[i], accounts[a], now);
    enrollments[i] = advance.enrollment();
    prospects[i] = prospects[i].with(advance.history());
    accounts[a] = advance.account();
    for (Command command : advance.commands()) {
      if (command instanceof Command.Send send) {
        sent(i, a, send, now);
      } else if (command instanceof Command.Decided decided) {
        sample(i, decided.step(), decided.decision());
      }
    }
    Enrollment e = enrollments[i];
    if (!e.isActive()) {
      return null;
    }
    if (advance.waitingFor() != null) {
      ArrayDeque<Integer> queue = queues.get(a).get(advance.waitingFor());
      if (fromQueue) {
        queue.addFirst(i);
      } else {
        queue.addLast(i);
      }
      queued[i] = true;
      wakeUp(a, advance.waitingFor(), e.nextDueAt());
      return advance.waitingFor();
    }
    due(i, e.nextDueAt());
    return null;
  }

  /** Keeps the first decision of each kind (step and outcome), for people to read. */
  private void sample(int i, String step, dev.warmreach.policy.Decision decision) {
    String kind =
        step + "/" + decision.getClass().getSimpleName() + "/" + decision.summary().split(":")[0];
    if (decisions.size() < SAMPLE_DECISIONS && sampledKinds.add(kind)) {
      decisions.add("prospect " + (i + 1) + " at " + step + ": " + decision.summary());
    }
  }

  private void wake(int a, Channel channel, Instant now) {
    ArrayDeque<Integer> queue = queues.get(a).get(channel);
    while (!queue.isEmpty()) {
      int i = queue.pollFirst();
      if (!queued[i]) {
        continue;
      }
      if (step(i, now, true) == channel) {
        return; // held back again: it went back to the head, and a wake is scheduled
      }
    }
  }

  /**
   * A buying signal: the engine learns of it as from the events API (unless it runs blind), and
   * someone held back by their account's limits goes to the head of the queue.
   */
  private void signal(int i, Event.Signal signal, Instant now) {
    signalsSeen++;
    lastSignal[i] = now.toEpochMilli();
    signalAnswered[i] = false;
    if (ignoreSignals) {
      return;
    }
    ProspectState p = prospects[i];
    prospects[i] =
        p.with(EventEffects.onHistory(p.history(), signal))
            .with(
                p.facts()
                    .withSignal(
                        new ProspectFacts.SignalSeen(signal.kind(), signal.detail(), signal.at())));
    if (!enrollments[i].isActive()) {
      return;
    }
    if (queued[i]) {
      for (ArrayDeque<Integer> queue : queues.get(accountOf[i]).values()) {
        queue.remove(i);
      }
      queued[i] = false;
    }
    step(i, now, true);
  }

  /** How much a touch at {@code now} is lifted by a signal shortly before; counts it answered. */
  private double signalLift(int i, Instant now) {
    Truth truth = truths[i];
    long since = now.toEpochMilli() - lastSignal[i];
    if (lastSignal[i] == NEVER || since > (long) (truth.signalWindowDays() * 86_400_000L)) {
      return 1.0;
    }
    if (!signalAnswered[i]) {
      signalAnswered[i] = true;
      signalsActedOn++;
    }
    return truth.signalLift();
  }

  private void sent(int i, int a, Command.Send send, Instant now) {
    Channel channel = send.channel();
    if (channel != Channel.ENGAGE) {
      // A warm-up counts once it lands on a post (react), as the live run counts it done.
      sent.merge(channel, 1L, Long::sum);
    }
    observeSent(i, channel, now);
    if (channel == Channel.CONNECT) {
      // What later messages may say: they follow up on, or thank for, a request that went out.
      prospects[i] = prospects[i].with(prospects[i].facts().withRequestSent(now));
    }
    sample(i, send.step(), send.decision());
    FollowUpWindow daysOff = null;
    if (channel == Channel.DM && acceptedAt[i] != 0) {
      countFollowUp(now.toEpochMilli() - acceptedAt[i]);
      daysOff =
          scenario
              .campaign()
              .followUpWindow(
                  send.step(), Instant.ofEpochMilli(acceptedAt[i]), accounts[a].account())
              .orElse(null);
      acceptedAt[i] = 0;
    }
    Message message = send.message();
    violations.onSend(
        accounts[a].account(),
        prospects[i],
        channel,
        send.withNote() && message != null ? message.body() : "",
        daysOff,
        now);
    if (channel == Channel.INMAIL) {
      violations.onCredits(accounts[a].credits(), now);
    }
    boolean personalised = message != null && message.personalised();
    for (SimulatedNetwork.Reaction reaction :
        network.react(
            i, truths[i], channel, send.withNote(), personalised, signalLift(i, now), now)) {
      schedule(
          reaction.at(),
          REACTION,
          i,
          reaction.response().ordinal() * 10 + reaction.channel().ordinal(),
          0);
    }
  }

  private void react(int i, SimulatedNetwork.Response response, Channel channel, Instant now) {
    ProspectState p = prospects[i];
    int a = accountOf[i];
    switch (response) {
      case ENGAGED -> {
        sent.merge(Channel.ENGAGE, 1L, Long::sum);
        prospects[i] = p.with(p.history().withEngagement());
        return;
      }
      case ACCEPTED -> {
        if (p.history().connection() != Connection.PENDING) {
          return; // withdrawn before they got to it
        }
        accepted++;
        observeSuccess(i, Channel.CONNECT);
        acceptedAt[i] = now.toEpochMilli();
        prospects[i] = p.with(p.history().withConnection(Connection.ACCEPTED));
        accounts[a] = accounts[a].answered(i, true, now);
      }
      case DECLINED -> {
        if (p.history().connection() != Connection.PENDING) {
          return;
        }
        declined++;
        prospects[i] = p.with(p.history().withConnection(Connection.DECLINED));
        accounts[a] = accounts[a].answered(i, false, now);
      }
      case REPLIED -> {
        if (p.history().replied()) {
          return;
        }
        replies.merge(channel, 1L, Long::sum);
        if (channel != Channel.CONNECT) {
          observeSuccess(i, channel); // a reply to the note is not a reply to a message
        }
        prospects[i] = p.with(p.history().withReply());
        if (channel == Channel.INMAIL) {
          accounts[a] = accounts[a].responded(i, now);
        }
      }
    }
    if (enrollments[i].isActive() && !queued[i]) {
      due(i, now);
    } else if (queued[i] && response == SimulatedNetwork.Response.REPLIED) {
      queued[i] = false;
      due(i, now);
    }
  }

  /** SPEC §3: the first DM after an acceptance goes 24 to 48 hours after it. */
  private void countFollowUp(long millisAfterAccepting) {
    followUpDms++;
    if (millisAfterAccepting >= Duration.ofHours(24).toMillis()
        && millisAfterAccepting <= Duration.ofHours(48).toMillis()) {
      followUpDmsOnTime++;
    }
  }

  private void daily(int a, Instant now) {
    for (long id : accounts[a].invitationsToWithdraw(now)) {
      int i = (int) id;
      withdrawn++;
      prospects[i] = prospects[i].with(prospects[i].history().withConnection(Connection.WITHDRAWN));
      accounts[a] = accounts[a].withdrawn(id, now);
      if (enrollments[i].isActive() && !queued[i]) {
        due(i, now);
      }
    }
    schedule(now.plus(Duration.ofDays(1)), DAILY, a, 0, 0);
  }

  /** One wake per account queue, at the earliest time anyone in it may go. */
  private void wakeUp(int a, Channel channel, Instant at) {
    long when = millisUp(at);
    if (when < wakeAt[a][channel.ordinal()]) {
      wakeAt[a][channel.ordinal()] = when;
      schedule(at, WAKE, a, channel.ordinal(), 0);
    }
  }

  private void due(int i, Instant at) {
    tokens[i]++;
    schedule(at, DUE, i, 0, tokens[i]);
  }

  /**
   * Puts an item on the agenda at {@code at}, rounded up to the millisecond: the agenda counts in
   * milliseconds, and an item run even a fraction early would find nothing due yet and be put back
   * at the same time, for ever.
   */
  private void schedule(Instant at, int kind, int index, int data, long token) {
    agenda.add(new Item(millisUp(at), order++, kind, index, data, token));
  }

  private static long millisUp(Instant at) {
    long millis = at.toEpochMilli();
    return at.getNano() % 1_000_000 == 0 ? millis : millis + 1;
  }

  private ForecastResult result() {
    long spent = 0;
    long refunded = 0;
    for (int a = 0; a < accounts.length; a++) {
      CreditLedger ledger = accounts[a].credits().at(end);
      spent += ledger.totals().spent();
      refunded += ledger.totals().refunded();
      violations.onLedgerClosed(ledger);
    }
    Map<String, Long> sentOut = new LinkedHashMap<>();
    Map<String, Long> repliesOut = new LinkedHashMap<>();
    long totalReplies = replies.values().stream().mapToLong(Long::longValue).sum();
    repliesOut.put("total", totalReplies);
    for (Channel channel : Channel.values()) {
      sentOut.put(key(channel), sent.get(channel));
      if (channel != Channel.ENGAGE) {
        repliesOut.put(key(channel), replies.get(channel));
      }
    }
    Map<String, Double> rates = new LinkedHashMap<>();
    rates.put("acceptance", ratio(accepted, sent.get(Channel.CONNECT)));
    rates.put("dmReply", ratio(replies.get(Channel.DM), sent.get(Channel.DM)));
    rates.put("inmailReply", ratio(replies.get(Channel.INMAIL), sent.get(Channel.INMAIL)));
    rates.put("emailReply", ratio(replies.get(Channel.EMAIL), sent.get(Channel.EMAIL)));
    rates.put("prospectsReplied", ratio(totalReplies, prospects.length));
    rates.put("followUpDmWithin24To48h", ratio(followUpDmsOnTime, followUpDms));
    return new ForecastResult(
        scenario.policy(),
        scenario.seed(),
        prospects.length,
        scenario.weeks(),
        sentOut,
        accepted,
        declined,
        withdrawn,
        repliesOut,
        new ForecastResult.Credits(spent, refunded),
        violations.counts(),
        rates,
        List.copyOf(decisions),
        new ForecastResult.Signals(signalsSeen, signalsActedOn),
        0);
  }

  private static double ratio(long part, long whole) {
    return whole == 0 ? 0 : Math.round(1000.0 * part / whole) / 1000.0;
  }

  private static String key(Channel channel) {
    return channel.name().toLowerCase(Locale.ROOT);
  }

  /** The sender accounts of a scenario, for callers that report per account. */
  public List<SenderAccount> accounts() {
    return scenario.accounts().stream().map(Scenario.Account::account).toList();
  }
}
