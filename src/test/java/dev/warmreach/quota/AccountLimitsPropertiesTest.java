package dev.warmreach.quota;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Plan;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.domain.WorkingHours;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of an account's limits over random streams of actions and events: random accounts
 * (plan, zone, working hours, caps, new or established) driven at random instants over 16 weeks,
 * each action sent only when {@link AccountState#check} allows it, answers, withdrawals and
 * responses fed at random. Every property is judged by bookkeeping of its own, not by the state's.
 * A failure names its seed; {@code drive(seed)} replays it.
 */
class AccountLimitsPropertiesTest {

  private static final Duration SIXTEEN_WEEKS = Duration.ofDays(7 * 16);
  private static final Duration WEEK = Duration.ofDays(7);
  private static final Duration NINETY_DAYS = Duration.ofDays(90);

  private static final List<String> ZONES =
      List.of(
          "UTC",
          "Europe/Berlin",
          "Europe/London",
          "America/New_York",
          "America/Los_Angeles",
          "America/St_Johns",
          "America/Santiago",
          "Asia/Kolkata",
          "Asia/Kathmandu",
          "Asia/Tokyo",
          "Australia/Sydney",
          "Pacific/Chatham");

  static LongStream seeds() {
    return LongStream.range(0, 300);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void neverSendsMoreInvitationsThanTheWeeklyCapInAnyRollingSevenDays(long seed) {
    Run run = run(seed);
    ArrayDeque<Instant> window = new ArrayDeque<>();
    for (Sent sent : run.sent()) {
      if (sent.channel() != Channel.CONNECT) {
        continue;
      }
      // Windows ending at a request are enough: the busiest 7 days can always end at one.
      while (!window.isEmpty() && !window.peekFirst().isAfter(sent.at().minus(WEEK))) {
        window.pollFirst();
      }
      window.addLast(sent.at());
      assertThat(window.size())
          .as("seed %d: requests in the 7 days up to %s", seed, sent.at())
          .isLessThanOrEqualTo(run.account().weeklyInvitationCap());
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void neverActsOutsideWorkingHoursInTheAccountsZone(long seed) {
    Run run = run(seed);
    WorkingHours hours = run.account().workingHours();
    ZoneId zone = run.account().timeZone();
    for (Sent sent : run.sent()) {
      assertThat(hours.contains(sent.at(), zone))
          .as(
              "seed %d: %s at %s (%s) within %s",
              seed, sent.channel(), sent.at(), sent.at().atZone(zone), hours)
          .isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void neverSpendsMoreInmailCreditsThanArrivedPlusRefunded(long seed) {
    Run run = run(seed);
    SenderAccount account = run.account();
    long paid = 0;
    for (Sent sent : run.sent()) {
      if (sent.channel() == Channel.INMAIL) {
        assertThat(sent.creditsLeft())
            .as("seed %d: credits left at %s", seed, sent.at())
            .isNotNegative();
        paid += sent.paid() ? 1 : 0;
        // Credits arrive at most once a month, so this many months bound what arrived.
        long months = monthsTouched(run.start(), sent.at(), account.timeZone());
        // Refunds as the ledger reported them; the refund property checks those on its own.
        long refundedSoFar = refundsUpTo(run, sent.at());
        assertThat(paid)
            .as("seed %d: paid InMails by %s", seed, sent.at())
            .isLessThanOrEqualTo(account.monthlyInmailCredits() * months + refundedSoFar);
      }
    }
    CreditLedger.Totals totals = run.last().credits().at(run.end()).totals();
    assertThat(totals.spent()).as("seed %d: credits spent", seed).isEqualTo(paid);
    assertThat(totals.spent())
        .as(
            "seed %d: spent within granted %d + refunded %d",
            seed, totals.granted(), totals.refunded())
        .isLessThanOrEqualTo(totals.granted() + totals.refunded());
    assertThat(totals.granted())
        .as("seed %d: granted", seed)
        .isLessThanOrEqualTo(
            account.monthlyInmailCredits()
                * monthsTouched(run.start(), run.end(), account.timeZone()));
    assertThat(run.last().creditsLeft(run.end()))
        .as("seed %d: balance at the end", seed)
        .isNotNegative();
    if (!account.plan().canSendInmail()) {
      assertThat(run.sent())
          .as("seed %d: InMails from a FREE account", seed)
          .noneMatch(sent -> sent.channel() == Channel.INMAIL);
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void refundsEachInmailAtMostOnceAndOnlyForAResponseWithin90Days(long seed) {
    Run run = run(seed);
    // Paid InMails per prospect not yet answered: a response settles all of them, refunding one.
    Map<Long, List<Instant>> unanswered = new HashMap<>();
    int s = 0;
    for (Responded response : run.responses()) {
      while (s < run.sent().size() && !run.sent().get(s).at().isAfter(response.at())) {
        Sent sent = run.sent().get(s++);
        if (sent.channel() == Channel.INMAIL && sent.paid()) {
          unanswered.computeIfAbsent(sent.prospect(), p -> new ArrayList<>()).add(sent.at());
        }
      }
      List<Instant> spends = unanswered.getOrDefault(response.prospect(), List.of());
      boolean refundable =
          spends.stream().anyMatch(at -> at.plus(NINETY_DAYS).isAfter(response.at()));
      assertThat(response.refundedAfter() - response.refundedBefore())
          .as(
              "seed %d: refunds for prospect %d's response at %s after InMails at %s",
              seed, response.prospect(), response.at(), spends)
          .isEqualTo(refundable ? 1 : 0);
      unanswered.remove(response.prospect());
    }
    CreditLedger.Totals totals = run.last().credits().at(run.end()).totals();
    assertThat(totals.refunded())
        .as("seed %d: refunded vs spent", seed)
        .isLessThanOrEqualTo(totals.spent());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void neverExceedsADailyCapOnAnyDayInTheAccountsZone(long seed) {
    Run run = run(seed);
    ZoneId zone = run.account().timeZone();
    Map<String, Integer> perDay = new HashMap<>();
    for (Sent sent : run.sent()) {
      LocalDate day = sent.at().atZone(zone).toLocalDate();
      int count = perDay.merge(sent.channel() + "/" + day, 1, Integer::sum);
      assertThat(count)
          .as(
              "seed %d: %s on %s, at most %d by the limits",
              seed, sent.channel(), day, sent.dailyCap())
          .isLessThanOrEqualTo(sent.dailyCap())
          .isLessThanOrEqualTo(rampedCap(run.limits(), sent.channel(), run.start(), sent.at()));
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void neverHasMorePendingInvitationsThanTheMaximum(long seed) {
    Run run = run(seed);
    for (Sent sent : run.sent()) {
      assertThat(sent.pendingAfter())
          .as("seed %d: pending after %s at %s", seed, sent.channel(), sent.at())
          .isLessThanOrEqualTo(run.limits().maxPending());
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void aFreeAccountAddsAtMostFiveNotesAMonth(long seed) {
    Run run = run(seed);
    if (run.account().plan() != Plan.FREE) {
      return;
    }
    Map<YearMonth, Integer> notes = new HashMap<>();
    for (Sent sent : run.sent()) {
      if (sent.channel() == Channel.CONNECT && sent.withNote()) {
        YearMonth month = YearMonth.from(sent.at().atZone(run.account().timeZone()));
        assertThat(notes.merge(month, 1, Integer::sum))
            .as("seed %d: notes in %s", seed, month)
            .isLessThanOrEqualTo(AccountState.FREE_NOTES_PER_MONTH);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void everyDeferralPointsToTheFuture(long seed) {
    for (Deferral deferral : run(seed).deferrals()) {
      assertThat(deferral.until())
          .as("seed %d: %s deferred at %s", seed, deferral.channel(), deferral.at())
          .isAfter(deferral.at());
    }
  }

  @Test
  void theRandomStreamsReachEveryLimit() {
    // given every seed's run
    Set<String> reasons = new HashSet<>();
    long refunds = 0;
    long refusedRefunds = 0;
    long seedsWithRepeatedInmails = 0;
    for (long seed : seeds().toArray()) {
      Run run = run(seed);
      reasons.addAll(run.reasons());
      for (Responded response : run.responses()) {
        long refunded = response.refundedAfter() - response.refundedBefore();
        refunds += refunded;
        refusedRefunds += 1 - refunded;
      }
      Map<Long, Long> inmails = new HashMap<>();
      run.sent().stream()
          .filter(sent -> sent.channel() == Channel.INMAIL && sent.paid())
          .forEach(sent -> inmails.merge(sent.prospect(), 1L, Long::sum));
      seedsWithRepeatedInmails += inmails.values().stream().anyMatch(n -> n > 1) ? 1 : 0;
    }

    // then the properties above were tested against every kind of limit, not a quiet account
    assertThat(String.join("\n", reasons))
        .contains("weekly invitation cap reached")
        .contains("invitations pending (cap")
        .contains("invitations paused until")
        .contains("no InMail credits left")
        .contains("outside working hours")
        .contains("daily limit of")
        .contains("pacing");
    assertThat(refunds).isPositive();
    assertThat(refusedRefunds).isPositive();
    assertThat(seedsWithRepeatedInmails).isPositive();
  }

  // ---- the driver ----

  private record Sent(
      Channel channel,
      long prospect,
      Instant at,
      boolean paid,
      boolean withNote,
      int creditsLeft,
      int dailyCap,
      int pendingAfter) {}

  private record Responded(long prospect, Instant at, long refundedBefore, long refundedAfter) {}

  private record Deferral(Channel channel, Instant at, Instant until, String reason) {}

  private record Run(
      SenderAccount account,
      AccountLimits limits,
      Instant start,
      Instant end,
      List<Sent> sent,
      List<Responded> responses,
      List<Deferral> deferrals,
      Set<String> reasons,
      AccountState last) {}

  /** Runs are pure functions of their seed, so each is driven once and shared by the properties. */
  private static final Map<Long, Run> RUNS = new ConcurrentHashMap<>();

  private static Run run(long seed) {
    return RUNS.computeIfAbsent(seed, AccountLimitsPropertiesTest::drive);
  }

  /** One random account driven for 16 weeks; the same seed always gives the same run. */
  static Run drive(long seed) {
    Random random = new Random(seed);
    SenderAccount account = randomAccount(random);
    Instant start =
        Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(365 * 24 * 3600));
    AccountLimits limits = randomLimits(random, account, start);
    Instant end = start.plus(SIXTEEN_WEEKS);
    int prospects = 5 + random.nextInt(300);
    double openProfileShare = random.nextDouble() * 0.4;
    boolean[] openProfile = new boolean[prospects];
    for (int p = 0; p < prospects; p++) {
      openProfile[p] = random.nextDouble() < openProfileShare;
    }
    double acceptance = random.nextDouble() * 0.6;
    double meanStepMinutes = 5 + random.nextInt(60);

    AccountState state = AccountState.open(account, limits, start);
    List<Sent> sent = new ArrayList<>();
    List<Responded> responses = new ArrayList<>();
    List<Deferral> deferrals = new ArrayList<>(); // only those not pointing to the future
    Set<String> reasons = new HashSet<>();
    Set<Long> pending = new LinkedHashSet<>();
    List<Long> inmailed = new ArrayList<>();
    Instant now = start;
    while (now.isBefore(end)) {
      Instant next = null;
      double roll = random.nextDouble();
      if (roll < 0.70) {
        Channel channel = Channel.values()[random.nextInt(Channel.values().length)];
        long prospect = random.nextInt(prospects);
        QuotaCheck check = state.check(channel, now);
        if (check instanceof QuotaCheck.Allowed) {
          int cap = state.dailyCap(channel, now);
          boolean withNote =
              channel == Channel.CONNECT && state.noteAvailable(now) && random.nextBoolean();
          boolean open = openProfile[(int) prospect];
          state = state.sent(channel, prospect, "k" + sent.size(), withNote, open, now);
          if (channel == Channel.CONNECT) {
            pending.add(prospect);
          }
          if (channel == Channel.INMAIL) {
            inmailed.add(prospect);
          }
          sent.add(
              new Sent(
                  channel,
                  prospect,
                  now,
                  channel == Channel.INMAIL && !open,
                  withNote,
                  state.creditsLeft(now),
                  cap,
                  state.pending().count()));
        } else if (check instanceof QuotaCheck.Deferred deferred) {
          reasons.add(deferred.reason().replaceAll("[0-9]+", "#"));
          if (!deferred.until().isAfter(now)) {
            deferrals.add(new Deferral(channel, now, deferred.until(), deferred.reason()));
          }
          if (random.nextDouble() < 0.3 && deferred.until().isAfter(now)) {
            next = deferred.until(); // try again exactly when told to
          }
        }
      } else if (roll < 0.82) {
        Long prospect = pick(random, pending);
        if (prospect != null) {
          state = state.answered(prospect, random.nextDouble() < acceptance, now);
          pending.remove(prospect);
        }
      } else if (roll < 0.87) {
        List<Long> due = state.invitationsToWithdraw(now);
        Long prospect = due.isEmpty() ? pick(random, pending) : due.get(0);
        if (prospect != null) {
          state = state.withdrawn(prospect, now);
          pending.remove(prospect);
        }
      } else if (roll < 0.97) {
        long prospect =
            !inmailed.isEmpty() && random.nextDouble() < 0.8
                ? inmailed.get(inmailed.size() - 1 - random.nextInt(Math.min(5, inmailed.size())))
                : random.nextInt(prospects);
        long before = state.credits().at(now).totals().refunded();
        state = state.responded(prospect, now);
        long after = state.credits().at(now).totals().refunded();
        responses.add(new Responded(prospect, now, before, after));
      } else {
        next = now.plus(Duration.ofMinutes(60 + random.nextInt(3 * 24 * 60)));
      }
      if (next == null) {
        long minutes = (long) Math.ceil(-Math.log(1 - random.nextDouble()) * meanStepMinutes);
        next =
            now.plus(Duration.ofMinutes(Math.max(1, minutes))).plusMillis(random.nextInt(60_000));
      }
      now = next;
    }
    return new Run(account, limits, start, end, sent, responses, deferrals, reasons, state);
  }

  private static SenderAccount randomAccount(Random random) {
    Plan plan = Plan.values()[random.nextInt(Plan.values().length)];
    int weekly =
        switch (random.nextInt(5)) {
          case 0 -> 0;
          case 1 -> 1 + random.nextInt(10);
          case 2 -> 10 + random.nextInt(50);
          default -> plan.weeklyInvitations();
        };
    int credits =
        !plan.canSendInmail()
            ? 0
            : switch (random.nextInt(4)) {
              case 0 -> 0;
              case 1 -> 1 + random.nextInt(3);
              case 2 -> random.nextInt(60);
              default -> plan.monthlyInmailCredits();
            };
    ZoneId zone = ZoneId.of(ZONES.get(random.nextInt(ZONES.size())));
    return new SenderAccount(
        "acct-" + random.nextInt(1000), plan, weekly, credits, zone, randomHours(random));
  }

  private static WorkingHours randomHours(Random random) {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    while (days.isEmpty()) {
      for (DayOfWeek day : DayOfWeek.values()) {
        if (random.nextDouble() < 0.6) {
          days.add(day);
        }
      }
    }
    if (random.nextInt(8) == 0) {
      return new WorkingHours(days, LocalTime.MIDNIGHT, LocalTime.of(23, 59));
    }
    LocalTime start = LocalTime.of(random.nextInt(20), 15 * random.nextInt(4));
    int minutes =
        30 + random.nextInt((int) Duration.between(start, LocalTime.of(23, 30)).toMinutes());
    return new WorkingHours(days, start, start.plusMinutes(minutes));
  }

  private static AccountLimits randomLimits(Random random, SenderAccount account, Instant start) {
    AccountLimits defaults = AccountLimits.defaultsFor(account);
    boolean small = random.nextBoolean();
    double slow = 0.15 + random.nextDouble() * 0.3;
    int window = 10 + random.nextInt(41);
    AcceptanceGuard.Settings guard =
        random.nextBoolean()
            ? AcceptanceGuard.Settings.DEFAULT
            : new AcceptanceGuard.Settings(
                window,
                5 + random.nextInt(window - 4),
                slow,
                slow * random.nextDouble(),
                Duration.ofHours(1 + random.nextInt(10 * 24)));
    AccountLimits limits =
        new AccountLimits(
            small ? 1 + random.nextInt(15) : defaults.dailyInvitations(),
            small ? 1 + random.nextInt(20) : defaults.dailyMessages(),
            small ? 1 + random.nextInt(10) : defaults.dailyInmails(),
            small ? 1 + random.nextInt(20) : defaults.dailyEngagements(),
            small ? 1 + random.nextInt(20) : defaults.dailyEmails(),
            random.nextBoolean() ? 1 + random.nextInt(40) : defaults.maxPending(),
            Duration.ofHours(1 + random.nextInt(30 * 24)),
            guard,
            null);
    return random.nextInt(3) == 0 ? limits.withRampUpFrom(start) : limits;
  }

  private static Long pick(Random random, Set<Long> from) {
    if (from.isEmpty()) {
      return null;
    }
    int skip = random.nextInt(from.size());
    for (Long value : from) {
      if (skip-- == 0) {
        return value;
      }
    }
    throw new AssertionError("unreachable");
  }

  /** The full daily limit for a channel, lowered for a new account: 5 a day, 5 more each week. */
  private static int rampedCap(AccountLimits limits, Channel channel, Instant start, Instant at) {
    int full =
        switch (channel) {
          case CONNECT -> limits.dailyInvitations();
          case DM -> limits.dailyMessages();
          case INMAIL -> limits.dailyInmails();
          case ENGAGE -> limits.dailyEngagements();
          case EMAIL -> limits.dailyEmails();
        };
    if (limits.rampUpFrom() == null || channel == Channel.EMAIL) {
      return full;
    }
    long weeks = Duration.between(start, at).toDays() / 7;
    return (int) Math.min(full, 5 + 5 * weeks);
  }

  /** Calendar months in {@code zone} from {@code from} to {@code to}, both included. */
  private static long monthsTouched(Instant from, Instant to, ZoneId zone) {
    YearMonth first = YearMonth.from(from.atZone(zone));
    YearMonth last = YearMonth.from(to.atZone(zone));
    return first.until(last, java.time.temporal.ChronoUnit.MONTHS) + 1;
  }

  private static long refundsUpTo(Run run, Instant at) {
    long refunds = 0;
    for (Responded response : run.responses()) {
      if (!response.at().isAfter(at)) {
        refunds += response.refundedAfter() - response.refundedBefore();
      }
    }
    return refunds;
  }
}
