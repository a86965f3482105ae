package dev.warmreach.message;

import java.util.Optional;

/**
 * One variable tag of a template: {@code {{company}}} (required: a prospect without a company is
 * held back) or {@code {{company|your team}}} (the text after the bar is used when the value is
 * empty; {@code {{company|}}} leaves nothing).
 *
 * @param fallback the text used when the value is empty; {@code null} when the variable is required
 */
record Tag(Variable variable, String fallback) {

  /** Reads a tag's inside; empty with {@code problem} set when it is not usable. */
  static Optional<Tag> parse(String raw, StringBuilder problem) {
    int bar = raw.indexOf('|');
    String key = (bar < 0 ? raw : raw.substring(0, bar)).strip();
    String fallback = bar < 0 ? null : raw.substring(bar + 1).strip();
    Optional<Variable> variable = Variable.byKey(key);
    if (variable.isEmpty()) {
      problem.append(
          key.isEmpty() || key.equals(".") || key.equals("this")
              ? "uses {{" + raw + "}}, which names no variable; use one of " + Variable.allKeys()
              : "uses {{"
                  + raw
                  + "}}, but there is no variable '"
                  + key
                  + "'; use one of "
                  + Variable.allKeys());
      return Optional.empty();
    }
    if (fallback != null && (fallback.contains("{") || fallback.contains("}"))) {
      problem.append("uses {{" + raw + "}}, but a fallback cannot contain '{' or '}'");
      return Optional.empty();
    }
    return Optional.of(new Tag(variable.get(), fallback));
  }

  boolean required() {
    return fallback == null;
  }
}
