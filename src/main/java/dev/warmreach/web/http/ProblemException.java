package dev.warmreach.web.http;

import java.util.List;

/**
 * Ends a request with a problem details response. Handlers throw it for a client's mistake; the
 * server turns it into {@code application/problem+json} and never logs it as a failure.
 */
public final class ProblemException extends RuntimeException {

  private static final String TYPES = "urn:warmreach:problem:";

  private final transient Problem problem;

  public ProblemException(Problem problem) {
    super(problem.detail(), null, false, false);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }

  public static ProblemException badRequest(String detail) {
    return of("bad-request", "Bad request", 400, detail);
  }

  public static ProblemException unauthorized(String detail) {
    return of("unauthorized", "Authentication required", 401, detail);
  }

  public static ProblemException forbidden(String detail) {
    return of("forbidden", "Forbidden", 403, detail);
  }

  public static ProblemException notFound(String detail) {
    return of("not-found", "Not found", 404, detail);
  }

  public static ProblemException tooManyRequests(String detail) {
    return of("too-many-requests", "Too many requests", 429, detail);
  }

  public static ProblemException conflict(String detail) {
    return of("conflict", "Conflict", 409, detail);
  }

  /** A request whose fields are wrong: 422 with each field named. */
  public static ProblemException invalid(List<Problem.FieldError> errors) {
    String detail =
        errors.size() == 1
            ? errors.get(0).field() + ": " + errors.get(0).message()
            : errors.size() + " fields are invalid; see errors";
    return new ProblemException(
        new Problem(TYPES + "validation", "Invalid request", 422, detail, errors));
  }

  public static ProblemException invalid(String field, String message) {
    return invalid(List.of(new Problem.FieldError(field, message)));
  }

  public static Problem problem(String slug, String title, int status, String detail) {
    return new Problem(TYPES + slug, title, status, detail, null);
  }

  private static ProblemException of(String slug, String title, int status, String detail) {
    return new ProblemException(problem(slug, title, status, detail));
  }
}
