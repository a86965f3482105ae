package dev.warmreach.store;

import dev.warmreach.domain.Seniority;

/**
 * Which prospects to list: all filters are optional ({@code null}) and combine with AND.
 *
 * @param text matched, ignoring case, against name, company and title
 * @param limit at most this many, 1 to 10,000
 * @param offset skip this many, for paging
 */
public record ProspectQuery(String text, String tag, Seniority seniority, int limit, int offset) {

  public static final int MAX_LIMIT = 10_000;

  public ProspectQuery {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit " + limit + " must be between 1 and " + MAX_LIMIT);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset " + offset + " must not be negative");
    }
    text = text == null || text.isBlank() ? null : text.strip();
  }

  /** Everyone, first page of {@code limit}. */
  public static ProspectQuery all(int limit) {
    return new ProspectQuery(null, null, null, limit, 0);
  }
}
