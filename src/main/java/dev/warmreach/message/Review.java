package dev.warmreach.message;

import java.util.List;

/**
 * The coach's verdict on one message: a score from 0 to 100 and its findings, most severe first.
 *
 * @param characters the body's length, with typical values in place of template variables
 * @param words the body's word count, likewise
 */
public record Review(int score, List<Finding> findings, int characters, int words) {

  public Review {
    findings = List.copyOf(findings);
    if (score < 0 || score > 100) {
      throw new IllegalArgumentException("a score is 0 to 100, not " + score);
    }
  }

  public List<Finding> errors() {
    return with(Severity.ERROR);
  }

  public List<Finding> warnings() {
    return with(Severity.WARNING);
  }

  public List<Finding> tips() {
    return with(Severity.TIP);
  }

  /** Whether a hard limit is broken, so the message cannot be sent as it is. */
  public boolean hasErrors() {
    return !errors().isEmpty();
  }

  /** Whether {@code rule} found something. */
  public boolean flags(CoachRule rule) {
    return findings.stream().anyMatch(f -> f.rule() == rule);
  }

  private List<Finding> with(Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).toList();
  }
}
