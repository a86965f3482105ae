package dev.warmreach.web.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Refuses request paths that try to climb out of where they point: a {@code .} or {@code ..}
 * segment (written plainly or percent-encoded), a backslash or a NUL. No page or resource of the
 * server has one, and the static files would otherwise take {@code /assets/../x} for a file name
 * and fail with a stack trace. A servlet filter, so it answers before Javalin looks for a route or
 * a file: a 404 problem, as for any unknown path, and nothing in the log. Thread-safe.
 */
public final class PathTraversal implements Filter {

  private final byte[] notFound;

  public PathTraversal(ObjectMapper json) {
    try {
      this.notFound =
          json.writeValueAsBytes(
              ProblemException.problem(
                  "not-found",
                  "Not found",
                  404,
                  "there is no such path; docs/api.md lists the API"));
    } catch (IOException e) {
      throw new IllegalStateException("a problem that cannot be written as JSON", e);
    }
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String raw = ((HttpServletRequest) request).getRequestURI();
    if (raw != null && climbs(raw)) {
      HttpServletResponse http = (HttpServletResponse) response;
      http.setStatus(404);
      http.setContentType(Problem.MEDIA_TYPE);
      http.setContentLength(notFound.length);
      http.getOutputStream().write(notFound);
      return;
    }
    chain.doFilter(request, response);
  }

  /** Whether the raw (still percent-encoded) path has a dot segment, a backslash or a NUL. */
  static boolean climbs(String rawPath) {
    String decoded;
    try {
      decoded = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return true;
    }
    if (decoded.indexOf('\\') >= 0 || decoded.indexOf('\0') >= 0) {
      return true;
    }
    for (String segment : decoded.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        return true;
      }
    }
    return false;
  }
}
