package dev.warmreach.policy;

import dev.warmreach.domain.Channel;
import java.util.Optional;

/** Connection requests and, once accepted, messages: no warm-up, InMail or email. A baseline. */
public final class ConnectOnly implements ChannelPolicy {

  @Override
  public String name() {
    return "connect-only";
  }

  @Override
  public Decision decide(DecisionInput in) {
    Optional<Decision> blocked = Eligibility.blocked(in);
    if (blocked.isPresent()) {
      return blocked.get();
    }
    return switch (in.proposed()) {
      case CONNECT ->
          Decision.send(Channel.CONNECT, in.noteAvailable(), "connect-only policy: a free request");
      case DM -> Decision.send(Channel.DM, false, "connected");
      case ENGAGE, INMAIL, EMAIL ->
          Decision.skip("connect-only policy: no " + Decision.lower(in.proposed()));
    };
  }
}
