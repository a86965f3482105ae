package dev.warmreach.message;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Plan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A message as the coach reads it. A template is judged as it would read for a typical prospect
 * (its variables at their samples); one that cannot be parsed is read with its tags blanked out.
 *
 * @param subject the subject as read; {@code null} when none was given
 * @param body the body as read, stripped
 * @param variables the template variables used, in subject or body
 * @param templateProblems why the template could not be parsed; empty when it could
 */
record Draft(
    Channel channel,
    Plan plan,
    boolean firstMessage,
    String subject,
    String body,
    Set<Variable> variables,
    List<String> templateProblems) {

  private static final Pattern TAG = Pattern.compile("\\{\\{[^{}]*}}");
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])\\s+");

  static Draft of(Channel channel, Plan plan, String subject, String body, boolean firstMessage) {
    Set<Variable> variables = EnumSet.noneOf(Variable.class);
    List<String> problems = new ArrayList<>();
    String readSubject =
        subject == null ? null : read("subject", subject.strip(), variables, problems);
    String readBody = read("text", body == null ? "" : body.strip(), variables, problems);
    return new Draft(
        channel,
        plan,
        firstMessage,
        readSubject,
        readBody,
        Collections.unmodifiableSet(variables),
        List.copyOf(problems));
  }

  private static String read(
      String part, String text, Set<Variable> variables, List<String> problems) {
    if (!TemplateText.hasBraces(text)) {
      return text;
    }
    try {
      TemplateText template = TemplateText.parse(part, text);
      variables.addAll(template.variables());
      return template.sample().strip();
    } catch (InvalidTemplate e) {
      problems.add(e.getMessage());
      return TAG.matcher(text).replaceAll("…").strip();
    }
  }

  /** The body on one line with straight quotes, for phrase matching. */
  String flatBody() {
    return flat(body);
  }

  String flatSubject() {
    return subject == null ? "" : flat(subject);
  }

  int characters() {
    return TextLimits.length(body);
  }

  int words() {
    return words(body);
  }

  /** Lines with text on them; a blank line or a line break separates paragraphs. */
  List<String> paragraphs() {
    return body.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  List<String> sentences() {
    List<String> sentences = new ArrayList<>();
    for (String paragraph : paragraphs()) {
      Arrays.stream(SENTENCE_END.split(paragraph))
          .map(String::strip)
          .filter(s -> !s.isEmpty())
          .map(Draft::flat)
          .forEach(sentences::add);
    }
    return sentences;
  }

  boolean blank() {
    return body.isBlank();
  }

  static int words(String text) {
    return (int)
        Arrays.stream(text.strip().split("\\s+"))
            .filter(w -> w.codePoints().anyMatch(Character::isLetterOrDigit))
            .count();
  }

  static String flat(String text) {
    return text.replaceAll("[‘’`´]", "'")
        .replaceAll("[“”„]", "\"")
        .replaceAll("(?U)\\s+", " ")
        .strip();
  }
}
