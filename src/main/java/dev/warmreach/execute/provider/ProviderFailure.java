package dev.warmreach.execute.provider;

/**
 * A provider call that did not do what was asked, with what the provider meant: the executor turns
 * each {@link Reason} into an outcome the user sees. {@link #detail()} holds the provider's words.
 */
public final class ProviderFailure extends RuntimeException {

  /** What the failure means for Warmreach. */
  public enum Reason {
    /** They are a 1st-degree connection already ({@code errors/already_connected}). */
    ALREADY_CONNECTED,
    /** An invitation is pending or was withdrawn too recently to send again. */
    ALREADY_INVITED,
    /** LinkedIn or the provider pushes back: {@code errors/limit_exceeded} or HTTP 429. */
    LIMIT_REACHED,
    /** The API key or the linked LinkedIn session is no longer valid (HTTP 401, CREDENTIALS). */
    CREDENTIALS,
    /** The provider could not be reached, timed out or failed on its side (5xx): try later. */
    UNAVAILABLE,
    /** The call was refused for another reason (4xx): trying again would not help. */
    REFUSED
  }

  private final Reason reason;
  private final int status;
  private final String type;
  private final String detail;

  public ProviderFailure(Reason reason, int status, String type, String detail) {
    super(describe(status, type, detail));
    this.reason = reason;
    this.status = status;
    this.type = type == null ? "" : type;
    this.detail = detail == null ? "" : detail;
  }

  public Reason reason() {
    return reason;
  }

  /** The HTTP status, or 0 when there was no answer. */
  public int status() {
    return status;
  }

  /** The provider's error type, e.g. {@code errors/already_connected}; empty when none. */
  public String type() {
    return type;
  }

  /** The provider's own words. */
  public String detail() {
    return detail;
  }

  private static String describe(int status, String type, String detail) {
    StringBuilder text = new StringBuilder("the LinkedIn provider answered ");
    text.append(status == 0 ? "nothing" : "HTTP " + status);
    if (type != null && !type.isBlank()) {
      text.append(" ").append(type);
    }
    if (detail != null && !detail.isBlank()) {
      text.append(": ").append(detail);
    }
    return text.toString();
  }
}
