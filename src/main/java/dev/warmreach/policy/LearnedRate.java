package dev.warmreach.policy;

import java.util.Locale;

/**
 * The rates the adaptive policy learns per segment (SPEC §6): each a share of one kind of touch
 * that succeeded. Acceptance is kept apart for cold and warm prospects, as SPEC §1 says warm is
 * 2–3×.
 */
public enum LearnedRate {
  ACCEPTANCE_COLD("acceptance", "accept requests"),
  ACCEPTANCE_WARM("acceptance when warm", "accept requests after a warm-up"),
  REPLY_AFTER_ACCEPTANCE("reply after acceptance", "answer a message after accepting"),
  INMAIL_REPLY("InMail reply", "answer InMails"),
  EMAIL_REPLY("email reply", "answer email");

  private final String label;
  private final String verb;

  LearnedRate(String label, String verb) {
    this.label = label;
    this.verb = verb;
  }

  /** For tables: "InMail reply". */
  public String label() {
    return label;
  }

  /** For reasons: "answer InMails", as in "managers answer InMails 31%". */
  public String verb() {
    return verb;
  }

  /** The stable code stored and shown in JSON, e.g. {@code inmail-reply}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The rate stored under {@code code}, or null. */
  public static LearnedRate ofCode(String code) {
    for (LearnedRate rate : values()) {
      if (rate.code().equals(code)) {
        return rate;
      }
    }
    return null;
  }
}
