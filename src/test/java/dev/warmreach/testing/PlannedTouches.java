package dev.warmreach.testing;

import dev.warmreach.domain.Campaign;
import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Enrollment;
import dev.warmreach.domain.Message;
import dev.warmreach.domain.Plan;
import dev.warmreach.domain.Prospect;
import dev.warmreach.domain.ProspectProfile;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.domain.Touch;
import dev.warmreach.policy.Decision;
import dev.warmreach.quota.AccountLimits;
import dev.warmreach.quota.AccountState;
import dev.warmreach.sequence.Advance;
import dev.warmreach.sequence.Command;
import dev.warmreach.store.ProspectQuery;
import dev.warmreach.store.Store;
import dev.warmreach.store.StoredCampaign;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Puts a planned touch in a store the way the engine does (a campaign, an enrollment and one step),
 * for tests of the executors and the deliveries that hang off a touch.
 */
public final class PlannedTouches {

  public static final String ACCOUNT = "sdr-1";
  public static final String CAMPAIGN = "q3-outreach";

  private PlannedTouches() {}

  /** An email touch to the prospect with this text, planned at {@code now}. */
  public static Touch email(
      Store store, ProspectProfile profile, String subject, String body, Instant now) {
    return plant(store, profile, Channel.EMAIL, new Message("A", subject, body, true), now);
  }

  /** A touch on {@code channel} to the prospect, planned at {@code now}. */
  public static Touch plant(
      Store store, ProspectProfile profile, Channel channel, Message message, Instant now) {
    return plant(store, profile, channel, false, message, now, 1).get(0);
  }

  /**
   * {@code rounds} rounds of a repeated step on {@code channel} to the prospect (warm-up rounds,
   * say), planned at {@code now}, in order.
   */
  public static List<Touch> plantRounds(
      Store store,
      ProspectProfile profile,
      Channel channel,
      Message message,
      Instant now,
      int rounds) {
    return plant(store, profile, channel, false, message, now, rounds);
  }

  /** A connection request with this note to the prospect, planned at {@code now}. */
  public static Touch request(Store store, ProspectProfile profile, String note, Instant now) {
    return plant(store, profile, Channel.CONNECT, true, new Message("A", "", note, true), now, 1)
        .get(0);
  }

  private static List<Touch> plant(
      Store store,
      ProspectProfile profile,
      Channel channel,
      boolean withNote,
      Message message,
      Instant now,
      int rounds) {
    store.prospects().saveProspects(List.of(profile));
    Prospect prospect =
        store.prospects().prospects(ProspectQuery.all(10_000)).stream()
            .filter(
                p ->
                    profile.profileUrl() != null
                        ? profile.profileUrl().equals(p.profile().profileUrl())
                        : profile.leadId() != null
                            ? profile.leadId().equals(p.profile().leadId())
                            : profile.email().equals(p.profile().email()))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("prospect not stored: " + profile));
    SenderAccount account =
        SenderAccount.withPlanDefaults(ACCOUNT, Plan.SALES_NAVIGATOR, ZoneOffset.UTC);
    store.accounts().addAccount(account);
    store
        .accounts()
        .ensureAccountState(AccountState.open(account, AccountLimits.defaultsFor(account), now));
    StoredCampaign campaign =
        store
            .campaigns()
            .campaign(CAMPAIGN)
            .orElseGet(
                () ->
                    store
                        .campaigns()
                        .createCampaign(
                            new Campaign(
                                0,
                                CAMPAIGN,
                                List.of(ACCOUNT),
                                "playbook",
                                "combined",
                                Campaign.Status.ACTIVE,
                                now),
                            "{}")
                        .orElseThrow());
    long campaignId = campaign.campaign().id();
    store
        .campaigns()
        .enroll(List.of(Enrollment.start(0, campaignId, prospect.id(), ACCOUNT, "step-1", now)));
    Enrollment enrollment =
        store.campaigns().enrollments(campaignId, 10_000).stream()
            .filter(e -> e.prospectId() == prospect.id())
            .findFirst()
            .orElseThrow();
    List<String> keys =
        java.util.stream.IntStream.range(0, rounds)
            .mapToObj(round -> Touch.keyFor(enrollment.id(), "step-1", round))
            .toList();
    store
        .engineSteps()
        .advance(
            enrollment.id(),
            now,
            (e, p, a) ->
                new Advance(
                    e.dueAt(null),
                    p.history(),
                    a,
                    keys.stream()
                        .<Command>map(
                            key ->
                                new Command.Send(
                                    e.id(),
                                    e.prospectId(),
                                    ACCOUNT,
                                    "step-1",
                                    channel,
                                    withNote,
                                    "step-1",
                                    key,
                                    Decision.send(channel, false, "planned by the test"),
                                    message))
                        .toList(),
                    null))
        .orElseThrow(() -> new IllegalStateException("the step did not run"));
    List<Touch> planted = store.touches().touches(prospect.id());
    return keys.stream()
        .map(
            key ->
                planted.stream()
                    .filter(t -> t.idempotencyKey().equals(key))
                    .findFirst()
                    .orElseThrow())
        .toList();
  }
}
