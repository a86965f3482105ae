package dev.warmreach.domain;

/**
 * The root of Warmreach's own exceptions. Subclasses say whether the user can fix the cause ({@link
 * UserError}) or it is a fault of the machine or the code.
 */
public abstract class WarmreachException extends RuntimeException {

  protected WarmreachException(String message) {
    super(message);
  }

  protected WarmreachException(String message, Throwable cause) {
    super(message, cause);
  }
}
