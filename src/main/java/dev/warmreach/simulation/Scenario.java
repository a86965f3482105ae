package dev.warmreach.simulation;

import dev.warmreach.domain.ActivityLevel;
import dev.warmreach.domain.CampaignSettings;
import dev.warmreach.domain.Channel;
import dev.warmreach.domain.ConnectionDegree;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.message.Author;
import dev.warmreach.message.CampaignMessages;
import dev.warmreach.message.Coach;
import dev.warmreach.policy.ChannelPolicy;
import dev.warmreach.sequence.SequenceDefinition;
import dev.warmreach.sequence.SequenceEngine;
import dev.warmreach.sequence.Step;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A simulated world to forecast a campaign in (SPEC §6): sender accounts, segments of prospects
 * with the truth of how they behave, the policy under test, and the campaign's sequence.
 */
public record Scenario(
    long seed,
    Instant start,
    int weeks,
    String policy,
    List<Account> accounts,
    List<Segment> segments,
    Campaign campaign) {

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
   */
  public record ProspectShape(
      String title,
      ActivityLevel activity,
      boolean hasEmail,
      boolean highValue,
      boolean openProfile,
      ConnectionDegree degree,
      double doNotContact) {}

  /**
   * The campaign under test, or a stored campaign's definition.
   *
   * @param templates template name to its A/B variants (one text for no test); InMail and email
   *     texts start with the subject line, then a line {@code ---}
   * @param author who signs the messages
   */
  public record Campaign(
      SequenceDefinition sequence,
      Map<String, List<String>> templates,
      CampaignSettings settings,
      Author author) {

    /** The templates a policy uses when it picks another channel than the step's own. */
    private static final Map<String, Channel> FALLBACKS =
        Map.of(
            "note", Channel.CONNECT,
            "first-dm", Channel.DM,
            "inmail", Channel.INMAIL,
            "email", Channel.EMAIL);

    public Campaign {
      Objects.requireNonNull(sequence, "sequence");
      Objects.requireNonNull(settings, "settings");
      Objects.requireNonNull(author, "author");
      Map<String, List<String>> copy = new LinkedHashMap<>();
      templates.forEach((name, variants) -> copy.put(name, List.copyOf(variants)));
      templates = Collections.unmodifiableMap(copy);
    }

    /**
     * The templates parsed for the channels the steps send them on, each variant judged by {@code
     * coach}.
     *
     * @throws dev.warmreach.message.InvalidTemplate naming the template that could never render
     */
    public CampaignMessages messages(Coach coach) {
      List<CampaignMessages.Use> uses = new ArrayList<>();
      boolean firstDm = true;
      for (Step step : sequence.steps()) {
        if (step instanceof Step.Action action
            && action.template() != null
            && templates.containsKey(action.template())) {
          boolean first = action.channel() == Channel.DM && firstDm;
          firstDm &= action.channel() != Channel.DM;
          uses.add(
              new CampaignMessages.Use(
                  action.template(), action.channel(), first, templates.get(action.template())));
        }
      }
      FALLBACKS.forEach(
          (name, channel) -> {
            if (templates.containsKey(name)) {
              uses.add(new CampaignMessages.Use(name, channel, true, templates.get(name)));
            }
          });
      return CampaignMessages.of(uses, author, coach);
    }

    /**
     * The engine that runs this campaign with {@code policy}, its messages judged by {@code coach}.
     */
    public SequenceEngine engine(ChannelPolicy policy, Coach coach) {
      return new SequenceEngine(sequence, policy, settings, messages(coach));
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
