package dev.warmreach.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

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
