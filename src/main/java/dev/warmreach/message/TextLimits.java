package dev.warmreach.message;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Plan;

/**
 * The hard limits a message must stay inside (SPEC §1): the body's from {@link
 * Channel#hardLimit(Plan)}, and the InMail subject's 200 characters. Lengths are counted in
 * characters as a person sees them (Unicode code points), not Java chars.
 */
final class TextLimits {

  static final int INMAIL_SUBJECT = 200;

  private TextLimits() {}

  static int body(Channel channel, Plan plan) {
    return channel.hardLimit(plan);
  }

  /** The subject's hard limit; {@link Integer#MAX_VALUE} where there is none. */
  static int subject(Channel channel) {
    return channel == Channel.INMAIL ? INMAIL_SUBJECT : Integer.MAX_VALUE;
  }

  static boolean hasSubject(Channel channel) {
    return channel == Channel.INMAIL || channel == Channel.EMAIL;
  }

  static int length(String text) {
    return text.codePointCount(0, text.length());
  }
}
