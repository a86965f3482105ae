package dev.warmreach.definition;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON or YAML value with the path that leads to it, so every error names the field: {@code
 * steps[2].timeout: '7 days' is not a duration; use e.g. 7d, 24h or 30m}.
 */
final class Node {

  private static final Pattern SHORT_DURATION =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(w|d|h|m|s)", Pattern.CASE_INSENSITIVE);

  private final JsonNode value;
  private final String path;

  Node(JsonNode value, String path) {
    this.value = value;
    this.path = path;
  }

  String path() {
    return path;
  }

  JsonNode raw() {
    return value;
  }

  boolean has(String field) {
    return value.has(field) && !value.get(field).isNull();
  }

  Node get(String field) {
    JsonNode child = value.get(field);
    if (child == null || child.isNull()) {
      throw invalid(field, "is missing");
    }
    return new Node(child, join(field));
  }

  Node object(String field) {
    Node child = get(field);
    if (!child.value.isObject()) {
      throw child.invalid("should be an object with fields");
    }
    return child;
  }

  List<Node> list(String field) {
    Node child = get(field);
    if (!child.value.isArray()) {
      throw child.invalid("should be a list");
    }
    List<Node> items = new ArrayList<>();
    for (int i = 0; i < child.value.size(); i++) {
      items.add(new Node(child.value.get(i), child.path + "[" + i + "]"));
    }
    return items;
  }

  /** Items of a list, or of a single value read as a list of one. */
  List<Node> items() {
    List<Node> items = new ArrayList<>();
    if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        items.add(new Node(value.get(i), path + "[" + i + "]"));
      }
    } else {
      items.add(this);
    }
    return items;
  }

  Iterator<Map.Entry<String, JsonNode>> fields() {
    return value.fields();
  }

  Node child(String field, JsonNode child) {
    return new Node(child, join(field));
  }

  String text() {
    if (!value.isTextual()) {
      throw invalid("should be text");
    }
    return value.asText();
  }

  String text(String field, String fallback) {
    return has(field) ? get(field).text() : fallback;
  }

  double number(String field, double fallback) {
    if (!has(field)) {
      return fallback;
    }
    Node child = get(field);
    if (!child.value.isNumber()) {
      throw child.invalid("should be a number");
    }
    return child.value.asDouble();
  }

  int integer(String field, int fallback, int min, int max) {
    if (!has(field)) {
      return fallback;
    }
    Node child = get(field);
    if (!child.value.isIntegralNumber()
        || child.value.asLong() < min
        || child.value.asLong() > max) {
      throw child.invalid("should be a whole number from " + min + " to " + max);
    }
    return child.value.asInt();
  }

  boolean bool(String field, boolean fallback) {
    if (!has(field)) {
      return fallback;
    }
    Node child = get(field);
    if (!child.value.isBoolean()) {
      throw child.invalid("should be true or false");
    }
    return child.value.asBoolean();
  }

  /**
   * A duration written {@code 7d}, {@code 24h}, {@code 90m}, {@code 2w} or ISO-8601 ({@code
   * PT24H}).
   */
  Duration duration() {
    String text = text().strip();
    Matcher m = SHORT_DURATION.matcher(text);
    if (m.matches()) {
      double amount = Double.parseDouble(m.group(1));
      long seconds =
          switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "w" -> (long) (amount * 7 * 86_400);
            case "d" -> (long) (amount * 86_400);
            case "h" -> (long) (amount * 3_600);
            case "m" -> (long) (amount * 60);
            default -> (long) amount;
          };
      return Duration.ofSeconds(seconds);
    }
    try {
      return Duration.parse(text);
    } catch (java.time.format.DateTimeParseException e) {
      throw invalid("'" + text + "' is not a duration; use e.g. 7d, 24h or 30m");
    }
  }

  /** An enum constant named in any case, with hyphens or underscores. */
  <E extends Enum<E>> E choice(Class<E> type) {
    String wanted = text().strip().toUpperCase(Locale.ROOT).replace('-', '_');
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(wanted)) {
        return constant;
      }
    }
    List<String> names = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      names.add(constant.name());
    }
    throw invalid("'" + text() + "' is not one of " + String.join(", ", names));
  }

  /**
   * Refuses a field of this object that is not one of {@code known}, naming it and the known field
   * nearest to it: a typo such as {@code signalsPerMnth} would otherwise be ignored, and its
   * default used without a word.
   */
  Node onlyFields(List<String> known) {
    for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        String nearest = Nearest.of(name, known);
        throw invalid(
            name,
            "is not a field here"
                + (nearest == null ? "" : "; did you mean '" + nearest + "'?")
                + " (fields here: "
                + String.join(", ", known)
                + ")");
      }
    }
    return this;
  }

  InvalidDefinition invalid(String problem) {
    return new InvalidDefinition(path, problem);
  }

  InvalidDefinition invalid(String field, String problem) {
    return new InvalidDefinition(join(field), problem);
  }

  private String join(String field) {
    return path.isEmpty() ? field : path + "." + field;
  }
}
