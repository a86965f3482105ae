package dev.warmreach.policy;

import dev.warmreach.domain.ActivityLevel;
import dev.warmreach.domain.CampaignSettings;
import dev.warmreach.domain.ConnectionDegree;
import dev.warmreach.domain.ProspectProfile;
import dev.warmreach.domain.Seniority;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Prospects who look alike to a policy: seniority, LinkedIn activity, whether the campaign counts
 * them high-value, whether a business email is known, their connection degree (1st, 2nd, 3rd+ or
 * unknown) and which of the tags the campaign segments by they carry ({@link SegmentTags}). Learned
 * rates are kept per segment, so only what a policy may see goes into one (never the simulated
 * truth).
 *
 * @param degree FIRST, SECOND, THIRD (3rd and out of network alike) or UNKNOWN
 * @param tags the segmenting tags the prospect carries; none when the campaign segments by none
 */
public record Segment(
    Seniority seniority,
    ActivityLevel activity,
    boolean highValue,
    boolean hasEmail,
    ConnectionDegree degree,
    Set<String> tags) {

  public Segment {
    Objects.requireNonNull(seniority, "seniority");
    Objects.requireNonNull(activity, "activity");
    degree = degree == ConnectionDegree.OUT_OF_NETWORK ? ConnectionDegree.THIRD : degree;
    Objects.requireNonNull(degree, "degree");
    tags = Set.copyOf(tags);
  }

  /** A segment of unknown degree, segmented by no tag. */
  public Segment(Seniority seniority, ActivityLevel activity, boolean highValue, boolean hasEmail) {
    this(seniority, activity, highValue, hasEmail, ConnectionDegree.UNKNOWN, Set.of());
  }

  /** The prospect's segment in a campaign that segments by no tag. */
  public static Segment of(ProspectProfile prospect, CampaignSettings campaign) {
    return of(prospect, campaign, Set.of());
  }

  /**
   * The prospect's segment in a campaign that segments by {@code segmentTags}: of those, the ones
   * the prospect carries go into it.
   */
  public static Segment of(
      ProspectProfile prospect, CampaignSettings campaign, Set<String> segmentTags) {
    return of(
        prospect.seniority(),
        prospect.activity(),
        campaign.isHighValue(prospect),
        prospect.hasEmail(),
        prospect.degree(),
        prospect.tags(),
        segmentTags);
  }

  /** The segment of someone with these facts, keeping only the tags in {@code segmentTags}. */
  public static Segment of(
      Seniority seniority,
      ActivityLevel activity,
      boolean highValue,
      boolean hasEmail,
      ConnectionDegree degree,
      Set<String> tags,
      Set<String> segmentTags) {
    Set<String> carried = new TreeSet<>(tags);
    carried.retainAll(segmentTags);
    return new Segment(seniority, activity, highValue, hasEmail, degree, carried);
  }

  /**
   * The stable key it is stored under, e.g. {@code VP/LOW/high-value/email/2nd} or, with tags,
   * {@code MANAGER/MEDIUM/other/no-email/3rd+/fintech,saas}.
   */
  public String key() {
    String key =
        seniority.name()
            + "/"
            + activity.name()
            + "/"
            + (highValue ? "high-value" : "other")
            + "/"
            + (hasEmail ? "email" : "no-email")
            + "/"
            + degreeCode();
    return tags.isEmpty() ? key : key + "/" + String.join(",", new TreeSet<>(tags));
  }

  /** The segment stored under {@code key} (four parts: of unknown degree), or null. */
  public static Segment ofKey(String key) {
    String[] parts = key.split("/", 6); // a tag may hold a slash: the tags are the rest
    if (parts.length < 4) {
      return null;
    }
    try {
      ConnectionDegree degree = parts.length > 4 ? degreeOf(parts[4]) : ConnectionDegree.UNKNOWN;
      if (degree == null) {
        return null;
      }
      return new Segment(
          Seniority.valueOf(parts[0]),
          ActivityLevel.valueOf(parts[1]),
          parts[2].equals("high-value"),
          parts[3].equals("email"),
          degree,
          parts.length > 5 ? Set.of(parts[5].split(",")) : Set.of());
    } catch (IllegalArgumentException notOne) {
      return null;
    }
  }

  /** "1st", "2nd", "3rd+" or "unknown". */
  public String degreeCode() {
    return switch (degree) {
      case FIRST -> "1st";
      case SECOND -> "2nd";
      case THIRD, OUT_OF_NETWORK -> "3rd+";
      case UNKNOWN -> "unknown";
    };
  }

  private static ConnectionDegree degreeOf(String code) {
    return switch (code) {
      case "1st" -> ConnectionDegree.FIRST;
      case "2nd" -> ConnectionDegree.SECOND;
      case "3rd+" -> ConnectionDegree.THIRD;
      case "unknown" -> ConnectionDegree.UNKNOWN;
      default -> null;
    };
  }

  /**
   * In words, plural: "VPs (2nd degree, low activity, high-value, email known, tagged fintech)".
   */
  public String label() {
    String who =
        switch (seniority) {
          case C_SUITE -> "C-suite";
          case VP -> "VPs";
          case DIRECTOR -> "directors";
          case MANAGER -> "managers";
          case INDIVIDUAL -> "individual contributors";
          case UNKNOWN -> "prospects of unknown seniority";
        };
    List<String> parts = new ArrayList<>();
    if (degree != ConnectionDegree.UNKNOWN) {
      parts.add(degreeCode() + " degree");
    }
    if (activity != ActivityLevel.UNKNOWN) {
      parts.add(activity.name().toLowerCase(Locale.ROOT) + " activity");
    }
    if (highValue) {
      parts.add("high-value");
    }
    parts.add(hasEmail ? "email known" : "no email");
    if (!tags.isEmpty()) {
      parts.add("tagged " + String.join(", ", new TreeSet<>(tags)));
    }
    return who + " (" + String.join(", ", parts) + ")";
  }
}
