package dev.warmreach.sequence;

import dev.warmreach.domain.CampaignSettings;
import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Enrollment;
import dev.warmreach.domain.ProspectHistory.Connection;
import dev.warmreach.quota.AccountState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole path a prospect is expected to take from where they are, in words: the engine run on
 * copies, assuming they accept a request and answer the first message, with the branch taken when
 * the request stays pending, e.g. "warm-up (2 rounds) → request with note → DM; InMail after 7 days
 * pending (high value)". Pure; nothing is stored or spent.
 */
final class ExpectedPath {

  /** A bound on the engine calls one path takes. */
  private static final int MOST_STEPS = 32;

  private ExpectedPath() {}

  static String of(
      SequenceEngine engine,
      CampaignSettings campaign,
      Enrollment enrollment,
      ProspectState prospect,
      AccountState account,
      Instant now) {
    List<String> path = new ArrayList<>();
    String branch = null;
    Enrollment e = enrollment;
    ProspectState p = prospect;
    AccountState a = account;
    Instant at = now;
    int warmUps = 0;
    for (int taken = 0; taken < MOST_STEPS && e.isActive(); taken++) {
      if (e.nextDueAt() != null && e.nextDueAt().isAfter(at)) {
        at = e.nextDueAt();
      }
      Advance step = engine.advance(e, p, a, at);
      boolean conversation = false;
      for (Command c : step.commands()) {
        if (c instanceof Command.Send send) {
          if (send.channel() == Channel.ENGAGE) {
            warmUps++;
            continue;
          }
          if (warmUps > 0) {
            path.add(warmUps > 1 ? "warm-up (" + warmUps + " rounds)" : "warm-up");
            warmUps = 0;
          }
          path.add(label(send));
          conversation |= send.channel() != Channel.CONNECT;
        }
      }
      e = step.enrollment();
      p = p.with(step.history());
      a = step.account();
      if (conversation) {
        break; // a conversation has started; a reply ends the sequence
      }
      Step current = engine.sequence().step(e.step());
      if (e.isActive()
          && current instanceof Step.Wait wait
          && wait.until().contains(Step.Outcome.ACCEPTED)
          && p.history().connection() == Connection.PENDING) {
        if (branch == null) {
          branch = ifPending(engine, campaign, e, p, a, wait);
        }
        p = p.with(p.history().withConnection(Connection.ACCEPTED));
      }
      if (e.isActive() && e.nextDueAt() == null) {
        break;
      }
    }
    if (warmUps > 0) {
      path.add(warmUps > 1 ? "warm-up (" + warmUps + " rounds)" : "warm-up");
    }
    String text = path.isEmpty() ? "nothing more to send" : String.join(" → ", path);
    return branch == null ? text : text + "; " + branch;
  }

  /** What follows when the request is still pending at the wait's end. */
  private static String ifPending(
      SequenceEngine engine,
      CampaignSettings campaign,
      Enrollment waiting,
      ProspectState p,
      AccountState a,
      Step.Wait wait) {
    Instant at = waiting.enteredStepAt().plus(wait.timeout());
    Enrollment e = waiting;
    for (int taken = 0; taken < 8 && e.isActive(); taken++) {
      if (e.nextDueAt() != null && e.nextDueAt().isAfter(at)) {
        at = e.nextDueAt();
      }
      Advance step = engine.advance(e, p, a, at);
      for (Command c : step.commands()) {
        if (c instanceof Command.Send send) {
          return label(send)
              + " after "
              + wait.timeout().toDays()
              + " days pending"
              + (campaign.isHighValue(p.profile()) ? " (high value)" : "");
        }
      }
      e = step.enrollment();
      p = p.with(step.history());
      a = step.account();
      if (e.nextDueAt() == null) {
        break;
      }
    }
    return null;
  }

  private static String label(Command.Send send) {
    return switch (send.channel()) {
      case ENGAGE -> "warm-up";
      case CONNECT -> send.withNote() ? "request with note" : "request without note";
      case DM -> "DM";
      case INMAIL -> "InMail";
      case EMAIL -> "email";
    };
  }
}
