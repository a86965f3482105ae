package dev.warmreach.message;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The variables a template may use, written {@code {{firstName}}}. Each reads one value from a
 * {@link MessageContext}; the sample is what the coach fills in to judge a template's length.
 */
public enum Variable {
  FIRST_NAME("firstName", Source.NAME, c -> c.prospect().firstName(), "Alexandra"),
  LAST_NAME("lastName", Source.NAME, c -> c.prospect().lastName(), "Whitfield"),
  FULL_NAME("fullName", Source.NAME, c -> c.prospect().fullName(), "Alexandra Whitfield"),
  COMPANY("company", Source.PROSPECT, c -> c.prospect().company(), "Northwind Analytics"),
  TITLE("title", Source.PROSPECT, c -> c.prospect().title(), "Head of Revenue Operations"),
  LOCATION("location", Source.PROSPECT, c -> c.prospect().location(), "Manchester"),
  SENDER_NAME("senderName", Source.SENDER, c -> c.sender().name(), "Sam Carter"),
  SENDER_ROLE("senderRole", Source.SENDER, c -> c.sender().role(), "Head of Sales"),
  SENDER_COMPANY("senderCompany", Source.SENDER, c -> c.sender().company(), "Brightline"),
  SIGNATURE(
      "signature",
      Source.SENDER,
      c -> c.sender().signature(),
      "Sam Carter, Head of Sales at Brightline"),
  ACCOUNT("account", Source.SENDER, c -> c.sender().account(), "sdr-1"),
  POST_TOPIC(
      "postTopic", Source.HISTORY, c -> c.history().postTopic(), "onboarding remote sales hires"),
  MUTUAL_CONNECTION(
      "mutualConnection", Source.HISTORY, c -> c.history().mutualConnection(), "Priya Shah"),
  SIGNAL("signal", Source.HISTORY, c -> c.history().signal(), "Series B round"),
  LAST_TOUCH("lastTouch", Source.HISTORY, c -> c.history().lastTouch(), "connection request");

  /** Where a variable's value comes from. */
  public enum Source {
    NAME,
    PROSPECT,
    SENDER,
    HISTORY
  }

  private final String key;
  private final Source source;
  private final Function<MessageContext, String> reader;
  private final String sample;

  Variable(String key, Source source, Function<MessageContext, String> reader, String sample) {
    this.key = key;
    this.source = source;
    this.reader = reader;
    this.sample = sample;
  }

  /** The name written in templates, e.g. {@code firstName}. */
  public String key() {
    return key;
  }

  public Source source() {
    return source;
  }

  /**
   * Whether using this variable is evidence of personalisation: something about the person other
   * than their name (their company, role, post, mutual connection, the signal). The last touch is
   * the sender's own action, so it is not.
   */
  public boolean personal() {
    return (source == Source.PROSPECT || source == Source.HISTORY) && this != LAST_TOUCH;
  }

  /** A typical value, used where a template is judged without a real prospect. */
  public String sample() {
    return sample;
  }

  /** This variable's value in {@code context}; empty when unknown. */
  public String valueIn(MessageContext context) {
    return reader.apply(context);
  }

  /** The variable a template names {@code key}, if there is one. */
  public static Optional<Variable> byKey(String key) {
    return Arrays.stream(values()).filter(v -> v.key.equals(key)).findFirst();
  }

  /** All keys, for messages that list what a template may use. */
  public static String allKeys() {
    return Arrays.stream(values()).map(Variable::key).collect(Collectors.joining(", "));
  }
}
