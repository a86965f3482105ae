package dev.warmreach.forecast;

import dev.warmreach.domain.WarmreachException;

/**
 * A forecast asked of the server is larger than its {@link ForecastLimits}: the message names the
 * limit and what to do instead. A mistake the user can fix, like a {@code UserError}.
 */
public final class ForecastTooLarge extends WarmreachException {

  private final String limit;

  ForecastTooLarge(String limit, String message) {
    super(message);
    this.limit = limit;
  }

  /** The limit exceeded: {@code prospects} or {@code prospectWeeks}. */
  public String limit() {
    return limit;
  }
}
