package dev.warmreach.web.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem details body: what went wrong with a request, in words that name the input
 * and the fix. {@code errors} lists each invalid field of a request that failed validation.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type, String title, int status, String detail, List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** One invalid field: where it is in the request body, and what is wrong with it. */
  public record FieldError(String field, String message) {}

  public Problem {
    errors = errors == null ? null : List.copyOf(errors);
  }
}
