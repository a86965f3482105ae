package dev.warmreach.web.api;

import dev.warmreach.web.http.Problem.FieldError;
import dev.warmreach.web.http.ProblemException;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of a list: {@code ?limit=&offset=} read and checked the same way on every route, and the
 * answer {@code {"items": [...], "total": N, "limit": L, "offset": O}}.
 */
record Page(int limit, int offset) {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 1000;

  static Page of(Context ctx) {
    List<FieldError> errors = new ArrayList<>();
    int limit = number(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT, errors);
    int offset = number(ctx, "offset", 0, 0, Integer.MAX_VALUE, errors);
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    return new Page(limit, offset);
  }

  private static int number(
      Context ctx, String name, int fallback, int min, int max, List<FieldError> errors) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.add(
        new FieldError(
            name,
            "'"
                + value
                + "' is not a whole number from "
                + min
                + " to "
                + (max == Integer.MAX_VALUE ? "any" : String.valueOf(max))
                + (name.equals("limit") ? "; leave it out for " + DEFAULT_LIMIT : "")));
    return fallback;
  }

  /** This page of a list held whole in memory. */
  <T> Map<String, Object> of(List<T> all) {
    int from = (int) Math.min(offset, all.size());
    int to = (int) Math.min((long) from + limit, all.size());
    return body(all.subList(from, to), all.size());
  }

  /** The answer for a page the store cut already, with the total count. */
  Map<String, Object> body(List<?> items, long total) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("items", items);
    out.put("total", total);
    out.put("limit", limit);
    out.put("offset", offset);
    return out;
  }
}
