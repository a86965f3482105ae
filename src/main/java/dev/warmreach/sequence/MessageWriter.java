package dev.warmreach.sequence;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Message;
import dev.warmreach.domain.SenderAccount;
import java.util.Objects;

/**
 * Writes the text of a touch for one prospect from the campaign's templates, or says why it cannot
 * be sent. The engine asks before it spends any limit, so a prospect held back costs nothing. Pure:
 * the same inputs give the same text.
 */
public interface MessageWriter {

  /**
   * The message {@code template} gives {@code prospect} on {@code channel}, sent from {@code
   * account}.
   */
  Written write(String template, Channel channel, ProspectState prospect, SenderAccount account);

  /** What writing gave: a message ready to send, or the reason it is held back. */
  sealed interface Written {}

  record Ready(Message message) implements Written {
    public Ready {
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * @param reason what is wrong and how to fix it, e.g. "no value for {{company}} …"
   */
  record HeldBack(String reason) implements Written {
    public HeldBack {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
