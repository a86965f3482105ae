package dev.warmreach.message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The variants of one sequence step. A variant with a condition ({@link When}) is for the prospects
 * it holds for: the first condition, in the order written, that holds for a prospect picks the
 * variants they can get; without one, the variants for everyone. Among those, each prospect gets
 * one by a stable hash of their id and the step's name: the same prospect always gets the same
 * variant of a step (on any machine, across restarts and versions), and prospects split about
 * evenly between them (an A/B test).
 *
 * @param step the sequence step's name, e.g. {@code note}
 * @param templates the variants, labelled A, B, C … in this order; one template means no test
 * @param conditions each variant's condition, in the same order
 */
public record Variants(String step, List<MessageTemplate> templates, List<When> conditions) {

  public Variants {
    Objects.requireNonNull(step, "step");
    templates = List.copyOf(templates);
    conditions = List.copyOf(conditions);
    if (conditions.size() != templates.size()) {
      throw new IllegalArgumentException("each variant of step '" + step + "' needs a condition");
    }
    if (step.isBlank()) {
      throw new IllegalArgumentException("variants need the step's name");
    }
    if (templates.isEmpty() || templates.size() > 26) {
      throw new IllegalArgumentException(
          "a step has 1 to 26 variants (A-Z), not " + templates.size());
    }
    if (templates.stream().map(MessageTemplate::channel).distinct().count() > 1) {
      throw new IllegalArgumentException("the variants of step '" + step + "' mix channels");
    }
  }

  /** A/B variants for everyone. */
  public Variants(String step, List<MessageTemplate> templates) {
    this(step, templates, templates.stream().map(t -> When.ALWAYS).toList());
  }

  /** A step without an A/B test. */
  public static Variants single(String step, MessageTemplate template) {
    return new Variants(step, List.of(template));
  }

  /** The variant {@code prospectId} gets when no condition holds for them. */
  public Variant choose(long prospectId) {
    return choose(prospectId, c -> When.ALWAYS.equals(c));
  }

  /**
   * The variant the prospect of {@code context} gets: among those of the first condition that holds
   * for them, else among those for everyone; empty when every variant has a condition and none
   * holds.
   */
  public Optional<Variant> choose(MessageContext context) {
    for (When condition : conditions) {
      if (!condition.always() && condition.holds(context)) {
        return Optional.of(choose(context.prospect().id(), condition::equals));
      }
    }
    return conditions.contains(When.ALWAYS)
        ? Optional.of(choose(context.prospect().id(), When.ALWAYS::equals))
        : Optional.empty();
  }

  private Variant choose(long prospectId, java.util.function.Predicate<When> group) {
    List<Integer> members = new ArrayList<>();
    for (int i = 0; i < conditions.size(); i++) {
      if (group.test(conditions.get(i))) {
        members.add(i);
      }
    }
    int index = members.get(index(prospectId, step, members.size()));
    return new Variant(step, label(index), templates.get(index));
  }

  /**
   * The variant index for a prospect and step among {@code count}: FNV-1a over the UTF-8 bytes of
   * "id:step", mixed with MurmurHash3's finaliser so nearby ids spread evenly. Changing this would
   * move prospects between variants mid-test, so it is fixed.
   */
  static int index(long prospectId, String step, int count) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : (prospectId + ":" + step).getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    hash ^= hash >>> 33;
    hash *= 0xff51afd7ed558ccdL;
    hash ^= hash >>> 33;
    hash *= 0xc4ceb9fe1a85ec53L;
    hash ^= hash >>> 33;
    return (int) Long.remainderUnsigned(hash, count);
  }

  static String label(int index) {
    return String.valueOf((char) ('A' + index));
  }

  /**
   * One variant of a step, as assigned to a prospect.
   *
   * @param label A, B, C …
   */
  public record Variant(String step, String label, MessageTemplate template) {
    public Variant {
      Objects.requireNonNull(step, "step");
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(template, "template");
    }
  }
}
