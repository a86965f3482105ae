package dev.warmreach.live;

import dev.warmreach.domain.Enrollment;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.message.CampaignMessages;
import dev.warmreach.message.Coach;
import dev.warmreach.policy.ChannelPolicy;
import dev.warmreach.policy.Decision;
import dev.warmreach.quota.AccountLimits;
import dev.warmreach.quota.AccountState;
import dev.warmreach.sequence.CampaignDefinition;
import dev.warmreach.sequence.Command;
import dev.warmreach.sequence.SequenceEngine;
import dev.warmreach.store.Analytics;
import dev.warmreach.store.Campaigns;
import dev.warmreach.store.Prospects;
import dev.warmreach.store.SenderAccounts;
import dev.warmreach.store.StoredCampaign;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Each campaign's engine, built once from its stored definition with its policy and the coach, then
 * kept (a stored definition never changes). Reading the stored definition is given to it, so this
 * package knows no file format. One per application; thread-safe.
 */
public final class CampaignEngines {

  private final Campaigns campaigns;
  private final Prospects prospects;
  private final SenderAccounts accounts;
  private final Coach coach;
  private final Function<String, CampaignDefinition> definitions;
  private final LearnedOutcomes learned;
  private final Map<Long, SequenceEngine> engines = new ConcurrentHashMap<>();

  /**
   * @param analytics where the adaptive policy's outcomes are read from
   * @param definitions reads a stored definition (JSON text) into its value
   */
  public CampaignEngines(
      Campaigns campaigns,
      Prospects prospects,
      SenderAccounts accounts,
      Analytics analytics,
      Coach coach,
      Function<String, CampaignDefinition> definitions) {
    this.campaigns = Objects.requireNonNull(campaigns, "campaigns");
    this.prospects = Objects.requireNonNull(prospects, "prospects");
    this.accounts = Objects.requireNonNull(accounts, "accounts");
    this.coach = Objects.requireNonNull(coach, "coach");
    this.definitions = Objects.requireNonNull(definitions, "definitions");
    this.learned =
        new LearnedOutcomes(analytics, id -> definition(stored(id).definition()).settings());
  }

  /** The engine of the stored campaign {@code campaignId}. */
  public SequenceEngine engine(long campaignId) {
    return engines.computeIfAbsent(
        campaignId,
        id -> {
          StoredCampaign stored = stored(id);
          return engine(stored.definition(), stored.campaign().policy(), id);
        });
  }

  /**
   * An engine for a definition (JSON text) run with the policy named {@code policy}, for a campaign
   * not stored yet: an adaptive one learns from the workspace's campaigns.
   */
  public SequenceEngine engine(String definition, String policy) {
    return engine(definition, policy, 0);
  }

  private SequenceEngine engine(String definition, String policy, long campaignId) {
    CampaignDefinition campaign = definition(definition);
    ChannelPolicy chosen =
        ChannelPolicy.named(policy, now -> learned.rates(campaignId, now), campaignId);
    return campaign.engine(chosen, CampaignMessages.of(campaign, coach));
  }

  /** What the workspace's outcomes teach the adaptive policy. */
  public LearnedOutcomes learned() {
    return learned;
  }

  private StoredCampaign stored(long id) {
    return campaigns.campaigns().stream()
        .filter(c -> c.campaign().id() == id)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no campaign " + id));
  }

  /** The coach's word on every template variant of a definition (JSON text). */
  public CoachReport review(String definition) {
    return CoachReport.of(CampaignMessages.of(definition(definition), coach).reviews());
  }

  /** A stored definition (JSON text) as its value. */
  public CampaignDefinition definition(String definition) {
    return definitions.apply(definition);
  }

  /**
   * What the policy would decide for the enrollment's current step at {@code now}, without acting:
   * for the plan. Empty when the enrollment has finished.
   */
  public Optional<Decision> preview(Enrollment enrollment, Instant now) {
    if (!enrollment.isActive()) {
      return Optional.empty();
    }
    var prospect = prospects.prospectState(enrollment.prospectId()).orElseThrow();
    return Optional.of(
        engine(enrollment.campaignId())
            .preview(enrollment, prospect, accountState(enrollment, now), now));
  }

  /**
   * The next message the enrollment's prospect will receive if nothing else happens first: a send
   * with its exact text, or the step held back with the reason. Empty when none is on the way.
   */
  public Optional<Command> nextMessage(Enrollment enrollment, Instant now) {
    if (!enrollment.isActive()) {
      return Optional.empty();
    }
    var prospect = prospects.prospectState(enrollment.prospectId()).orElseThrow();
    return engine(enrollment.campaignId())
        .nextMessage(enrollment, prospect, accountState(enrollment, now), now);
  }

  /** The whole path the enrollment's prospect is expected to take, in words; empty when done. */
  public String expectedPath(Enrollment enrollment, Instant now) {
    if (!enrollment.isActive()) {
      return "";
    }
    var prospect = prospects.prospectState(enrollment.prospectId()).orElseThrow();
    return engine(enrollment.campaignId())
        .expectedPath(enrollment, prospect, accountState(enrollment, now), now);
  }

  /** The time zone of the enrollment's sender account: the clock its plan is read on. */
  public ZoneId zoneOf(Enrollment enrollment) {
    return accounts
        .account(enrollment.senderAccount())
        .map(SenderAccount::timeZone)
        .orElse(ZoneOffset.UTC);
  }

  private AccountState accountState(Enrollment enrollment, Instant now) {
    return accounts
        .accountState(enrollment.senderAccount())
        .orElseGet(
            () -> {
              var settings = accounts.account(enrollment.senderAccount()).orElseThrow();
              return AccountState.open(settings, AccountLimits.defaultsFor(settings), now);
            });
  }
}
