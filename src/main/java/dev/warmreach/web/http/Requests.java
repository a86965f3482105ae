package dev.warmreach.web.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Reading request bodies the same way everywhere: JSON, or an HTML form where a browser posts. A
 * body is read only up to its route's {@link BodyLimit}; JSON must be UTF-8 and hold no NUL
 * character (PostgreSQL cannot store one), so a mistake is a 400 naming where it is, never a
 * silently replaced character or a failed write.
 */
public final class Requests {

  private Requests() {}

  public static boolean isForm(Context ctx) {
    String type = ctx.contentType();
    return type != null
        && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
  }

  /**
   * A 303 to {@code location} whose short body is plain text, as its Content-Type says (the
   * server's default type is JSON, which "Redirected" is not).
   */
  public static void seeOther(Context ctx, String location) {
    ctx.contentType("text/plain; charset=utf-8");
    ctx.redirect(location, io.javalin.http.HttpStatus.SEE_OTHER);
  }

  public static boolean isMultipart(Context ctx) {
    String type = ctx.contentType();
    return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
  }

  /**
   * The uploaded file in the part {@code name} of a multipart body, null when there is no such
   * part. A body without a boundary or cut short is a 400, one over the route's limit a 413.
   */
  public static UploadedFile uploadedFile(Context ctx, String name) {
    String type = ctx.contentType() == null ? "" : ctx.contentType();
    if (!type.toLowerCase(Locale.ROOT).contains("boundary=")) {
      throw ProblemException.badRequest(
          "the multipart/form-data body has no boundary in its Content-Type; let the HTTP client"
              + " set the header (curl -F file=@prospects.csv), or send the CSV as the body with"
              + " Content-Type: text/csv");
    }
    try {
      return ctx.uploadedFile(name);
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        String message = t.getMessage() == null ? "" : t.getMessage();
        if (message.contains("exceeds max")) {
          throw BodyLimit.limitFor(ctx.path()).tooLarge();
        }
        if (t instanceof java.io.IOException || t instanceof jakarta.servlet.ServletException) {
          throw ProblemException.badRequest(
              "the multipart/form-data body could not be read ("
                  + message
                  + "); send it again whole, with the boundary its Content-Type names");
        }
      }
      throw e;
    }
  }

  /** The body as JSON, or a 400 problem saying where it stopped being JSON. */
  public static JsonNode json(Context ctx, ObjectMapper mapper) {
    String body = utf8(ctx.bodyAsBytes());
    if (body.isBlank()) {
      throw ProblemException.badRequest("the request has no body; send JSON");
    }
    JsonNode json;
    try {
      json = mapper.readTree(body);
    } catch (StreamConstraintsException e) {
      throw ProblemException.badRequest(
          "the body is JSON nested or sized beyond what the server reads ("
              + e.getOriginalMessage()
              + "); send flat objects as docs/api.md shows");
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw ProblemException.badRequest(
          "the body is not valid JSON: "
              + e.getOriginalMessage()
              + (at == null
                  ? ""
                  : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
    }
    if (json == null || json.isMissingNode()) {
      throw ProblemException.badRequest("the request has no body; send JSON");
    }
    refuseNul(json, "");
    return json;
  }

  /**
   * {@code bytes} as UTF-8 text, or a 400 naming the first byte that is not UTF-8: decoding it as
   * U+FFFD would store text the client never sent.
   */
  static String utf8(byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    try {
      return decoder.decode(in).toString();
    } catch (CharacterCodingException e) {
      throw ProblemException.badRequest(
          "the body is not valid UTF-8 (byte "
              + firstInvalidUtf8(bytes)
              + " of "
              + bytes.length
              + "); send JSON encoded as UTF-8");
    }
  }

  /** The offset of the first byte that does not decode as UTF-8. */
  private static int firstInvalidUtf8(byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    decoder.decode(in, java.nio.CharBuffer.allocate(bytes.length + 1), true);
    return in.position();
  }

  /** A 400 naming the first field (a JSON path such as {@code events[2].detail}) holding NUL. */
  private static void refuseNul(JsonNode node, String path) {
    if (node.isTextual() && node.textValue().indexOf('\0') >= 0) {
      throw nul(path.isEmpty() ? "body" : path);
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        refuseNul(node.get(i), path + "[" + i + "]");
      }
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String name = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        if (field.getKey().indexOf('\0') >= 0) {
          throw nul(name.replace("\0", "\\u0000"));
        }
        refuseNul(field.getValue(), name);
      }
    }
  }

  static ProblemException nul(String field) {
    return ProblemException.invalid(
        field, "holds a NUL character (\\u0000), which no text may contain; remove it");
  }

  /**
   * Refuses a NUL character in the query, the path or a form field before a handler passes it to
   * the database (PostgreSQL refuses to store one): a 400 naming the parameter.
   */
  public static void refuseNulInParameters(Context ctx) {
    ctx.pathParamMap().forEach((name, value) -> refuseNul(name, value));
    ctx.queryParamMap().forEach((name, values) -> values.forEach(v -> refuseNul(name, v)));
    if (isForm(ctx)) {
      ctx.formParamMap().forEach((name, values) -> values.forEach(v -> refuseNul(name, v)));
    }
  }

  private static void refuseNul(String name, String value) {
    if (name.indexOf('\0') >= 0 || (value != null && value.indexOf('\0') >= 0)) {
      throw ProblemException.badRequest(
          "the parameter '"
              + name.replace("\0", "\\u0000")
              + "' holds a NUL character (%00), which no text may contain; remove it");
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
