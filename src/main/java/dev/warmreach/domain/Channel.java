package dev.warmreach.domain;

/** The ways Warmreach can reach a prospect, in the order of the combined sequence (SPEC §1, §3). */
public enum Channel {
  /** View, like or comment on their posts, so the sender's name is familiar. */
  ENGAGE,
  /** A connection request, with or without a note. */
  CONNECT,
  /** A direct message to a 1st-degree connection. */
  DM,
  /** A paid message to anyone; one credit, refunded when they respond within 90 days. */
  INMAIL,
  /** An email to a known business address. */
  EMAIL;

  /** Hard character limit on the text this channel carries, or {@link Integer#MAX_VALUE}. */
  public int hardLimit(Plan plan) {
    return switch (this) {
      case CONNECT -> plan.noteCharacters();
      case INMAIL -> 1900;
      case ENGAGE, DM, EMAIL -> Integer.MAX_VALUE;
    };
  }
}
