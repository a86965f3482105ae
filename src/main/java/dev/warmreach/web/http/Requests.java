package dev.warmreach.web.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.Locale;

/** Reading request bodies the same way everywhere: JSON, or an HTML form where a browser posts. */
public final class Requests {

  private Requests() {}

  public static boolean isForm(Context ctx) {
    String type = ctx.contentType();
    return type != null
        && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
  }

  public static boolean isMultipart(Context ctx) {
    String type = ctx.contentType();
    return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
  }

  /** The body as JSON, or a 400 problem saying where it stopped being JSON. */
  public static JsonNode json(Context ctx, ObjectMapper mapper) {
    String body = ctx.body();
    if (body.isBlank()) {
      throw ProblemException.badRequest("the request has no body; send JSON");
    }
    try {
      return mapper.readTree(body);
    } catch (JsonProcessingException e) {
      throw ProblemException.badRequest(
          "the body is not valid JSON: "
              + e.getOriginalMessage()
              + " (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ")");
    }
  }

  /** A text field from a form or a JSON object; null when absent. */
  public static String field(Context ctx, JsonNode json, String name) {
    if (json == null) {
      return ctx.formParam(name);
    }
    JsonNode value = json.get(name);
    return value == null || value.isNull() ? null : value.asText();
  }

  /** The JSON body, or null for a form post. */
  public static JsonNode jsonUnlessForm(Context ctx, ObjectMapper mapper) {
    if (isForm(ctx)) {
      return null;
    }
    JsonNode json = json(ctx, mapper);
    if (!json.isObject()) {
      throw ProblemException.badRequest("the body must be a JSON object");
    }
    return json;
  }
}
