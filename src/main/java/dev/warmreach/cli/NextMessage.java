package dev.warmreach.cli;

import dev.warmreach.domain.Message;
import dev.warmreach.sequence.Command;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The next message a prospect will receive, as {@code plan} prints it and its JSON carries it. */
final class NextMessage {

  private NextMessage() {}

  /**
   * {@code {"step", "channel", "variant", "subject", "text", "personalised"}} for a message on its
   * way, or {@code {"step", "heldBack"}} for one that cannot go to them.
   */
  static Map<String, Object> json(Command next) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (next instanceof Command.Send send) {
      Message m = send.message();
      out.put("step", send.step());
      out.put("channel", send.channel().name());
      out.put("variant", m.variant());
      out.put("subject", m.subject());
      out.put("text", m.body());
      out.put("personalised", m.personalised());
    } else if (next instanceof Command.Decided decided) {
      out.put("step", decided.step());
      out.put("heldBack", String.join("; ", decided.decision().reasons()));
    }
    return out;
  }

  /** The message in words: the text as they will read it, or why none will go. */
  @SuppressWarnings("unchecked")
  static String text(Object json) {
    if (!(json instanceof Map<?, ?> map) || map.isEmpty()) {
      return "Next message: none on the way (the sequence waits for them or has ended).";
    }
    Map<String, Object> m = (Map<String, Object>) map;
    if (m.containsKey("heldBack")) {
      return "Next message (" + m.get("step") + "): " + m.get("heldBack");
    }
    String subject = String.valueOf(m.get("subject"));
    return "Next message ("
        + m.get("step")
        + ", "
        + String.valueOf(m.get("channel")).toLowerCase(Locale.ROOT)
        + ", variant "
        + m.get("variant")
        + (Boolean.TRUE.equals(m.get("personalised")) ? ", personal" : ", generic")
        + "):\n"
        + (subject.isEmpty() ? "" : "Subject: " + subject + "\n")
        + m.get("text");
  }
}
