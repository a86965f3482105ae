package dev.warmreach.web.pages;

import dev.warmreach.domain.Enrollment;
import dev.warmreach.domain.Prospect;
import dev.warmreach.domain.Seniority;
import dev.warmreach.live.ProspectTimeline;
import dev.warmreach.store.ProspectQuery;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One page of the prospect list: the filters as the user set them, the matching people on this
 * page, how many match in all, and any filter that could not be used and why.
 */
public record ProspectList(
    Filters filters, List<Row> rows, long total, int page, List<String> problems) {

  /** Rows per page. */
  public static final int PAGE_SIZE = 50;

  /** The filters as typed, to put back into the form and the paging links. */
  public record Filters(String q, String tag, String seniority, String status) {

    /** The query string of these filters with {@code page}, e.g. {@code ?q=acme&page=2}. */
    public String query(int page) {
      Map<String, String> params = new LinkedHashMap<>();
      params.put("q", q);
      params.put("tag", tag);
      params.put("seniority", seniority);
      params.put("status", status);
      if (page > 1) {
        params.put("page", Integer.toString(page));
      }
      List<String> parts = new ArrayList<>();
      params.forEach(
          (name, value) -> {
            if (value != null && !value.isBlank()) {
              parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
          });
      return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    public boolean any() {
      return !query(1).isEmpty();
    }
  }

  /** One prospect as the list shows them. */
  public record Row(
      long id,
      String name,
      String title,
      String company,
      String seniority,
      List<String> tags,
      String status,
      boolean doNotContact) {

    static Row of(Prospect p, List<Enrollment> enrollments) {
      return new Row(
          p.id(),
          p.fullName(),
          p.profile().title(),
          p.profile().company(),
          seniorityLabel(p.profile().seniority()),
          p.profile().tags().stream().sorted().toList(),
          statusLabel(p.doNotContact(), enrollments),
          p.doNotContact());
    }
  }

  /** The choices of the seniority filter: value, label. */
  public static List<Map.Entry<String, String>> seniorities() {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    for (Seniority s : Seniority.values()) {
      out.add(Map.entry(value(s), seniorityLabel(s)));
    }
    return out;
  }

  /** The choices of the status filter: value, label. */
  public static List<Map.Entry<String, String>> statuses() {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    for (ProspectQuery.Status s : ProspectQuery.Status.values()) {
      out.add(Map.entry(value(s), statusLabel(s)));
    }
    return out;
  }

  static String value(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static String seniorityLabel(Seniority s) {
    return ProspectTimeline.seniorityLabel(s);
  }

  static String statusLabel(ProspectQuery.Status s) {
    return switch (s) {
      case NEW -> "New (in no campaign)";
      case ENROLLED -> "In a campaign";
      case REPLIED -> "Replied";
      case COMPLETED -> "Completed a sequence";
      case DO_NOT_CONTACT -> "Do not contact";
    };
  }

  static String statusLabel(boolean doNotContact, List<Enrollment> enrollments) {
    return ProspectTimeline.statusLabel(doNotContact, enrollments);
  }

  public int pages() {
    return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
  }

  public long first() {
    return rows.isEmpty() ? 0 : (long) (page - 1) * PAGE_SIZE + 1;
  }

  public long last() {
    return (long) (page - 1) * PAGE_SIZE + rows.size();
  }

  public boolean hasPrevious() {
    return page > 1;
  }

  public boolean hasNext() {
    return page < pages();
  }

  /** The link to page {@code n} with the same filters. */
  public String pageUrl(int n) {
    return "/prospects" + filters.query(n);
  }

  /** "1,234" with the thousands grouped. */
  public static String count(long n) {
    return String.format(Locale.ENGLISH, "%,d", n);
  }
}
