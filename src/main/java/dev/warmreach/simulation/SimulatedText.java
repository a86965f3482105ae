package dev.warmreach.simulation;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a template's {@code {{name}}} and {@code {{name|fallback}}} placeholders with a simulated
 * prospect's values, so the simulator can check the length of what would be sent.
 */
final class SimulatedText {

  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\{\\{\\s*([\\w.]+)\\s*(?:\\|([^}]*))?}}");

  private SimulatedText() {}

  static String render(String template, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null || value.isBlank()) {
        value = m.group(2) == null ? "" : m.group(2);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The body of a template whose first line is a subject above a {@code ---} line. */
  static String body(String text) {
    int separator = text.indexOf("\n---\n");
    return separator < 0 ? text : text.substring(separator + 5);
  }
}
