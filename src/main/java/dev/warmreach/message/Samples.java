package dev.warmreach.message;

import dev.warmreach.domain.Plan;

/** A typical prospect, for judging a template before any real prospect is at hand. */
public final class Samples {

  public static final MessageContext CONTEXT =
      new MessageContext(
          new MessageContext.Recipient(
              0,
              Variable.FIRST_NAME.sample(),
              Variable.LAST_NAME.sample(),
              Variable.COMPANY.sample(),
              Variable.TITLE.sample(),
              Variable.LOCATION.sample()),
          new MessageContext.Sender(
              Variable.SENDER_NAME.sample(),
              Variable.SENDER_ROLE.sample(),
              Variable.SENDER_COMPANY.sample(),
              Variable.ACCOUNT.sample(),
              Plan.PREMIUM,
              true),
          new MessageContext.History(
              Variable.POST_TOPIC.sample(),
              Variable.MUTUAL_CONNECTION.sample(),
              Variable.SIGNAL.sample(),
              Variable.LAST_TOUCH.sample()));

  private Samples() {}
}
