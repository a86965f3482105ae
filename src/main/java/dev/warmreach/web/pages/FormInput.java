package dev.warmreach.web.pages;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/**
 * A form post's fields as the dashboard's forms read them: trimmed, and empty rather than absent;
 * and their mistakes worded as the pages list them. One place, so that every form treats a field
 * left out the same as a field left blank.
 */
final class FormInput {

  private FormInput() {}

  /** The field's value, trimmed; empty when it was not posted. */
  static String value(Context ctx, String field) {
    String v = ctx.formParam(field);
    return v == null ? "" : v.strip();
  }

  /** The fields' values by name, each as {@link #value} reads it. */
  static Map<String, String> values(Context ctx, String... fields) {
    Map<String, String> out = new HashMap<>();
    for (String field : fields) {
      out.put(field, value(ctx, field));
    }
    return out;
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  static String nullToBlank(String value) {
    return value == null ? "" : value;
  }

  /** A message after a field's name: ends with a full stop. */
  static String clause(String message) {
    return message.endsWith(".") ? message : message + ".";
  }

  /** A message with a capital first letter and a full stop. */
  static String sentence(String message) {
    if (message == null || message.isEmpty()) {
      return "";
    }
    String out = Character.toUpperCase(message.charAt(0)) + message.substring(1);
    return out.endsWith(".") ? out : out + ".";
  }
}
