package dev.warmreach.definition;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Seniority;
import dev.warmreach.sequence.CombinedSequence;
import dev.warmreach.sequence.Condition;
import dev.warmreach.sequence.SequenceDefinition;
import dev.warmreach.sequence.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a sequence from its JSON or YAML form (docs/sequences.md): a name and steps of type engage,
 * connect, wait, message, inmail, email or end, with conditions. Errors name the step and the
 * field.
 */
final class SequenceReader {

  private SequenceReader() {}

  /** {@code "combined"} or an object with {@code name} and {@code steps}. */
  static SequenceDefinition read(Node node) {
    if (node.raw().isTextual()) {
      if (node.text().equals(CombinedSequence.NAME)) {
        return CombinedSequence.definition();
      }
      throw node.invalid(
          "'" + node.text() + "' is not a built-in sequence; use 'combined' or define steps");
    }
    String name = node.text("name", "custom");
    List<Step> steps = new ArrayList<>();
    for (Node step : node.list("steps")) {
      steps.add(step(step));
    }
    try {
      return new SequenceDefinition(name, steps);
    } catch (SequenceDefinition.InvalidSequence e) {
      throw new InvalidDefinition(
          node.path().isEmpty() ? e.where() : node.path() + "." + e.where(),
          e.getMessage().substring(e.where().length() + 2));
    }
  }

  private static Step step(Node node) {
    if (!node.raw().isObject()) {
      throw node.invalid("a step should be an object with id and type");
    }
    String id = node.get("id").text();
    Node at = new Node(node.raw(), node.path() + " (step '" + id + "')");
    String type = at.get("type").text();
    Condition when = at.has("when") ? condition(at.get("when")) : Condition.ALWAYS;
    String next = at.has("next") ? at.get("next").text() : null;
    return switch (type) {
      case "engage" -> action(at, id, Channel.ENGAGE, when, next);
      case "connect" -> action(at, id, Channel.CONNECT, when, next);
      case "message", "dm" -> action(at, id, Channel.DM, when, next);
      case "inmail" -> action(at, id, Channel.INMAIL, when, next);
      case "email" -> action(at, id, Channel.EMAIL, when, next);
      case "wait" -> waitStep(at, id, when, next);
      case "end" -> new Step.End(id);
      default ->
          throw at.get("type")
              .invalid(
                  "'"
                      + type
                      + "' is not a step type; use engage, connect, wait, message, inmail, email"
                      + " or end");
    };
  }

  private static Step action(Node at, String id, Channel channel, Condition when, String next) {
    String template = at.has("template") ? at.get("template").text() : null;
    if (template == null && channel != Channel.ENGAGE) {
      template = defaultTemplate(channel);
    }
    Duration min = null;
    Duration max = null;
    if (at.has("delay")) {
      Node delay = at.get("delay");
      String text = delay.text();
      String[] range = text.split("\\.\\.");
      if (range.length > 2) {
        throw delay.invalid("'" + text + "' should be one duration or a range like 24h..48h");
      }
      min =
          new Node(com.fasterxml.jackson.databind.node.TextNode.valueOf(range[0]), delay.path())
              .duration();
      max =
          range.length == 2
              ? new Node(
                      com.fasterxml.jackson.databind.node.TextNode.valueOf(range[1]), delay.path())
                  .duration()
              : min;
      if (max.compareTo(min) < 0) {
        throw delay.invalid("the longest delay is shorter than the shortest");
      }
    }
    if (channel != Channel.ENGAGE) {
      return new Step.Action(id, channel, template, min, max, when, next);
    }
    // A warm-up: like their latest post, comment on it when asked, every few days.
    if (at.bool("comment", false)) {
      template = Step.Action.COMMENT;
    }
    int rounds = at.integer("rounds", 1, 1, 10);
    Duration every = at.has("every") ? at.get("every").duration() : null;
    if (rounds > 1 && (every == null || every.isZero() || every.isNegative())) {
      throw at.invalid("every", "is missing; rounds need the time between them, e.g. 3d");
    }
    return new Step.Action(id, channel, template, min, max, when, next, rounds, every);
  }

  static String defaultTemplate(Channel channel) {
    return switch (channel) {
      case CONNECT -> "note";
      case DM -> "first-dm";
      case INMAIL -> "inmail";
      case EMAIL -> "email";
      case ENGAGE -> null;
    };
  }

  private static Step waitStep(Node at, String id, Condition when, String next) {
    Set<Step.Outcome> until = EnumSet.noneOf(Step.Outcome.class);
    if (at.has("for")) {
      for (Node item : at.get("for").items()) {
        until.add(item.choice(Step.Outcome.class));
      }
    }
    if (!at.has("timeout")) {
      throw at.invalid("timeout", "is missing; every wait needs one, e.g. 7d");
    }
    Duration timeout = at.get("timeout").duration();
    if (timeout.isZero() || timeout.isNegative()) {
      throw at.get("timeout").invalid("must be longer than 0");
    }
    Map<Step.Outcome, String> on = new EnumMap<>(Step.Outcome.class);
    String onTimeout = null;
    if (at.has("on")) {
      Node branches = at.object("on");
      var fields = branches.fields();
      while (fields.hasNext()) {
        var entry = fields.next();
        Node target = branches.child(entry.getKey(), entry.getValue());
        if (entry.getKey().equals("timeout")) {
          onTimeout = target.text();
        } else {
          Step.Outcome outcome =
              new Node(
                      com.fasterxml.jackson.databind.node.TextNode.valueOf(entry.getKey()),
                      target.path())
                  .choice(Step.Outcome.class);
          if (!until.contains(outcome)) {
            throw target.invalid("the wait is not for '" + entry.getKey() + "'; add it to 'for'");
          }
          on.put(outcome, target.text());
        }
      }
    }
    return new Step.Wait(id, until, timeout, on, onTimeout, when, next);
  }

  /**
   * {@code "warm"}, {@code {"not": …}}, {@code {"all": […]}}, {@code {"any": […]}}, {@code
   * {"seniority": […]}}.
   */
  static Condition condition(Node node) {
    JsonNode raw = node.raw();
    if (raw.isTextual()) {
      try {
        return new Condition.Fact(raw.asText());
      } catch (IllegalArgumentException e) {
        throw node.invalid(e.getMessage());
      }
    }
    if (raw.isObject() && raw.size() == 1) {
      String operator = raw.fieldNames().next();
      Node operand = node.get(operator);
      switch (operator) {
        case "not":
          return new Condition.Not(condition(operand));
        case "all":
        case "any":
          List<Condition> parts = new ArrayList<>();
          for (Node part : operand.items()) {
            parts.add(condition(part));
          }
          return operator.equals("all") ? new Condition.All(parts) : new Condition.Any(parts);
        case "seniority":
          Set<Seniority> levels = EnumSet.noneOf(Seniority.class);
          for (Node level : operand.items()) {
            levels.add(level.choice(Seniority.class));
          }
          return new Condition.SeniorityIn(levels);
        default:
          throw node.invalid(
              "'" + operator + "' is not a condition; use not, all, any or seniority");
      }
    }
    throw node.invalid(
        "a condition is a name like 'warm' or one of {not: …}, {all: […]}, {any: […]}, {seniority: […]}");
  }
}
