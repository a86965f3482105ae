package dev.warmreach.message;

/**
 * The coach's rules, each with a stable id (what {@code warmreach lint} prints and tools match on),
 * a severity and the usual fix. docs/messages.md explains each one.
 */
public enum CoachRule {
  TEMPLATE_INVALID(
      "template.invalid", Severity.ERROR, "Fix the template so every tag names a known variable."),
  PLACEHOLDER_UNFILLED(
      "placeholder.unfilled",
      Severity.ERROR,
      "Fill it in, or use a Warmreach variable such as {{firstName}}."),
  GREETING_EMPTY(
      "greeting.empty",
      Severity.ERROR,
      "Put the name in, or give it a fallback: Hi {{firstName|there}},"),
  MESSAGE_EMPTY("message.empty", Severity.ERROR, "Write the message."),
  NOTE_TOO_LONG("note.too-long", Severity.ERROR, "Cut it to fit; under 200 characters is best."),
  INMAIL_TOO_LONG(
      "inmail.too-long", Severity.ERROR, "Cut it to about 150 words; LinkedIn stops at 1,900."),
  SUBJECT_TOO_LONG(
      "subject.too-long", Severity.ERROR, "Cut the subject to a few words; LinkedIn allows 200."),
  NOTE_BLANK(
      "note.blank",
      Severity.WARNING,
      "Add a short note that says why you want to connect: their post, a shared group, a mutual"
          + " connection."),
  SUBJECT_MISSING(
      "subject.missing",
      Severity.WARNING,
      "Add a short subject that names their company, a recent event or shared context."),
  LENGTH_RECOMMENDED(
      "length.recommended",
      Severity.WARNING,
      "Cut it to one specific opening, one line on why it matters to them, one ask."),
  WALL_OF_TEXT(
      "wall-of-text",
      Severity.WARNING,
      "Break it into short paragraphs of one to three sentences; most people read on a phone."),
  NOTE_GENERIC_PHRASE(
      "note.generic-phrase",
      Severity.WARNING,
      "Replace it with why them: their post, a shared group, a mutual connection."),
  MESSAGE_GENERIC_PHRASE(
      "message.generic-phrase",
      Severity.WARNING,
      "Cut the filler and open with something about them."),
  PERSONALISATION_MISSING(
      "personalisation.missing",
      Severity.WARNING,
      "Open with one specific thing: their post ({{postTopic}}), a milestone or new role"
          + " ({{signal}}), a mutual connection ({{mutualConnection}})."),
  FIRST_MESSAGE_PITCH(
      "first-message.pitch",
      Severity.WARNING,
      "Thank them, make one observation about their work, ask one easy question; pitch later."),
  ASK_HIGH_COMMITMENT(
      "ask.high-commitment",
      Severity.WARNING,
      "Ask for something small: a question they can answer in a line, a yes or no, or offer a"
          + " resource."),
  ASK_MULTIPLE(
      "ask.multiple",
      Severity.WARNING,
      "Keep the one ask that matters most; several asks usually get none answered."),
  ASK_MISSING("ask.missing", Severity.TIP, "End with one easy question they can answer in a line."),
  SUBJECT_CLICHE(
      "subject.cliche",
      Severity.WARNING,
      "Name their company, a recent event or shared context, e.g. \"{{company}}'s Series B\"."),
  SUBJECT_SALESY(
      "subject.salesy",
      Severity.WARNING,
      "Drop the hype: a plain, specific subject reads like a person wrote it."),
  SUBJECT_LONG(
      "subject.long", Severity.WARNING, "Keep the subject under 60 characters, ideally 3-7 words.");

  private final String id;
  private final Severity severity;
  private final String fix;

  CoachRule(String id, Severity severity, String fix) {
    this.id = id;
    this.severity = severity;
    this.fix = fix;
  }

  /** The stable id, e.g. {@code note.too-long}. */
  public String id() {
    return id;
  }

  public Severity severity() {
    return severity;
  }

  /** The usual fix, in a sentence. */
  public String fix() {
    return fix;
  }
}
