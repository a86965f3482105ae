package dev.warmreach.policy;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.ProspectProfile;
import java.util.Objects;
import java.util.function.Function;

/**
 * The oracle (SPEC §6, forecasts only): the adaptive policy's objective with the scenario's true
 * rates instead of learned ones — the upper bound the adaptive policy is measured against. It keeps
 * the same rules that protect the user.
 */
public final class Oracle implements ChannelPolicy {

  public static final String NAME = "oracle";

  private final ChannelPolicy playbook = new Playbook();
  private final Function<ProspectProfile, KnownRates> truth;

  /**
   * @param truth each prospect's true rates
   */
  public Oracle(Function<ProspectProfile, KnownRates> truth) {
    this.truth = Objects.requireNonNull(truth, "truth");
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
    Segment segment = Segment.of(in.prospect(), in.campaign());
    Figures figures = new Known(truth.apply(in.prospect()));
    return switch (in.proposed()) {
      case CONNECT -> ExpectedReplies.firstTouch(in, send, segment, figures);
      case INMAIL ->
          send.channel() == Channel.INMAIL
              ? ExpectedReplies.followUp(in, send, segment, figures)
              : decision;
      case ENGAGE, DM, EMAIL -> decision;
    };
  }

  private record Known(KnownRates rates) implements Figures {
    @Override
    public double value(LearnedRate rate) {
      return rates.of(rate);
    }

    @Override
    public double high(LearnedRate rate) {
      return rates.of(rate);
    }

    @Override
    public String quote(LearnedRate rate) {
      return Figures.percent(rates.of(rate)) + " (the scenario's truth)";
    }

    @Override
    public boolean exploring() {
      return false;
    }
  }
}
