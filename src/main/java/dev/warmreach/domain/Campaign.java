package dev.warmreach.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An outreach campaign: which accounts send, which channel policy decides, which sequence runs.
 *
 * @param policy the channel policy's name, e.g. {@code playbook}
 * @param sequence the sequence definition's name; {@code combined} is the default
 */
public record Campaign(
    long id,
    String name,
    List<String> senderAccounts,
    String policy,
    String sequence,
    Status status,
    Instant createdAt) {

  /** The longest campaign name: it appears in URLs, tables and file names. */
  public static final int MAX_NAME = 100;

  /**
   * Why {@code name} cannot name a campaign, or empty when it can: it is not blank, has at most
   * {@link #MAX_NAME} characters, no control characters (they break tables, logs and headers) and
   * no {@code ..} (names appear in paths and URLs).
   */
  public static Optional<String> nameProblem(String name) {
    if (name == null || name.isBlank()) {
      return Optional.of("is required: a name such as q3-founders");
    }
    if (name.length() > MAX_NAME) {
      return Optional.of(
          "has " + name.length() + " characters; use at most " + MAX_NAME + ", e.g. q3-founders");
    }
    if (name.chars().anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029)) {
      return Optional.of(
          "holds a control character (a line break, tab or similar); use letters, digits and"
              + " punctuation, e.g. q3-founders");
    }
    if (name.contains("..")) {
      return Optional.of("contains '..'; use another name, e.g. q3-founders");
    }
    return Optional.empty();
  }

  /** Where a campaign is in its life. */
  public enum Status {
    DRAFT,
    ACTIVE,
    PAUSED,
    COMPLETED
  }

  public Campaign {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(sequence, "sequence");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    senderAccounts = List.copyOf(senderAccounts);
    if (name.isBlank()) {
      throw new IllegalArgumentException("a campaign needs a name");
    }
    if (senderAccounts.isEmpty()) {
      throw new IllegalArgumentException("a campaign needs at least one sender account");
    }
  }
}
