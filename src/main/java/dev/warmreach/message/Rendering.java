package dev.warmreach.message;

import java.util.Objects;

/**
 * What rendering a template for one prospect gave: a message ready to send, or the reason it was
 * held back. A {@link Rendered} message never holds a raw placeholder, never starts with an empty
 * greeting and never exceeds its channel's hard limits.
 */
public sealed interface Rendering {

  /**
   * A message ready to send.
   *
   * @param subject the subject line; empty for channels without one
   */
  record Rendered(String subject, String body) implements Rendering {
    public Rendered {
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(body, "body");
    }
  }

  /**
   * Not sent to this prospect, and why.
   *
   * @param reason what is wrong and how to fix it, in the user's words
   */
  record HeldBack(Why why, String reason) implements Rendering {
    public HeldBack {
      Objects.requireNonNull(why, "why");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** The kinds of reason, for counting held-back prospects. */
  enum Why {
    /** A variable without a fallback has no value for this prospect. */
    MISSING_VALUE,
    /** Over the channel's hard limit once this prospect's values are in. */
    TOO_LONG,
    /** Nothing, or only whitespace, is left to send. */
    EMPTY,
    /** The greeting lost its name, e.g. "Hi ,". */
    EMPTY_GREETING,
    /** A {@code {{} or {@code }}} would be sent. */
    RAW_PLACEHOLDER
  }
}
