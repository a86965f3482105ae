package dev.warmreach.web.pages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warmreach.simulation.ForecastResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A forecast as the campaign page shows it: the expected funnel per channel with rates, a bar
 * chart's configuration, and the limits the run broke (none, when the engine works).
 */
public record CampaignFunnel(
    String policy,
    int prospects,
    int weeks,
    List<Row> rows,
    Map<String, Long> violations,
    long brokenLimits,
    long wallMillis,
    String chart) {

  /**
   * One channel's expected figures.
   *
   * @param accepted for connection requests only; {@code null} elsewhere
   */
  public record Row(String channel, long sent, Long accepted, long replied) {
    public String acceptRate() {
      return accepted == null ? "" : percent(accepted, sent);
    }

    public String replyRate() {
      return percent(replied, sent);
    }
  }

  private static final String[][] CHANNELS = {
    {"engage", "Warm-up"},
    {"connect", "Connection request"},
    {"dm", "Direct message"},
    {"inmail", "InMail"},
    {"email", "Email"}
  };

  static CampaignFunnel of(ForecastResult result) {
    List<Row> rows = new ArrayList<>();
    for (String[] channel : CHANNELS) {
      rows.add(
          new Row(
              channel[1],
              result.sent().getOrDefault(channel[0], 0L),
              channel[0].equals("connect") ? result.accepted() : null,
              result.replies().getOrDefault(channel[0], 0L)));
    }
    return new CampaignFunnel(
        result.policy(),
        result.prospects(),
        result.weeks(),
        rows,
        result.violations(),
        result.totalViolations(),
        result.wallMillis(),
        chart(rows));
  }

  /** "none", or each broken limit with its count. */
  public String brokenLimitsText() {
    if (brokenLimits == 0) {
      return "none";
    }
    List<String> broken = new ArrayList<>();
    violations.forEach(
        (limit, n) -> {
          if (n > 0) {
            broken.add(limit + " " + n);
          }
        });
    return String.join(", ", broken);
  }

  /** Words for the chart's aria-label: the figures it draws. */
  public String chartLabel() {
    List<String> parts = new ArrayList<>();
    for (Row r : rows) {
      parts.add(
          r.channel()
              + ": "
              + r.sent()
              + " sent"
              + (r.accepted() == null ? "" : ", " + r.accepted() + " accepted")
              + ", "
              + r.replied()
              + " replied");
    }
    return "Expected funnel per channel over " + weeks + " weeks. " + String.join("; ", parts);
  }

  private static String chart(List<Row> rows) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("labels", rows.stream().map(Row::channel).toList());
    data.put(
        "datasets",
        List.of(
            dataset("Sent", rows.stream().map(Row::sent).toList(), "#0b5cad"),
            dataset(
                "Accepted",
                rows.stream().map(r -> r.accepted() == null ? 0L : r.accepted()).toList(),
                "#17663a"),
            dataset("Replied", rows.stream().map(Row::replied).toList(), "#8a5300")));
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("type", "bar");
    config.put("data", data);
    config.put("options", Map.of("responsive", true));
    try {
      return new ObjectMapper().writeValueAsString(config);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> dataset(String label, List<Long> values, String colour) {
    return Map.of("label", label, "data", values, "backgroundColor", colour);
  }

  private static String percent(long part, long whole) {
    return whole == 0 ? "–" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
  }
}
