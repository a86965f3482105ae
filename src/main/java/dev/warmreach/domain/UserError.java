package dev.warmreach.domain;

/**
 * A mistake the user can fix: a bad file, option or value. The message names the input and the fix
 * in one line; interfaces show it as it is, without a stack trace.
 */
public final class UserError extends WarmreachException {

  public UserError(String message) {
    super(message);
  }

  public UserError(String message, Throwable cause) {
    super(message, cause);
  }
}
