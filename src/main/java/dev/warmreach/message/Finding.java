package dev.warmreach.message;

import java.util.Objects;

/**
 * One thing the coach found in a message: which rule, what it saw, and how to fix it.
 *
 * @param message what is wrong with this message, quoting it where that helps
 */
public record Finding(CoachRule rule, String message, String fix) {

  public Finding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(fix, "fix");
  }

  /** A finding with the rule's usual fix. */
  static Finding of(CoachRule rule, String message) {
    return new Finding(rule, message, rule.fix());
  }

  public Severity severity() {
    return rule.severity();
  }

  public String ruleId() {
    return rule.id();
  }
}
