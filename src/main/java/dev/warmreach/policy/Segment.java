package dev.warmreach.policy;

import dev.warmreach.domain.ActivityLevel;
import dev.warmreach.domain.CampaignSettings;
import dev.warmreach.domain.ProspectProfile;
import dev.warmreach.domain.Seniority;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Prospects who look alike to a policy: seniority, LinkedIn activity, whether the campaign counts
 * them high-value and whether a business email is known. Learned rates are kept per segment, so
 * only what a policy may see goes into one (never the simulated truth).
 */
public record Segment(
    Seniority seniority, ActivityLevel activity, boolean highValue, boolean hasEmail) {

  public Segment {
    Objects.requireNonNull(seniority, "seniority");
    Objects.requireNonNull(activity, "activity");
  }

  public static Segment of(ProspectProfile prospect, CampaignSettings campaign) {
    return new Segment(
        prospect.seniority(),
        prospect.activity(),
        campaign.isHighValue(prospect),
        prospect.hasEmail());
  }

  /** The stable key it is stored under, e.g. {@code VP/LOW/high-value/email}. */
  public String key() {
    return seniority.name()
        + "/"
        + activity.name()
        + "/"
        + (highValue ? "high-value" : "other")
        + "/"
        + (hasEmail ? "email" : "no-email");
  }

  /** The segment stored under {@code key}, or null when it is not one. */
  public static Segment ofKey(String key) {
    String[] parts = key.split("/");
    if (parts.length != 4) {
      return null;
    }
    try {
      return new Segment(
          Seniority.valueOf(parts[0]),
          ActivityLevel.valueOf(parts[1]),
          parts[2].equals("high-value"),
          parts[3].equals("email"));
    } catch (IllegalArgumentException notOne) {
      return null;
    }
  }

  /** In words, plural: "VPs (low activity, high-value, email known)". */
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
    if (activity != ActivityLevel.UNKNOWN) {
      parts.add(activity.name().toLowerCase(Locale.ROOT) + " activity");
    }
    if (highValue) {
      parts.add("high-value");
    }
    parts.add(hasEmail ? "email known" : "no email");
    return who + " (" + String.join(", ", parts) + ")";
  }
}
