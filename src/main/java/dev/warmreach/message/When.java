package dev.warmreach.message;

import dev.warmreach.domain.Event;
import dev.warmreach.domain.ProspectHistory.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The condition under which a template variant is chosen, written after {@code when:}: facts such
 * as {@code engaged}, {@code alreadyConnected}, {@code requestSent} or {@code signal=ROLE_CHANGE},
 * each may be negated with {@code not}, joined with {@code and} or commas. A variant whose
 * condition holds is the one to send, so its text may state those facts. Immutable and thread-safe.
 *
 * @param source the condition as written; empty for a variant that applies to everyone
 */
public record When(String source, Predicate<MessageContext> test) {

  /** A variant that applies to everyone. */
  public static final When ALWAYS = new When("", c -> true);

  /** The facts a condition can name. */
  private enum Fact {
    ENGAGED("engaged", c -> c.history().engaged()),
    POSTED("posted", c -> has(c.history().postTopic())),
    SIGNAL("signal", c -> c.history().signalKind() != null),
    MUTUAL("mutualConnection", c -> has(c.history().mutualConnection())),
    CONNECTED("connected", c -> c.history().connected()),
    ALREADY_CONNECTED("alreadyConnected", c -> c.history().alreadyConnected()),
    REQUEST_SENT("requestSent", c -> c.history().requestSent()),
    REQUEST_ACCEPTED("requestAccepted", c -> c.history().requestSent() && c.history().connected()),
    REQUEST_PENDING(
        "requestPending",
        c -> c.history().requestSent() && c.history().connection() == Connection.PENDING),
    REQUEST_DECLINED(
        "requestDeclined",
        c ->
            c.history().requestSent()
                && (c.history().connection() == Connection.DECLINED
                    || c.history().connection() == Connection.WITHDRAWN)),
    AUTHOR("author", c -> c.sender().authored());

    private final String key;
    private final Predicate<MessageContext> test;

    Fact(String key, Predicate<MessageContext> test) {
      this.key = key;
      this.test = test;
    }
  }

  /**
   * Reads a condition.
   *
   * @throws InvalidTemplate naming the unknown fact and listing the known ones
   */
  public static When parse(String source) {
    String text = source == null ? "" : source.strip();
    if (text.isEmpty()) {
      return ALWAYS;
    }
    List<Predicate<MessageContext>> terms = new ArrayList<>();
    for (String raw : text.split("\\s*(?:,|\\band\\b)\\s*")) {
      terms.add(term(raw.strip(), text));
    }
    return new When(text, c -> terms.stream().allMatch(t -> t.test(c)));
  }

  private static Predicate<MessageContext> term(String raw, String whole) {
    boolean negated = raw.startsWith("not ") || raw.startsWith("!");
    String name = negated ? raw.substring(raw.startsWith("!") ? 1 : 4).strip() : raw;
    Predicate<MessageContext> test = positive(name, whole);
    return negated ? test.negate() : test;
  }

  private static Predicate<MessageContext> positive(String name, String whole) {
    if (name.startsWith("signal=")) {
      String kind = name.substring("signal=".length()).strip().toUpperCase(Locale.ROOT);
      Event.Signal.Kind wanted =
          Arrays.stream(Event.Signal.Kind.values())
              .filter(k -> k.name().equals(kind))
              .findFirst()
              .orElseThrow(
                  () ->
                      new InvalidTemplate(
                          "when: "
                              + whole
                              + " names no kind of signal '"
                              + kind
                              + "'; use one of "
                              + Arrays.stream(Event.Signal.Kind.values())
                                  .map(Enum::name)
                                  .collect(Collectors.joining(", "))));
      return c -> c.history().signalKind() == wanted;
    }
    return Arrays.stream(Fact.values())
        .filter(f -> f.key.equals(name))
        .findFirst()
        .<Predicate<MessageContext>>map(f -> f.test)
        .orElseThrow(
            () ->
                new InvalidTemplate(
                    "when: "
                        + whole
                        + " names no fact '"
                        + name
                        + "'; use "
                        + known()
                        + ", signal=KIND, each optionally with 'not', joined by 'and'"));
  }

  /** The facts a condition may name, for messages. */
  static String known() {
    return Arrays.stream(Fact.values()).map(f -> f.key).collect(Collectors.joining(", "));
  }

  public boolean holds(MessageContext context) {
    return test.test(context);
  }

  public boolean always() {
    return source.isEmpty();
  }

  private static boolean has(String value) {
    return !value.isBlank();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof When w && w.source.equals(source);
  }

  @Override
  public int hashCode() {
    return source.hashCode();
  }

  @Override
  public String toString() {
    return always() ? "always" : "when: " + source;
  }
}
