package dev.warmreach.message;

import dev.warmreach.domain.WarmreachException;

/**
 * A template that can never render: broken Mustache syntax, an unknown variable, a partial, or a
 * missing subject. The message names the problem and the fix; interfaces show it to the user.
 */
public final class InvalidTemplate extends WarmreachException {

  public InvalidTemplate(String message) {
    super(message);
  }

  public InvalidTemplate(String message, Throwable cause) {
    super(message, cause);
  }
}
