package dev.warmreach.message;

import dev.warmreach.domain.Author;
import dev.warmreach.domain.ProspectFacts;
import dev.warmreach.domain.ProspectHistory;
import dev.warmreach.domain.ProspectHistory.Connection;
import dev.warmreach.domain.ProspectProfile;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.sequence.ProspectState;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Turns what the engine knows of a prospect (profile, history, recorded posts, signals and our
 * touches) into the context a template is rendered with, so that each variable and each condition
 * states only what is true for them.
 */
final class ProspectContext {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH);

  private ProspectContext() {}

  static MessageContext of(ProspectState prospect, SenderAccount account, Author author) {
    ProspectProfile p = prospect.profile();
    ProspectHistory h = prospect.history();
    ProspectFacts f = prospect.facts();
    boolean requestSent =
        f.requestSentAt() != null
            || h.connection() == Connection.PENDING
            || h.connection() == Connection.DECLINED
            || h.connection() == Connection.WITHDRAWN;
    return new MessageContext(
        new MessageContext.Recipient(
            prospect.id(), p.firstName(), p.lastName(), p.company(), p.title(), p.location()),
        new MessageContext.Sender(
            author.known() ? author.name() : account.name(),
            author.role(),
            author.company(),
            account.name(),
            account.plan(),
            author.known()),
        new MessageContext.History(
            f.latestPost() == null ? "" : f.latestPost().topic(),
            f.mutualConnection(),
            f.latestSignal() == null ? "" : inWords(f.latestSignal()),
            f.requestSentAt() == null
                ? ""
                : "connection request on "
                    + DAY.format(f.requestSentAt().atZone(account.timeZone())),
            f.latestSignal() == null ? null : f.latestSignal().kind(),
            h.engaged() || f.engagedAt() != null,
            h.connection(),
            requestSent));
  }

  /** A signal as a message can name it: its detail, else what kind of news it was. */
  static String inWords(ProspectFacts.SignalSeen signal) {
    if (!signal.detail().isEmpty()) {
      return signal.detail();
    }
    return switch (signal.kind()) {
      case ROLE_CHANGE -> "new role";
      case COMPANY_MILESTONE -> "recent milestone";
      case RELEVANT_POST -> "recent post";
      case HIRING -> "hiring";
      case ENGAGED_WITH_SENDER -> "interest in our posts";
    };
  }
}
