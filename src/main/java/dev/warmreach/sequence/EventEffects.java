package dev.warmreach.sequence;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Event;
import dev.warmreach.domain.ProspectHistory;
import dev.warmreach.domain.ProspectHistory.Connection;
import dev.warmreach.quota.AccountState;

/**
 * What an event changes: the prospect's history (connected, declined, replied) and the sending
 * account's standing (the invitation answered, an InMail credit refunded). Pure.
 */
public final class EventEffects {

  private EventEffects() {}

  public static ProspectHistory onHistory(ProspectHistory history, Event event) {
    if (event instanceof Event.Accepted) {
      return history.withConnection(Connection.ACCEPTED);
    }
    if (event instanceof Event.Declined) {
      return history.connection() == Connection.ACCEPTED
          ? history
          : history.withConnection(Connection.DECLINED);
    }
    if (event instanceof Event.Withdrawn) {
      return history.connection() == Connection.PENDING
          ? history.withConnection(Connection.WITHDRAWN)
          : history;
    }
    if (event instanceof Event.Replied) {
      return history.withReply();
    }
    if (event instanceof Event.Signal signal
        && signal.kind() == Event.Signal.Kind.ENGAGED_WITH_SENDER) {
      return history.withEngagement();
    }
    return history;
  }

  public static AccountState onAccount(AccountState account, Event event) {
    long prospect = event.prospectId();
    if (event instanceof Event.Accepted) {
      return account.answered(prospect, true, event.at());
    }
    if (event instanceof Event.Declined) {
      return account.answered(prospect, false, event.at());
    }
    if (event instanceof Event.Withdrawn) {
      return account.withdrawn(prospect, event.at());
    }
    if (event instanceof Event.Replied replied && replied.channel() == Channel.INMAIL) {
      return account.responded(prospect, event.at());
    }
    return account;
  }
}
