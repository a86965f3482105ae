package dev.warmreach.policy;

import dev.warmreach.domain.Channel;
import java.util.Optional;

/** InMail as the first touch wherever credits allow; a connection request otherwise. */
public final class InmailFirst implements ChannelPolicy {

  @Override
  public String name() {
    return "inmail-first";
  }

  @Override
  public Decision decide(DecisionInput in) {
    if (in.proposed() == Channel.CONNECT
        && in.history().inmailsSent() == 0
        && Eligibility.inmailPossible(in)) {
      return Decision.send(Channel.INMAIL, false, "inmail-first policy", Eligibility.credits(in));
    }
    Optional<Decision> blocked = Eligibility.blocked(in);
    if (blocked.isPresent()) {
      return blocked.get();
    }
    return switch (in.proposed()) {
      case ENGAGE -> Decision.skip("inmail-first policy: no warm-up");
      case CONNECT ->
          Decision.send(
              Channel.CONNECT, in.noteAvailable(), "no InMail possible, so a free request");
      case DM -> Decision.send(Channel.DM, false, "connected");
      case INMAIL -> Decision.send(Channel.INMAIL, false, Eligibility.credits(in));
      case EMAIL -> Decision.send(Channel.EMAIL, false, "a business email is known");
    };
  }
}
