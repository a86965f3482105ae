package dev.warmreach.simulation;

import dev.warmreach.domain.ActivityLevel;
import dev.warmreach.domain.ConnectionDegree;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.sequence.CampaignDefinition;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A simulated world to forecast a campaign in (SPEC §6): sender accounts, segments of prospects
 * with the truth of how they behave, the policy under test, and the campaign's definition.
 */
public record Scenario(
    long seed,
    Instant start,
    int weeks,
    String policy,
    List<Account> accounts,
    List<Segment> segments,
    CampaignDefinition campaign) {

  public Scenario {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(campaign, "campaign");
    accounts = List.copyOf(accounts);
    segments = List.copyOf(segments);
  }

  /**
   * A sender account in the world.
   *
   * @param newAccount whether it ramps up from a few actions a day
   */
  public record Account(SenderAccount account, boolean newAccount) {}

  /** A group of alike prospects. */
  public record Segment(String name, int count, ProspectShape prospect, Truth truth) {}

  /**
   * What every prospect of a segment looks like to the policy.
   *
   * @param doNotContact share of them on the do-not-contact list (0 to 1)
   * @param tags the tags they carry (besides the campaign's high-value tag, which {@code highValue}
   *     stands for)
   */
  public record ProspectShape(
      String title,
      ActivityLevel activity,
      boolean hasEmail,
      boolean highValue,
      boolean openProfile,
      ConnectionDegree degree,
      double doNotContact,
      Set<String> tags) {

    public ProspectShape {
      tags = Set.copyOf(tags);
    }

    /** A shape whose prospects carry no tag. */
    public ProspectShape(
        String title,
        ActivityLevel activity,
        boolean hasEmail,
        boolean highValue,
        boolean openProfile,
        ConnectionDegree degree,
        double doNotContact) {
      this(title, activity, hasEmail, highValue, openProfile, degree, doNotContact, Set.of());
    }
  }

  public int prospects() {
    return segments.stream().mapToInt(Segment::count).sum();
  }

  public Scenario withPolicy(String other) {
    return new Scenario(seed, start, weeks, other, accounts, segments, campaign);
  }

  public Scenario withSeed(long other) {
    return new Scenario(other, start, weeks, policy, accounts, segments, campaign);
  }
}
