package dev.warmreach.live;

import dev.warmreach.domain.Campaign;
import dev.warmreach.domain.Enrollment;
import dev.warmreach.domain.Prospect;
import dev.warmreach.domain.UserError;
import dev.warmreach.policy.ChannelPolicy;
import dev.warmreach.sequence.SequenceEngine;
import dev.warmreach.store.Campaigns;
import dev.warmreach.store.ProspectQuery;
import dev.warmreach.store.Prospects;
import dev.warmreach.store.SenderAccounts;
import dev.warmreach.store.StoredCampaign;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Creating a campaign and moving it between draft, active and paused: the one place the CLI and the
 * HTTP API both call, so both check the same things. Thread-safe.
 */
public final class CampaignSetup {

  private final Campaigns campaigns;
  private final Prospects prospects;
  private final SenderAccounts senderAccounts;
  private final CampaignEngines engines;

  public CampaignSetup(
      Campaigns campaigns,
      Prospects prospects,
      SenderAccounts senderAccounts,
      CampaignEngines engines) {
    this.campaigns = campaigns;
    this.prospects = prospects;
    this.senderAccounts = senderAccounts;
    this.engines = engines;
  }

  /** The coach's word on every template variant of a definition (JSON text). */
  public CoachReport review(String definition) {
    return engines.review(definition);
  }

  /** The stored campaign of that name, or a user error saying how to find the names. */
  public static StoredCampaign find(Campaigns campaigns, String name) {
    return campaigns
        .campaign(name)
        .orElseThrow(
            () ->
                new UserError("no campaign named '" + name + "'; see 'warmreach campaigns list'"));
  }

  /**
   * Creates a campaign and enrolls prospects (all, or those with {@code tag}), spreading them over
   * its accounts. Checks everything before storing anything.
   *
   * @throws UserError naming the wrong input: an unknown account or policy, a template the coach
   *     refuses, no prospects, a taken name
   */
  public StoredCampaign create(
      Instant start,
      String name,
      List<String> accounts,
      String policy,
      String definition,
      String tag) {
    return create(start, name, accounts, policy, definition, tag, false);
  }

  /**
   * As {@link #create(Instant, String, List, String, String, String)}; a campaign that takes
   * signals may start with nobody, as the signals bring its prospects.
   */
  public StoredCampaign create(
      Instant start,
      String name,
      List<String> accounts,
      String policy,
      String definition,
      String tag,
      boolean takesSignals) {
    Campaign.nameProblem(name)
        .ifPresent(
            why -> {
              throw new UserError("campaign name '" + name + "' " + why);
            });
    if (accounts.isEmpty()) {
      throw new UserError(
          "--accounts: name at least one sender account (see 'warmreach accounts list')");
    }
    for (String account : accounts) {
      if (senderAccounts.account(account).isEmpty()) {
        throw new UserError(
            "--accounts: no account named '" + account + "'; add it with 'warmreach accounts add'");
      }
    }
    ChannelPolicy.named(policy);
    engines.review(definition).refuseErrors("create campaign '" + name + "'");
    List<Prospect> prospects = enrollable(tag);
    if (prospects.isEmpty() && !takesSignals) {
      throw new UserError(
          "no prospects to enroll"
              + (tag == null ? "" : " tagged '" + tag + "'")
              + "; import some with 'warmreach import FILE'");
    }
    Campaign campaign =
        new Campaign(0, name, accounts, policy, "definition", Campaign.Status.DRAFT, start);
    StoredCampaign stored =
        campaigns
            .createCampaign(campaign, definition)
            .orElseThrow(
                () ->
                    new UserError(
                        "a campaign named '" + name + "' exists already; choose another name"));
    SequenceEngine engine = engines.engine(definition, policy);
    List<Enrollment> enrollments = new ArrayList<>();
    for (int i = 0; i < prospects.size(); i++) {
      enrollments.add(
          engine.enroll(
              0,
              stored.campaign().id(),
              prospects.get(i).id(),
              accounts.get(i % accounts.size()),
              start));
    }
    campaigns.enroll(enrollments);
    return stored;
  }

  /** Everyone who may be enrolled (tagged {@code tag}, if given), a page at a time: no cap. */
  private List<Prospect> enrollable(String tag) {
    List<Prospect> all = new ArrayList<>();
    for (int offset = 0; ; offset += ProspectQuery.MAX_LIMIT) {
      List<Prospect> page =
          prospects.prospects(new ProspectQuery(null, tag, null, ProspectQuery.MAX_LIMIT, offset));
      page.stream().filter(p -> !p.doNotContact()).forEach(all::add);
      if (page.size() < ProspectQuery.MAX_LIMIT) {
        return all;
      }
    }
  }

  /**
   * Moves a campaign to {@code target}. Launching or resuming checks the templates first (the
   * coach's errors refuse it) and gives its accounts stored limits. Returns the coach's report.
   */
  public CoachReport changeStatus(StoredCampaign campaign, Campaign.Status target, Instant now) {
    CoachReport coach = engines.review(campaign.definition());
    if (target == Campaign.Status.ACTIVE) {
      coach.refuseErrors("launch campaign '" + campaign.campaign().name() + "'");
      LiveEngine.prepareAccounts(senderAccounts, campaign.campaign(), now);
    }
    campaigns.setCampaignStatus(campaign.campaign().id(), target);
    return coach;
  }
}
