package dev.warmreach.policy;

import dev.warmreach.domain.ActivityLevel;
import dev.warmreach.domain.Channel;
import dev.warmreach.domain.ProspectProfile;
import dev.warmreach.domain.Seniority;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The default policy: SPEC §2's decision framework as fixed rules. InMail for senior
 * decision-makers (C-suite, VP, read from the title) who are cold and not known to be active on
 * LinkedIn, or in a time-sensitive or account-based campaign; a free connection request for
 * everyone else, and for anyone already warm; never an InMail where a free request would do.
 */
public final class Playbook implements ChannelPolicy {

  @Override
  public String name() {
    return "playbook";
  }

  @Override
  public Decision decide(DecisionInput in) {
    Optional<Decision> blocked = Eligibility.blocked(in);
    if (blocked.isPresent()) {
      return blocked.get();
    }
    ProspectProfile p = in.prospect();
    return switch (in.proposed()) {
      case ENGAGE ->
          Decision.send(
              Channel.ENGAGE, false, "engaging with their posts makes the sender's name familiar");
      case CONNECT -> firstTouch(in, p);
      case DM ->
          Decision.send(
              Channel.DM, false, "connected", "thank them and ask one low-friction question");
      case INMAIL -> followUpInmail(in, p);
      case EMAIL ->
          Decision.send(
              Channel.EMAIL,
              false,
              in.history().touches() > 0
                  ? "LinkedIn has not converted; a business email is known"
                  : "a business email is known");
    };
  }

  private static Decision firstTouch(DecisionInput in, ProspectProfile p) {
    boolean senior = p.seniority().isSeniorDecisionMaker();
    boolean warm = in.history().engaged();
    // Unknown activity is not "active": SPEC §2 sends seniors an InMail unless they are known to
    // be active on LinkedIn (imports from LinkedIn and Sales Navigator never say).
    boolean active = p.activity() == ActivityLevel.HIGH || p.activity() == ActivityLevel.MEDIUM;
    boolean urgent = in.campaign().timeSensitive() || in.campaign().accountBased();
    if (senior && !warm && (!active || urgent) && Eligibility.inmailPossible(in)) {
      List<String> reasons = new ArrayList<>();
      reasons.add(label(p.seniority()));
      reasons.add(activity(p.activity()));
      if (in.campaign().timeSensitive()) {
        reasons.add("time-sensitive campaign");
      }
      if (in.campaign().accountBased()) {
        reasons.add("account-based campaign");
      }
      reasons.add(Eligibility.credits(in));
      return new Decision.Send(Channel.INMAIL, false, reasons);
    }
    List<String> reasons = new ArrayList<>();
    if (warm) {
      reasons.add("warm: the sender engaged with their posts");
    }
    if (!senior) {
      reasons.add(label(p.seniority()));
    } else if (active) {
      reasons.add(label(p.seniority()) + " but active on LinkedIn");
    } else {
      reasons.add(label(p.seniority()));
    }
    if (p.activity() == ActivityLevel.HIGH) {
      reasons.add("high LinkedIn activity");
    }
    reasons.add("a request is free and leaves a lasting connection");
    if (!in.noteAvailable()) {
      reasons.add("no notes left this month on a free account, so no note");
    }
    return new Decision.Send(Channel.CONNECT, in.noteAvailable(), reasons);
  }

  /** What is known of their LinkedIn activity, in words that claim no more than that. */
  private static String activity(ActivityLevel level) {
    return switch (level) {
      case HIGH -> "high LinkedIn activity";
      case MEDIUM -> "some LinkedIn activity";
      case LOW -> "low LinkedIn activity";
      case UNKNOWN -> "LinkedIn activity unknown";
    };
  }

  private static Decision followUpInmail(DecisionInput in, ProspectProfile p) {
    if (!in.campaign().isHighValue(p)) {
      return Decision.skip("not a high-value prospect: InMail credits are kept for those");
    }
    List<String> reasons = new ArrayList<>();
    reasons.add("high-value " + label(p.seniority()));
    switch (in.history().connection()) {
      case PENDING -> reasons.add("request pending for a week");
      case DECLINED -> reasons.add("request declined");
      case WITHDRAWN -> reasons.add("request went unanswered");
      case NONE, ACCEPTED -> {}
    }
    reasons.add(Eligibility.credits(in));
    return new Decision.Send(Channel.INMAIL, false, reasons);
  }

  static String label(Seniority seniority) {
    return switch (seniority) {
      case C_SUITE -> "C-suite";
      case VP -> "VP";
      case DIRECTOR -> "director";
      case MANAGER -> "manager";
      case INDIVIDUAL -> "individual contributor";
      case UNKNOWN -> "seniority unknown";
    };
  }
}
