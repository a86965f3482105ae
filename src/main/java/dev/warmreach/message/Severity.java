package dev.warmreach.message;

/** How much a coach finding matters. */
public enum Severity {
  /** Over a hard limit, or broken: the message cannot be sent as it is. */
  ERROR,
  /** Sendable, but likely to cost replies or acceptance. */
  WARNING,
  /** A small improvement. */
  TIP
}
