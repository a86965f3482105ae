package dev.warmreach.web.pages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warmreach.domain.Channel;
import dev.warmreach.domain.RateEstimate;
import dev.warmreach.live.LearnedOutcomes;
import dev.warmreach.live.OutreachAnalytics;
import dev.warmreach.store.WeeklyActivity;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the analytics page shows for the chosen campaign (or all): computed by {@link
 * OutreachAnalytics}, formatted for people.
 *
 * @param campaigns every campaign's name, for the filter
 * @param selected the chosen campaign's name; empty for all campaigns
 * @param unknown a campaign name asked for that does not exist; empty when none
 */
public record AnalyticsView(
    List<String> campaigns,
    String selected,
    String unknown,
    List<OutreachAnalytics.Funnel> funnel,
    List<Step> steps,
    List<OutreachAnalytics.Credits> credits,
    List<WeeklyActivity> weeks,
    List<LearnedOutcomes.SegmentFigures> learned) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter WEEK =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  /** The variants of one template step, and whether the figures can tell them apart yet. */
  public record Step(String template, List<OutreachAnalytics.Variant> variants, String note) {}

  /** Groups variants by their step and says, per step, what the intervals allow to conclude. */
  static List<Step> steps(List<OutreachAnalytics.Variant> variants) {
    Map<String, List<OutreachAnalytics.Variant>> byStep = new LinkedHashMap<>();
    for (OutreachAnalytics.Variant v : variants) {
      byStep.computeIfAbsent(v.tally().step(), k -> new ArrayList<>()).add(v);
    }
    List<Step> out = new ArrayList<>();
    byStep.forEach((step, list) -> out.add(new Step(step, list, note(list))));
    return out;
  }

  private static String note(List<OutreachAnalytics.Variant> variants) {
    if (variants.size() < 2) {
      return "One variant only: nothing to compare.";
    }
    boolean small = variants.stream().anyMatch(OutreachAnalytics.Variant::tooFewToTell);
    OutreachAnalytics.Variant best = variants.get(0);
    for (OutreachAnalytics.Variant v : variants) {
      if (v.reply().rate() > best.reply().rate()) {
        best = v;
      }
    }
    for (OutreachAnalytics.Variant v : variants) {
      if (v != best && v.reply().high() >= best.reply().low()) {
        return (small
                ? "Too few sent to tell (under "
                    + OutreachAnalytics.SMALL_SAMPLE
                    + " messages for a variant): "
                : "")
            + "the intervals overlap, so no variant is clearly better yet. Keep sending all of"
            + " them.";
      }
    }
    return "Variant "
        + best.tally().label()
        + " replies more often than the others, beyond the 95% intervals.";
  }

  /** Whether nothing has been sent yet (in the chosen campaign). */
  public boolean empty() {
    return funnel.stream().allMatch(f -> f.sent() == 0 && f.replies() == 0 && f.accepted() == 0)
        && weeks.stream().allMatch(w -> w.touches() == 0 && w.replies() == 0);
  }

  public boolean isSelected(String campaign) {
    return campaign.equals(selected);
  }

  public String scope() {
    return selected.isEmpty() ? "all campaigns" : "campaign " + selected;
  }

  /** E.g. "31% (24–39%)"; a dash when nothing was sent. */
  public static String rate(RateEstimate r) {
    if (r.trials() == 0) {
      return "—";
    }
    return percent(r.rate()) + " (" + Math.round(r.low() * 100) + "–" + percent(r.high()) + ")";
  }

  private static String percent(double value) {
    return Math.round(value * 100) + "%";
  }

  public static String channel(String channel) {
    return switch (channel) {
      case "ENGAGE" -> "Warm-up";
      case "CONNECT" -> "Connection request";
      case "DM" -> "DM";
      case "INMAIL" -> "InMail";
      case "EMAIL" -> "Email";
      default -> channel;
    };
  }

  /** A learned rate as "31% (24–38%), 140 sent"; the prior when nothing has an outcome yet. */
  public static String learned(LearnedOutcomes.RateFigure r) {
    String figure =
        percent(r.mean()) + " (" + Math.round(r.low() * 100) + "–" + percent(r.high()) + ")";
    if (r.known() == 0) {
      return figure + ", " + (r.sent() == 0 ? "none sent: the prior" : r.sent() + " awaiting");
    }
    return figure + ", " + r.known() + " known of " + r.sent() + " sent";
  }

  public static String preferred(LearnedOutcomes.SegmentFigures s) {
    return s.preferred() == Channel.INMAIL ? "InMail" : "Connection request";
  }

  public static String week(WeeklyActivity w) {
    return WEEK.format(w.weekStart());
  }

  /** The funnel as a Chart.js bar chart. */
  public String funnelChart() {
    List<String> labels = new ArrayList<>();
    List<Long> sent = new ArrayList<>();
    List<Long> accepted = new ArrayList<>();
    List<Long> replied = new ArrayList<>();
    for (OutreachAnalytics.Funnel f : funnel) {
      labels.add(channel(f.channel()));
      sent.add(f.sent());
      accepted.add(f.accepted());
      replied.add(f.replies());
    }
    return chart(
        "bar",
        labels,
        List.of(
            dataset("Sent", sent, "#0b5cad"),
            dataset("Accepted", accepted, "#6f42c1"),
            dataset("Replied", replied, "#1a7f37")));
  }

  /** Touches and replies per week as a Chart.js line chart. */
  public String weeklyChart() {
    List<String> labels = new ArrayList<>();
    List<Long> touches = new ArrayList<>();
    List<Long> replies = new ArrayList<>();
    for (WeeklyActivity w : weeks) {
      labels.add(week(w));
      touches.add(w.touches());
      replies.add(w.replies());
    }
    return chart(
        "line",
        labels,
        List.of(
            dataset("Touches sent", touches, "#0b5cad"), dataset("Replies", replies, "#1a7f37")));
  }

  private static Map<String, Object> dataset(String label, List<Long> data, String colour) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("label", label);
    out.put("data", data);
    out.put("backgroundColor", colour);
    out.put("borderColor", colour);
    return out;
  }

  private static String chart(String type, List<String> labels, List<Map<String, Object>> sets) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("type", type);
    config.put("data", Map.of("labels", labels, "datasets", sets));
    config.put(
        "options",
        Map.of(
            "responsive",
            true,
            "scales",
            Map.of("y", Map.of("beginAtZero", true, "ticks", Map.of("precision", 0)))));
    try {
      return JSON.writeValueAsString(config);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
