package dev.warmreach.sequence;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A named sequence of steps, checked when it is built: ids are unique, every step it leads to
 * exists, and it ends. Errors name the step and the field.
 */
public record SequenceDefinition(String name, List<Step> steps) {

  public SequenceDefinition {
    Objects.requireNonNull(name, "name");
    steps = List.copyOf(steps);
    validate(steps);
  }

  /** The step with {@code id}. */
  public Step step(String id) {
    for (Step step : steps) {
      if (step.id().equals(id)) {
        return step;
      }
    }
    throw new IllegalArgumentException("sequence '" + name + "' has no step '" + id + "'");
  }

  public Step first() {
    return steps.get(0);
  }

  /** The step after {@code step} when it names none: the next in the list, else the end. */
  public String after(Step step) {
    if (step.next() != null) {
      return step.next();
    }
    int index = steps.indexOf(step);
    return index + 1 < steps.size() ? steps.get(index + 1).id() : null;
  }

  /** Template names the steps use, in order. */
  public List<String> templates() {
    List<String> names = new ArrayList<>();
    for (Step step : steps) {
      // A warm-up's comment is drafted by the coach from their post, not from a template.
      if (step instanceof Step.Action action
          && action.template() != null
          && action.channel() != dev.warmreach.domain.Channel.ENGAGE) {
        names.add(action.template());
      }
    }
    return names;
  }

  private static void validate(List<Step> steps) {
    if (steps.isEmpty()) {
      throw new InvalidSequence("steps", "a sequence needs at least one step");
    }
    Set<String> ids = new HashSet<>();
    for (Step step : steps) {
      if (step.id() == null || step.id().isBlank()) {
        throw new InvalidSequence(
            "steps[" + steps.indexOf(step) + "].id", "every step needs an id");
      }
      if (!ids.add(step.id())) {
        throw new InvalidSequence("step '" + step.id() + "'", "the id is used twice");
      }
    }
    Map<String, String> targets = new LinkedHashMap<>();
    for (Step step : steps) {
      if (step.next() != null) {
        targets.put("step '" + step.id() + "'.next", step.next());
      }
      if (step instanceof Step.Wait wait) {
        wait.on()
            .forEach(
                (outcome, target) ->
                    targets.put(
                        "step '"
                            + wait.id()
                            + "'.on."
                            + outcome.name().toLowerCase(java.util.Locale.ROOT),
                        target));
        if (wait.onTimeout() != null) {
          targets.put("step '" + wait.id() + "'.onTimeout", wait.onTimeout());
        }
        for (Step.Outcome outcome : wait.on().keySet()) {
          if (!wait.until().contains(outcome)) {
            throw new InvalidSequence(
                "step '" + wait.id() + "'.on",
                "'"
                    + outcome.name().toLowerCase(java.util.Locale.ROOT)
                    + "' is not among the outcomes it waits for");
          }
        }
      }
    }
    targets.forEach(
        (where, target) -> {
          if (!ids.contains(target)) {
            throw new InvalidSequence(where, "leads to '" + target + "', which is not a step");
          }
        });
  }

  /** A definition that does not hold together; {@link #where()} names the step and field. */
  public static final class InvalidSequence extends IllegalArgumentException {
    private final String where;

    public InvalidSequence(String where, String problem) {
      super(where + ": " + problem);
      this.where = where;
    }

    public String where() {
      return where;
    }
  }
}
