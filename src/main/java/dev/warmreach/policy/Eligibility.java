package dev.warmreach.policy;

import dev.warmreach.domain.ProspectHistory.Connection;
import java.util.Optional;

/**
 * What no policy may do, whatever it prefers: a second request while one is pending, a message to
 * someone not connected, an InMail without credits, an email without an address.
 */
final class Eligibility {

  private Eligibility() {}

  /** A reason the proposed channel is impossible for this prospect, or empty. */
  static Optional<Decision> blocked(DecisionInput in) {
    Connection connection = in.history().connection();
    return switch (in.proposed()) {
      case ENGAGE -> Optional.empty();
      case CONNECT ->
          switch (connection) {
            case NONE -> Optional.empty();
            case ACCEPTED -> Optional.of(Decision.skip("already a 1st-degree connection"));
            case PENDING -> Optional.of(Decision.skip("a connection request is already pending"));
            case DECLINED -> Optional.of(Decision.skip("they declined a request before"));
            case WITHDRAWN ->
                Optional.of(
                    Decision.skip(
                        "a request was withdrawn; LinkedIn blocks re-sending for about three weeks"));
          };
      case DM ->
          connection == Connection.ACCEPTED
              ? Optional.empty()
              : Optional.of(Decision.skip("not connected, so no direct message"));
      case INMAIL -> inmailBlocked(in);
      case EMAIL ->
          in.prospect().hasEmail()
              ? Optional.empty()
              : Optional.of(Decision.skip("no business email known"));
    };
  }

  static Optional<Decision> inmailBlocked(DecisionInput in) {
    if (!in.plan().canSendInmail()) {
      return Optional.of(Decision.skip("a " + in.plan() + " account cannot send InMail"));
    }
    if (in.creditsLeft() <= 0 && !in.prospect().openProfile()) {
      return Optional.of(Decision.skip("no InMail credits left this month"));
    }
    if (in.history().inmailsSent() > 0) {
      return Optional.of(
          Decision.skip("an InMail was sent already; a second would cost another credit"));
    }
    return Optional.empty();
  }

  /** Whether an InMail is possible, for policies choosing between channels. */
  static boolean inmailPossible(DecisionInput in) {
    return inmailBlocked(in).isEmpty();
  }

  static String credits(DecisionInput in) {
    return in.prospect().openProfile()
        ? "Open Profile: no credit needed"
        : in.creditsLeft() + " credits left this month";
  }
}
