package dev.warmreach.web.pages;

import dev.warmreach.domain.Campaign;
import dev.warmreach.live.CampaignPlan;
import dev.warmreach.message.VariantTally;
import dev.warmreach.store.CampaignStats;
import dev.warmreach.store.StoredCampaign;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * What the campaign page shows: status and the actions it allows, the funnel per channel, each
 * variant's results, the coach's report on the templates and one page of the plan.
 *
 * @param notice the outcome of the last action, e.g. "Launched."; {@code null} when none
 * @param problem why the last action was refused; {@code null} when it was not
 */
public record CampaignPage(
    StoredCampaign stored,
    long enrolled,
    Map<String, Long> enrollments,
    List<ChannelFigures> channels,
    List<VariantTally> variants,
    List<Map<String, Object>> coach,
    List<CampaignPlan.Row> plan,
    int page,
    int pages,
    String notice,
    String problem) {

  public static final int PLAN_PAGE = 50;

  /** One channel's funnel as stored: sent, waiting, accepted (requests only), replied. */
  public record ChannelFigures(
      String channel, long sent, long planned, Long accepted, long replied) {}

  public CampaignPage {
    channels = List.copyOf(channels);
    variants = List.copyOf(variants);
    coach = List.copyOf(coach);
    plan = List.copyOf(plan);
  }

  static List<ChannelFigures> figures(CampaignStats stats) {
    return List.of(
        figure(stats, "ENGAGE", "Warm-up", null),
        figure(stats, "CONNECT", "Connection request", stats.events().getOrDefault("ACCEPTED", 0L)),
        figure(stats, "DM", "Direct message", null),
        figure(stats, "INMAIL", "InMail", null),
        figure(stats, "EMAIL", "Email", null));
  }

  private static ChannelFigures figure(
      CampaignStats stats, String channel, String label, Long accepted) {
    return new ChannelFigures(
        label,
        stats.touches().getOrDefault(channel, 0L),
        stats.planned().getOrDefault(channel, 0L),
        accepted,
        stats.replies().getOrDefault(channel, 0L));
  }

  public Campaign campaign() {
    return stored.campaign();
  }

  public String name() {
    return stored.campaign().name();
  }

  /** The campaign's path, its name encoded. */
  public String path() {
    return pathOf(name());
  }

  public long replied() {
    return enrollments.getOrDefault("REPLIED", 0L);
  }

  public int firstRow() {
    return (page - 1) * PLAN_PAGE + 1;
  }

  public static String pathOf(String name) {
    return "/campaigns/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The status badge's colour class; the status is also written out. */
  public static String badge(Campaign.Status status) {
    return switch (status) {
      case ACTIVE -> "good";
      case PAUSED -> "warn";
      case DRAFT, COMPLETED -> "";
    };
  }
}
