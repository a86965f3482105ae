package dev.warmreach.sequence;

import dev.warmreach.domain.CampaignSettings;
import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Enrollment;
import dev.warmreach.domain.Message;
import dev.warmreach.domain.ProspectFacts.SignalSeen;
import dev.warmreach.domain.ProspectHistory;
import dev.warmreach.domain.ProspectHistory.Connection;
import dev.warmreach.domain.Touch;
import dev.warmreach.policy.ChannelPolicy;
import dev.warmreach.policy.Decision;
import dev.warmreach.policy.DecisionInput;
import dev.warmreach.quota.AccountState;
import dev.warmreach.quota.FollowUpWindow;
import dev.warmreach.quota.Jitter;
import dev.warmreach.quota.QuotaCheck;
import dev.warmreach.sequence.Step.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The pure heart of Warmreach: (enrollment, prospect, account, now) → (new enrollment, history,
 * account, commands). It walks the sequence as far as it can at {@code now}: passes over steps that
 * do not apply, asks the policy at each action, checks the account's limits, and stops at the first
 * thing that must wait. No clock, no I/O; the live driver and the simulator both call it.
 * Thread-safe.
 */
public final class SequenceEngine {

  /** A bound on steps taken in one call, against a definition that loops without waiting. */
  private static final int MAX_STEPS = 64;

  /** How the reason for a step left out because its text could not go to the prospect starts. */
  public static final String HELD_BACK = "held back: ";

  /** The step name of a touch that answers a signal outside the sequence's own steps. */
  public static final String SIGNAL_STEP = "signal";

  private final SequenceDefinition sequence;
  private final ChannelPolicy policy;
  private final CampaignSettings campaign;
  private final MessageWriter writer;

  public SequenceEngine(
      SequenceDefinition sequence,
      ChannelPolicy policy,
      CampaignSettings campaign,
      MessageWriter writer) {
    this.sequence = Objects.requireNonNull(sequence, "sequence");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.campaign = Objects.requireNonNull(campaign, "campaign");
    this.writer = Objects.requireNonNull(writer, "writer");
  }

  public SequenceDefinition sequence() {
    return sequence;
  }

  public ChannelPolicy policy() {
    return policy;
  }

  /** A new enrollment of {@code prospectId} at the sequence's first step, due at {@code now}. */
  public Enrollment enroll(long id, long campaignId, long prospectId, String account, Instant now) {
    return Enrollment.start(id, campaignId, prospectId, account, sequence.first().id(), now);
  }

  /** Moves the enrollment as far as it can go at {@code now}. */
  public Advance advance(
      Enrollment enrollment, ProspectState prospect, AccountState account, Instant now) {
    Run run = new Run(enrollment, prospect, account, now);
    return run.go();
  }

  /** The decision the policy would make for the enrollment's current step, without acting. */
  public Decision preview(
      Enrollment enrollment, ProspectState prospect, AccountState account, Instant now) {
    Step step = sequence.step(enrollment.step());
    if (prospect.doNotContact()) {
      return Decision.skip("on the do-not-contact list");
    }
    if (step instanceof Step.Action action) {
      return policy.decide(input(action, prospect.profile(), prospect.history(), account, now));
    }
    if (step instanceof Step.Wait wait) {
      return new Decision.Wait(
          enrollment.enteredStepAt().plus(wait.timeout()),
          List.of(
              wait.until().isEmpty()
                  ? "waiting for time to pass"
                  : "waiting until they " + awaited(wait.until()) + ", at most this long"));
    }
    return Decision.skip("the sequence has ended");
  }

  /** What a wait step listens for, in words: "accept or decline", "reply". */
  private static String awaited(Set<Outcome> outcomes) {
    return outcomes.stream()
        .sorted()
        .map(
            o ->
                switch (o) {
                  case ACCEPTED -> "accept";
                  case DECLINED -> "decline";
                  case REPLIED -> "reply";
                })
        .collect(Collectors.joining(" or "));
  }

  /**
   * The next touch that will carry text if nothing else happens first: the enrollment advanced, on
   * a copy, to when it is next due (or {@code now}, if sooner). It gives the exact message that
   * prospect would receive, or the step that holds their message back and why; empty when no text
   * is on the way before the sequence waits for them or ends.
   */
  public Optional<Command> nextMessage(
      Enrollment enrollment, ProspectState prospect, AccountState account, Instant now) {
    Enrollment e = enrollment;
    ProspectState p = prospect;
    AccountState a = account;
    Instant at = now;
    for (int look = 0; look < LOOKS_AHEAD && e.isActive() && e.nextDueAt() != null; look++) {
      at = e.nextDueAt().isAfter(at) ? e.nextDueAt() : at;
      Advance step = advance(e, p, a, at);
      Optional<Command> text = step.commands().stream().filter(SequenceEngine::carries).findFirst();
      if (text.isPresent()) {
        return text;
      }
      e = step.enrollment();
      p = p.with(step.history());
      a = step.account();
    }
    return Optional.empty();
  }

  /**
   * The whole path the prospect is expected to take from here, in words, e.g. "warm-up (2 rounds) →
   * request with note → DM; InMail after 7 days pending (high value)": on copies, nothing spent.
   */
  public String expectedPath(
      Enrollment enrollment, ProspectState prospect, AccountState account, Instant now) {
    if (!enrollment.isActive()) {
      return "";
    }
    return ExpectedPath.of(this, campaign, enrollment, prospect, account, now);
  }

  /** How many waits {@link #nextMessage} looks past: the longest path to a text in a sequence. */
  private static final int LOOKS_AHEAD = 8;

  /** Whether a command is a message on its way, or a message held back. */
  private static boolean carries(Command command) {
    return (command instanceof Command.Send send
            && send.message() != null
            && send.channel() != Channel.ENGAGE)
        || (command instanceof Command.Decided d
            && d.decision() instanceof Decision.Skip skip
            && skip.reasons().stream().anyMatch(r -> r.startsWith(HELD_BACK)));
  }

  private DecisionInput input(
      Step.Action action,
      dev.warmreach.domain.ProspectProfile profile,
      ProspectHistory history,
      AccountState account,
      Instant now) {
    return new DecisionInput(
        profile,
        history,
        account.account().plan(),
        account.creditsLeft(now),
        account.noteAvailable(now),
        campaign,
        action.channel(),
        now,
        action.channel() == Channel.CONNECT
            && account.check(Channel.CONNECT, now) instanceof QuotaCheck.Deferred);
  }

  /** One call's worth of walking the sequence; not thread-safe, used once. */
  private final class Run {
    private Enrollment enrollment;
    private ProspectHistory history;
    private AccountState account;
    private final ProspectState prospect;
    private final Instant now;
    private final List<Command> commands = new ArrayList<>();
    private Channel waitingFor;
    // A fresh signal's reason, while its answer is still to go out; the answer goes out without
    // the step's delay.
    private String signalReason;
    // When a signal's own touch, held back by the account's limits, may go out.
    private Instant answerAt;

    Run(Enrollment enrollment, ProspectState prospect, AccountState account, Instant now) {
      this.enrollment = enrollment;
      this.prospect = prospect;
      this.history = prospect.history();
      this.account = account;
      this.now = now;
    }

    Advance go() {
      SignalSeen signal =
          enrollment.isActive() && !prospect.doNotContact() && !history.replied()
              ? SignalResponse.fresh(prospect.facts().latestSignal(), history, now)
              : null;
      if (signal != null) {
        answer(signal);
      }
      for (int taken = 0; taken < MAX_STEPS && enrollment.isActive(); taken++) {
        if (prospect.doNotContact()) {
          finish(Enrollment.Status.STOPPED, "on the do-not-contact list");
          break;
        }
        if (history.replied()) {
          finish(Enrollment.Status.REPLIED, "they replied");
          break;
        }
        Step step = sequence.step(enrollment.step());
        if (!(step instanceof Step.End)
            && !step.when().test(prospect.profile(), history, campaign)) {
          moveTo(sequence.after(step));
          continue;
        }
        boolean moved;
        if (step instanceof Step.Action action) {
          moved = act(action);
        } else if (step instanceof Step.Wait wait) {
          moved = await(wait);
        } else {
          finish(Enrollment.Status.COMPLETED, "the sequence ended");
          moved = false;
        }
        if (!moved) {
          break;
        }
      }
      if (answerAt != null
          && enrollment.isActive()
          && (enrollment.nextDueAt() == null || enrollment.nextDueAt().isAfter(answerAt))) {
        enrollment = enrollment.dueAt(answerAt);
      }
      return new Advance(enrollment, history, account, commands, waitingFor);
    }

    /**
     * Answers a fresh signal: the step on the channel that answers it is brought forward (the
     * current one, or the next one on that channel); with no such step ahead, a touch of its own
     * goes out now and the sequence stays where it was.
     */
    private void answer(SignalSeen signal) {
      signalReason = SignalResponse.reason(signal, now);
      Channel want =
          SignalResponse.channel(
              signal, prospect.profile().seniority(), history, account.creditsLeft(now));
      Step current = sequence.step(enrollment.step());
      if (want == null || (current instanceof Step.Action a && a.channel() == want)) {
        return;
      }
      String ahead = stepAhead(current, want);
      if (ahead != null) {
        enrollment = enrollment.at(ahead, now);
        return;
      }
      sendOwn(signal, want);
    }

    /** The first step after {@code from} that acts on {@code channel} for this prospect. */
    private String stepAhead(Step from, Channel channel) {
      Step step = from;
      for (int looked = 0; looked < MAX_STEPS; looked++) {
        String next = sequence.after(step);
        if (next == null) {
          return null;
        }
        step = sequence.step(next);
        if (step instanceof Step.Action a
            && a.channel() == channel
            && a.when().test(prospect.profile(), history, campaign)) {
          return a.id();
        }
      }
      return null;
    }

    /** A touch that answers the signal outside the sequence's steps, when the account may. */
    private void sendOwn(SignalSeen signal, Channel channel) {
      QuotaCheck check = account.check(channel, now);
      if (check instanceof QuotaCheck.Deferred deferred) {
        answerAt = deferred.until(); // outside working hours or over a limit: back when it may go
        return;
      }
      if (!(check instanceof QuotaCheck.Allowed)) {
        return; // refused: the sequence goes on, and the signal stays fresh for its steps
      }
      Decision.Send send =
          new Decision.Send(
              channel,
              channel == Channel.CONNECT && account.noteAvailable(now),
              List.of(signalReason));
      String template = templateFor(null, channel);
      Message message = null;
      if (template != null && carriesText(send)) {
        MessageWriter.Written written =
            writer.write(template, channel, prospect.with(history), account.account());
        if (written instanceof MessageWriter.HeldBack held) {
          commands.add(
              new Command.Decided(
                  enrollment.id(),
                  prospect.id(),
                  SIGNAL_STEP,
                  Decision.skip(signalReason, HELD_BACK + held.reason())));
          signalReason = null;
          return;
        }
        message = ((MessageWriter.Ready) written).message();
      }
      String key = Touch.keyFor(enrollment.id(), SIGNAL_STEP + "@" + signal.at().toEpochMilli(), 0);
      account =
          account.sent(
              channel, prospect.id(), key, send.withNote(), prospect.profile().openProfile(), now);
      history = history.touched(channel, now);
      commands.add(
          new Command.Send(
              enrollment.id(),
              prospect.id(),
              enrollment.senderAccount(),
              SIGNAL_STEP,
              channel,
              send.withNote(),
              template,
              key,
              send,
              message));
      signalReason = null;
    }

    private boolean act(Step.Action action) {
      Instant due = signalReason != null ? enrollment.enteredStepAt() : dueAt(action);
      if (now.isBefore(due)) {
        enrollment = enrollment.dueAt(due);
        return false;
      }
      int round = 0;
      boolean takenHere =
          history.lastTouchAt() != null
              && !history.lastTouchAt().isBefore(enrollment.enteredStepAt());
      if (action.rounds() > 1 && takenHere) {
        // The first round happens however long the account's limits hold it back, and the step is
        // re-entered when it is taken: later rounds count from there.
        Instant first = enrollment.enteredStepAt();
        round = (int) (Duration.between(first, now).toMillis() / action.every().toMillis());
        if (round >= action.rounds()) {
          moveTo(sequence.after(action));
          return true;
        }
        Instant roundStart = first.plus(action.every().multipliedBy(round));
        if (!history.lastTouchAt().isBefore(roundStart)) {
          return nextRound(action, round); // this round was taken already
        }
      }
      Decision decision = policy.decide(input(action, prospect.profile(), history, account, now));
      if (decision instanceof Decision.Send send) {
        if (signalReason != null) {
          List<String> reasons = new ArrayList<>(send.reasons());
          reasons.add(0, signalReason);
          send = new Decision.Send(send.channel(), send.withNote(), reasons);
        }
        return send(action, send, round);
      }
      commands.add(new Command.Decided(enrollment.id(), prospect.id(), action.id(), decision));
      if (decision instanceof Decision.Wait wait) {
        enrollment = enrollment.dueAt(wait.until());
        return false;
      }
      moveTo(sequence.after(action));
      return true;
    }

    /**
     * After round {@code round} of a repeated action: wait for the next round, or go on after the
     * last.
     */
    private boolean nextRound(Step.Action action, int round) {
      if (round + 1 >= action.rounds()) {
        moveTo(sequence.after(action));
        return true;
      }
      Instant first = enrollment.enteredStepAt();
      enrollment = enrollment.dueAt(first.plus(action.every().multipliedBy(round + 1L)));
      return false;
    }

    private boolean send(Step.Action action, Decision.Send send, int round) {
      QuotaCheck check = account.check(send.channel(), now);
      FollowUpWindow daysOff =
          signalReason == null && send.channel() == Channel.DM ? daysOff(action) : null;
      if (daysOff != null && daysOff.contains(now)) {
        // A follow-up whose window holds no working time goes on the day off, in the usual hours;
        // held back there (pacing), it waits for its time, not for the account's working week.
        QuotaCheck onDayOff = account.checkOnDaysOff(Channel.DM, now);
        if (onDayOff instanceof QuotaCheck.Deferred deferred
            && daysOff.contains(deferred.until())) {
          enrollment = enrollment.dueAt(deferred.until());
          return false;
        }
        if (onDayOff instanceof QuotaCheck.Allowed) {
          check = onDayOff;
        }
      }
      if (check instanceof QuotaCheck.Deferred deferred) {
        enrollment = enrollment.dueAt(deferred.until());
        waitingFor = send.channel();
        return false;
      }
      if (check instanceof QuotaCheck.Refused refused) {
        return skip(action, refused.reason());
      }
      String template = templateFor(action, send.channel());
      Message message = null;
      boolean withNote = send.withNote();
      if (send.channel() == Channel.ENGAGE) {
        // The post to engage with, and the comment on it when the step asks for one.
        template = action.asksForComment() ? Step.Action.COMMENT : null;
        if (writer.write(template, Channel.ENGAGE, prospect.with(history), account.account())
            instanceof MessageWriter.Ready ready) {
          message = ready.message();
        }
        withNote = message != null && !message.body().isEmpty() && !campaign.commentsNeedApproval();
      } else if (template != null && carriesText(send)) {
        MessageWriter.Written written =
            writer.write(template, send.channel(), prospect.with(history), account.account());
        if (written instanceof MessageWriter.HeldBack held) {
          return skip(action, HELD_BACK + held.reason());
        }
        message = ((MessageWriter.Ready) written).message();
      }
      String key = Touch.keyFor(enrollment.id(), action.id(), round);
      account =
          account.sent(
              send.channel(),
              prospect.id(),
              key,
              send.withNote(),
              prospect.profile().openProfile(),
              now);
      history = history.touched(send.channel(), now);
      signalReason = null;
      commands.add(
          new Command.Send(
              enrollment.id(),
              prospect.id(),
              enrollment.senderAccount(),
              action.id(),
              send.channel(),
              withNote,
              template,
              key,
              send,
              message));
      if (action.rounds() > 1) {
        if (round == 0) {
          enrollment = enrollment.at(action.id(), now); // later rounds count from the first
        }
        return nextRound(action, round);
      }
      moveTo(sequence.after(action));
      return true;
    }

    /** Leaves the step out for this prospect, recording why, and goes on. */
    private boolean skip(Step.Action action, String reason) {
      commands.add(
          new Command.Decided(enrollment.id(), prospect.id(), action.id(), Decision.skip(reason)));
      moveTo(sequence.after(action));
      return true;
    }

    private boolean await(Step.Wait wait) {
      Outcome outcome = outcome();
      if (outcome != null && wait.until().contains(outcome)) {
        String target = wait.on().get(outcome);
        moveTo(target != null ? target : sequence.after(wait));
        return true;
      }
      Instant timeout = enrollment.enteredStepAt().plus(wait.timeout());
      if (!now.isBefore(timeout)) {
        moveTo(wait.onTimeout() != null ? wait.onTimeout() : sequence.after(wait));
        return true;
      }
      enrollment = enrollment.dueAt(timeout);
      return false;
    }

    private Outcome outcome() {
      if (history.replied()) {
        return Outcome.REPLIED;
      }
      if (history.connection() == Connection.ACCEPTED) {
        return Outcome.ACCEPTED;
      }
      if (history.connection() == Connection.DECLINED
          || history.connection() == Connection.WITHDRAWN) {
        return Outcome.DECLINED;
      }
      return null;
    }

    private void moveTo(String step) {
      if (step == null) {
        finish(Enrollment.Status.COMPLETED, "the sequence ended");
      } else {
        enrollment = enrollment.at(step, now);
      }
    }

    private void finish(Enrollment.Status status, String reason) {
      enrollment = enrollment.finished(status);
      commands.add(new Command.Finished(enrollment.id(), prospect.id(), status, reason));
    }

    /**
     * When the step is due: after its delay, a point between the shortest and longest fixed per
     * enrollment and step. A range is read as a window the touch must land in ("24 to 48 hours
     * after accepting"), so the point is taken from the account's working time inside it; a due
     * time outside working hours would otherwise be put off past the window's end. The last tenth
     * of that working time is left for pacing.
     */
    private Instant dueAt(Step.Action action) {
      Instant entered = enrollment.enteredStepAt();
      Duration span = action.delayMax().minus(action.delayMin());
      if (span.isZero()) {
        return entered.plus(action.delayMin());
      }
      double share = Jitter.unit(enrollment.id(), Jitter.key(action.id()));
      Instant from = entered.plus(action.delayMin());
      Instant to = entered.plus(action.delayMax());
      var sender = account.account();
      Optional<Instant> working =
          sender
              .workingHours()
              .pointWithin(from, to, sender.timeZone(), share * WINDOW_SHARE_FOR_THE_TOUCH);
      if (working.isPresent()) {
        return working.get();
      }
      FollowUpWindow daysOff = daysOff(action);
      if (daysOff != null) {
        working =
            daysOff.pointOnDaysOff(
                sender.workingHours(), sender.timeZone(), share * WINDOW_SHARE_FOR_THE_TOUCH);
      }
      return working.orElse(from.plusMillis((long) (span.toMillis() * share)));
    }

    /**
     * The window of a follow-up DM step (a delay range) after they accepted our request, when the
     * account (its own setting, else the campaign's) lets it go on days off and the account's
     * working hours leave no time in it; otherwise null. An old connection, who accepted nothing,
     * waits for working hours.
     */
    private FollowUpWindow daysOff(Step.Action action) {
      if (!account.account().allowsFollowUpsOnDaysOff(campaign.followUpsOnDaysOff())
          || action.channel() != Channel.DM
          || history.connection() != Connection.ACCEPTED
          || prospect.facts().requestSentAt() == null
          || action.delayMax().compareTo(action.delayMin()) <= 0) {
        return null;
      }
      FollowUpWindow window =
          FollowUpWindow.after(enrollment.enteredStepAt(), action.delayMin(), action.delayMax());
      var sender = account.account();
      return window.onDaysOff(sender.workingHours(), sender.timeZone()) ? window : null;
    }
  }

  /** The share of a delay window's working time a touch is planned into; the rest is for pacing. */
  private static final double WINDOW_SHARE_FOR_THE_TOUCH = 0.9;

  /** A connection request the policy sends without a note carries no text (a warm-up: above). */
  private static boolean carriesText(Decision.Send send) {
    return switch (send.channel()) {
      case ENGAGE -> false;
      case CONNECT -> send.withNote();
      case DM, INMAIL, EMAIL -> true;
    };
  }

  /** The template for a channel the policy chose instead of the step's own. */
  private static String templateFor(Step.Action action, Channel chosen) {
    if (action != null && chosen == action.channel()) {
      return action.template();
    }
    return switch (chosen) {
      case INMAIL -> "inmail";
      case CONNECT -> "note";
      case DM -> "first-dm";
      case EMAIL -> "email";
      case ENGAGE -> null;
    };
  }
}
