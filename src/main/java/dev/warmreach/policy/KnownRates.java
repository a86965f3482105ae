package dev.warmreach.policy;

/**
 * A segment's true rates, which only the oracle may read (from a forecast's scenario).
 *
 * @param acceptanceCold a personalised request is accepted
 * @param acceptanceWarm the same after a warm-up landed
 * @param replyAfterAcceptance someone who accepted answers (the note or the first message)
 * @param inmailReply a personalised InMail is answered
 * @param emailReply an email is answered
 */
public record KnownRates(
    double acceptanceCold,
    double acceptanceWarm,
    double replyAfterAcceptance,
    double inmailReply,
    double emailReply) {

  double of(LearnedRate rate) {
    return switch (rate) {
      case ACCEPTANCE_COLD -> acceptanceCold;
      case ACCEPTANCE_WARM -> acceptanceWarm;
      case REPLY_AFTER_ACCEPTANCE -> replyAfterAcceptance;
      case INMAIL_REPLY -> inmailReply;
      case EMAIL_REPLY -> emailReply;
    };
  }
}
