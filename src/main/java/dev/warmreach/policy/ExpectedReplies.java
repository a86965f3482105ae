package dev.warmreach.policy;

import dev.warmreach.domain.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The objective the adaptive policy and its oracle share: for the first touch, the channel with the
 * most expected replies, and for a follow-up InMail, whether the credit earns its keep. A free
 * request earns acceptance × reply after acceptance; an InMail earns its reply rate less what the
 * credit could earn elsewhere ({@link #CREDIT_VALUE}), and a credit that comes back (the recipient
 * responds) costs nothing. SPEC §2's rules that protect the user hold whatever the figures say: no
 * InMail on a warm prospect who would accept a free request, no request where acceptance is surely
 * too low (it lowers the account's standing), and follow-ups after acceptance are never touched.
 */
final class ExpectedReplies {

  /**
   * What a credit is worth in replies: about what the playbook's InMail to a cold senior earns
   * beyond a free request (18% against 12% × 40%), so a credit goes where it does at least that.
   */
  static final double CREDIT_VALUE = 0.12;

  /** Warm acceptance from which a warm prospect "would accept a free request" (SPEC §1: 20–40%). */
  static final double WOULD_ACCEPT = 0.20;

  /** Acceptance under which a request hurts the account's standing more than it earns. */
  static final double TOO_LOW_TO_ASK = 0.10;

  /** How long a prospect best reached by InMail waits for the month's credits, at most. */
  static final Duration LONGEST_WAIT_FOR_CREDITS = Duration.ofDays(35);

  private static final Duration LOOK_AGAIN = Duration.ofDays(7);

  private static final Duration OUTCOMES_AGAIN = Duration.ofDays(1);

  private ExpectedReplies() {}

  /**
   * The first touch (a connection request step): the playbook's choice unless the figures show
   * another earns more. Campaigns marked time-sensitive or account-based keep the playbook's
   * choice: that is the user's instruction.
   */
  static Decision firstTouch(
      DecisionInput in, Decision.Send playbook, Segment segment, Figures figures) {
    if (in.campaign().timeSensitive() || in.campaign().accountBased()) {
      return playbook;
    }
    boolean warm = in.history().engaged();
    LearnedRate acceptance = warm ? LearnedRate.ACCEPTANCE_WARM : LearnedRate.ACCEPTANCE_COLD;
    double request = figures.value(acceptance) * figures.value(LearnedRate.REPLY_AFTER_ACCEPTANCE);
    double inmail = inmailValue(in, figures);
    boolean inmailAllowed =
        Eligibility.inmailPossible(in)
            && !(warm && figures.high(LearnedRate.ACCEPTANCE_WARM) >= WOULD_ACCEPT);
    String who = segment.label();
    List<String> reasons = new ArrayList<>();
    boolean wouldAccept = warm && figures.high(LearnedRate.ACCEPTANCE_WARM) >= WOULD_ACCEPT;
    if (!inmailAllowed && inmail > request && waitsForCredits(in, wouldAccept)) {
      reasons.add(
          who
              + " answer InMails "
              + figures.quote(LearnedRate.INMAIL_REPLY)
              + " vs "
              + figures.quote(acceptance)
              + " acceptance");
      reasons.add("no InMail credits left: waiting for the month's credits rather than a request");
      return new Decision.Wait(in.now().plus(LOOK_AGAIN), reasons);
    }
    if (inmailAllowed && inmail > request) {
      reasons.add(
          who
              + " answer InMails "
              + figures.quote(LearnedRate.INMAIL_REPLY)
              + " vs "
              + figures.quote(acceptance)
              + (warm ? " acceptance when warm" : " acceptance"));
      explored(figures, reasons);
      reasons.add(Eligibility.credits(in));
      return new Decision.Send(Channel.INMAIL, false, reasons);
    }
    // A request still helps a later email land (SPEC §1), so it is kept where an email can follow.
    if (figures.high(acceptance) < TOO_LOW_TO_ASK && !in.prospect().hasEmail()) {
      reasons.add(
          who
              + " accept requests "
              + figures.quote(acceptance)
              + ": a request would lower the account's acceptance rate");
      if (!inmailAllowed && Eligibility.inmailPossible(in) && warm) {
        reasons.add("no InMail: they are warm");
      }
      return new Decision.Skip(reasons);
    }
    reasons.add(
        who
            + " "
            + acceptance.verb()
            + " "
            + figures.quote(acceptance)
            + " and answer "
            + figures.quote(LearnedRate.REPLY_AFTER_ACCEPTANCE)
            + " after"
            + (Eligibility.inmailPossible(in)
                ? " vs InMails " + figures.quote(LearnedRate.INMAIL_REPLY)
                : ""));
    if (warm && Eligibility.inmailPossible(in) && !inmailAllowed) {
      reasons.add("warm: they would accept a free request");
    }
    explored(figures, reasons);
    reasons.add("a request is free and leaves a lasting connection");
    if (!in.noteAvailable()) {
      reasons.add("no notes left this month on a free account, so no note");
    }
    return new Decision.Send(Channel.CONNECT, in.noteAvailable(), reasons);
  }

  /**
   * A request where the figures favour a credit, but too few requests to the segment have an
   * outcome yet to know what a credit would forgo: the request is free, and learns it.
   */
  static Decision requestFirst(
      DecisionInput in, Segment segment, Figures figures, LearnedRate acceptance) {
    List<String> reasons = new ArrayList<>();
    reasons.add(
        segment.label()
            + " "
            + acceptance.verb()
            + " "
            + figures.quote(acceptance)
            + ": too few outcomes yet to spend a credit on them");
    reasons.add("a request first is free and shows whether they accept");
    if (!in.noteAvailable()) {
      reasons.add("no notes left this month on a free account, so no note");
    }
    return new Decision.Send(Channel.CONNECT, in.noteAvailable(), reasons);
  }

  /**
   * Neither a credit nor a request yet: the segment's figures are still being learned and enough of
   * its touches already await their outcome ({@code why}). A day later the figures may tell.
   */
  static Decision waitForOutcomes(
      DecisionInput in, Segment segment, Figures figures, LearnedRate acceptance, String why) {
    List<String> reasons = new ArrayList<>();
    reasons.add(
        segment.label()
            + " "
            + acceptance.verb()
            + " "
            + figures.quote(acceptance)
            + " and answer InMails "
            + figures.quote(LearnedRate.INMAIL_REPLY)
            + ": too few outcomes yet to spend a credit on them");
    reasons.add(why);
    return new Decision.Wait(in.now().plus(OUTCOMES_AGAIN), reasons);
  }

  /** A follow-up InMail the playbook would send: kept unless it does not earn its credit. */
  static Decision followUp(
      DecisionInput in, Decision.Send playbook, Segment segment, Figures figures) {
    String answer = segment.label() + " answer InMails " + figures.quote(LearnedRate.INMAIL_REPLY);
    if (inmailValue(in, figures) <= 0) {
      return Decision.skip(answer, "the credit is kept for prospects who answer");
    }
    List<String> reasons = new ArrayList<>(playbook.reasons());
    reasons.add(reasons.size() - 1, answer);
    return new Decision.Send(Channel.INMAIL, false, reasons);
  }

  /**
   * Whether an InMail is ruled out only by the credits running out, and the prospect has not been
   * kept waiting for them long: then the month's credits are worth waiting for. A warm prospect
   * waits too once the segment is known not to accept requests when warm ({@code wouldAccept}
   * false); before, a warm prospect out of credits took a request the figures said was poorer.
   */
  private static boolean waitsForCredits(DecisionInput in, boolean wouldAccept) {
    if (wouldAccept
        || !in.plan().canSendInmail()
        || in.history().inmailsSent() > 0
        || in.creditsLeft() > 0
        || in.history().lastTouchAt() == null) {
      return false;
    }
    Instant since = in.history().lastTouchAt(); // the warm-up that opened the sequence
    return in.now().isBefore(since.plus(LONGEST_WAIT_FOR_CREDITS));
  }

  /** Replies an InMail earns, less the credit's worth unless it comes back or none is needed. */
  static double inmailValue(DecisionInput in, Figures figures) {
    double reply = figures.value(LearnedRate.INMAIL_REPLY);
    double cost = in.prospect().openProfile() ? 0 : CREDIT_VALUE * (1 - reply);
    return reply - cost;
  }

  private static void explored(Figures figures, List<String> reasons) {
    if (figures.exploring()) {
      reasons.add("exploring: the figures are still uncertain, so this one is a draw from them");
    }
  }
}
