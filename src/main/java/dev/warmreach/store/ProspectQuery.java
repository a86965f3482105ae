package dev.warmreach.store;

import dev.warmreach.domain.Seniority;

/**
 * Which prospects to list: all filters are optional ({@code null}) and combine with AND.
 *
 * @param text matched, ignoring case, against name, company and title
 * @param status where they stand with Warmreach (see {@link Status})
 * @param limit at most this many, 1 to 10,000
 * @param offset skip this many, for paging
 */
public record ProspectQuery(
    String text, String tag, Seniority seniority, Status status, int limit, int offset) {

  public static final int MAX_LIMIT = 10_000;

  /** Where a prospect stands: in no campaign yet, in one, replied, finished, or not to contact. */
  public enum Status {
    /** In no campaign and not on the do-not-contact list. */
    NEW,
    /** Active in at least one campaign's sequence. */
    ENROLLED,
    /** Replied on some channel. */
    REPLIED,
    /** Went through a campaign's whole sequence. */
    COMPLETED,
    /** On the do-not-contact list. */
    DO_NOT_CONTACT
  }

  public ProspectQuery {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit " + limit + " must be between 1 and " + MAX_LIMIT);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset " + offset + " must not be negative");
    }
    text = text == null || text.isBlank() ? null : text.strip();
  }

  /** Without a status filter. */
  public ProspectQuery(String text, String tag, Seniority seniority, int limit, int offset) {
    this(text, tag, seniority, null, limit, offset);
  }

  /** Everyone, first page of {@code limit}. */
  public static ProspectQuery all(int limit) {
    return new ProspectQuery(null, null, null, null, limit, 0);
  }
}
