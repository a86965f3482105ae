package dev.warmreach.live;

import dev.warmreach.domain.ActivityLevel;
import dev.warmreach.domain.Campaign;
import dev.warmreach.domain.ConnectionDegree;
import dev.warmreach.domain.Enrollment;
import dev.warmreach.domain.Event;
import dev.warmreach.domain.ProfileUrl;
import dev.warmreach.domain.Prospect;
import dev.warmreach.domain.ProspectProfile;
import dev.warmreach.domain.Seniority;
import dev.warmreach.domain.UserError;
import dev.warmreach.sequence.ProspectState;
import dev.warmreach.store.Campaigns;
import dev.warmreach.store.EngineSteps;
import dev.warmreach.store.Prospects;
import dev.warmreach.store.SignalFeed;
import dev.warmreach.store.SignalFeed.Outcome;
import dev.warmreach.store.StoredCampaign;
import dev.warmreach.store.WorkspaceSettings;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where every buying signal comes in, from the events API, a CSV list of an intent tool ({@code
 * warmreach signals import}) or a provider's post feed: it records the signal once, wakes the
 * prospect's enrollments (the engine then answers it, see {@code SignalResponse}), enrolls someone
 * in no campaign in the campaign that takes signals (creating a person not stored yet), and notes
 * in the feed what was done. Thread-safe.
 */
public final class SignalIntake {

  /** The workspace setting that names the campaign taking signals, as a JSON string. */
  public static final String CAMPAIGN_SETTING = "signals.campaign";

  private final EngineSteps engineSteps;
  private final Prospects prospects;
  private final Campaigns campaigns;
  private final WorkspaceSettings settings;
  private final SignalFeed signals;
  private final CampaignEngines engines;

  public SignalIntake(
      EngineSteps engineSteps,
      Prospects prospects,
      Campaigns campaigns,
      WorkspaceSettings settings,
      SignalFeed signals,
      CampaignEngines engines) {
    this.engineSteps = Objects.requireNonNull(engineSteps, "engineSteps");
    this.prospects = Objects.requireNonNull(prospects, "prospects");
    this.campaigns = Objects.requireNonNull(campaigns, "campaigns");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.signals = Objects.requireNonNull(signals, "signals");
    this.engines = Objects.requireNonNull(engines, "engines");
  }

  /** A person a signal names, who may not be stored yet. */
  public record Person(
      ProfileUrl url, String firstName, String lastName, String title, String company) {
    public Person {
      Objects.requireNonNull(url, "url");
    }
  }

  /**
   * What became of a signal.
   *
   * @param prospectId the prospect it was recorded for; 0 when nobody was stored
   * @param duplicate whether it had been taken already (its idempotency key is stored)
   */
  public record Taken(long prospectId, boolean duplicate, Outcome outcome, String action) {}

  /** Takes a signal for a stored prospect. */
  public Taken take(Event.Signal signal) {
    if (!engineSteps.recordEvent(signal)) {
      return new Taken(signal.prospectId(), true, Outcome.NOT_ACTED, "already taken");
    }
    Taken taken = act(signal);
    signals.recordSignal(
        new SignalFeed.Entry(
            signal.idempotencyKey(),
            signal.prospectId(),
            "",
            signal.kind(),
            signal.detail(),
            signal.at(),
            taken.outcome(),
            taken.action()));
    return taken;
  }

  /**
   * Takes a signal for a person known by their profile, storing them first when they are new.
   *
   * @throws UserError when a new person comes without a first name
   */
  public Taken take(
      Person person, Event.Signal.Kind kind, String detail, Instant at, String idempotencyKey) {
    Optional<Prospect> known = prospects.prospectByUrl(person.url());
    if (known.isEmpty()) {
      if (person.firstName() == null || person.firstName().isBlank()) {
        throw new UserError(
            "no stored prospect has the profile "
                + person.url().value()
                + "; give their firstName (and lastName, title, company) to add them");
      }
      String title = person.title() == null ? "" : person.title();
      prospects.saveProspects(
          List.of(
              new ProspectProfile(
                  person.firstName(),
                  person.lastName(),
                  person.url(),
                  title,
                  Seniority.fromTitle(title),
                  person.company(),
                  null,
                  "",
                  Set.of(),
                  ActivityLevel.UNKNOWN,
                  ConnectionDegree.UNKNOWN,
                  false)));
      known = prospects.prospectByUrl(person.url());
      if (known.isEmpty()) {
        return new Taken(
            0,
            false,
            Outcome.NOT_ACTED,
            "not stored: " + person.url().value() + " is on the do-not-contact list");
      }
    }
    return take(new Event.Signal(known.get().id(), at, idempotencyKey, kind, detail));
  }

  /**
   * Takes a post they published: records it once (which wakes their enrollments, so the warm-up and
   * the messages see it) and notes in the feed its topic and link and where they stand. A post
   * enrolls nobody: it is not a buying signal unless sent as one ({@code relevant_post}).
   *
   * @return false when it had been taken already (its idempotency key is stored)
   * @throws UserError when no prospect has its id
   */
  public boolean takePost(Event.PostPublished post) {
    if (!engineSteps.recordEvent(post)) {
      return false;
    }
    notePost(post);
    return true;
  }

  private void notePost(Event.PostPublished post) {
    long id = post.prospectId();
    Taken taken =
        standing(id)
            .orElse(
                taken(
                    id,
                    Outcome.NOT_ACTED,
                    "recorded: they are in no running campaign; their messages name it once they"
                        + " are enrolled"));
    signals.recordSignal(
        new SignalFeed.Entry(
            post.idempotencyKey(),
            id,
            "",
            Event.Signal.Kind.RELEVANT_POST,
            post.topic(),
            post.at(),
            taken.outcome(),
            taken.action(),
            post.post()));
  }

  private Taken act(Event.Signal signal) {
    return standing(signal.prospectId())
        .orElseGet(() -> enrollInSignalsCampaign(signal.prospectId(), signal.at()));
  }

  /**
   * What news of them means where they stand: nothing when they must not be contacted or replied;
   * woken in a running campaign; waiting for a draft or paused one; empty when in none.
   */
  private Optional<Taken> standing(long id) {
    return Optional.ofNullable(standingOrNull(id));
  }

  private Taken standingOrNull(long id) {
    ProspectState prospect = prospects.prospectState(id).orElseThrow();
    if (prospect.doNotContact()) {
      return taken(id, Outcome.NOT_ACTED, "not acted on: on the do-not-contact list");
    }
    if (prospect.history().replied()) {
      return taken(id, Outcome.NOT_ACTED, "not acted on: they replied");
    }
    List<Enrollment> enrollments =
        campaigns.enrollmentsOf(id).stream().filter(Enrollment::isActive).toList();
    for (Enrollment e : enrollments) {
      Campaign campaign = campaign(e.campaignId());
      if (campaign != null && campaign.status() == Campaign.Status.ACTIVE) {
        return taken(id, Outcome.ACTED, "woke them in campaign " + campaign.name());
      }
    }
    for (Enrollment e : enrollments) {
      Campaign campaign = campaign(e.campaignId());
      if (campaign != null
          && (campaign.status() == Campaign.Status.DRAFT
              || campaign.status() == Campaign.Status.PAUSED)) {
        return taken(
            id,
            Outcome.WAITING,
            "recorded: campaign "
                + campaign.name()
                + " is "
                + campaign.status().name().toLowerCase(java.util.Locale.ROOT)
                + "; it acts on it when the campaign runs");
      }
    }
    return null;
  }

  private Taken enrollInSignalsCampaign(long id, Instant at) {
    Optional<StoredCampaign> target = signalsCampaign();
    if (target.isEmpty()) {
      return taken(
          id,
          Outcome.NOT_ACTED,
          "recorded: they are in no running campaign and none takes signals; mark one with"
              + " 'warmreach campaigns create … --take-signals'");
    }
    Campaign campaign = target.get().campaign();
    List<String> accounts = campaign.senderAccounts();
    Enrollment enrollment =
        engines
            .engine(target.get().definition(), campaign.policy())
            .enroll(0, campaign.id(), id, accounts.get((int) (id % accounts.size())), at);
    campaigns.enroll(List.of(enrollment));
    // a completed campaign runs again with them (the store reopens it)
    return campaign.status() == Campaign.Status.ACTIVE
            || campaign.status() == Campaign.Status.COMPLETED
        ? taken(id, Outcome.ENROLLED, "enrolled in campaign " + campaign.name())
        : taken(
            id,
            Outcome.WAITING,
            "enrolled in campaign "
                + campaign.name()
                + ", a "
                + campaign.status().name().toLowerCase(java.util.Locale.ROOT)
                + " one; it acts on it when the campaign runs");
  }

  /** The most signals the feed shows. */
  public static final int FEED_SIZE = 1000;

  /** The latest signals with what was done about each, newest first. */
  public List<SignalFeed.Entry> feed() {
    return signals.latestSignals(FEED_SIZE);
  }

  /**
   * The account working {@code prospectId} (their first enrollment's), in whose zone their signals
   * are told, as their timeline tells its events; empty for someone in no campaign.
   */
  public Optional<String> accountOf(long prospectId) {
    return campaigns.enrollmentsOf(prospectId).stream().map(Enrollment::senderAccount).findFirst();
  }

  /** A signal's kind in words: {@code ROLE_CHANGE} → "Role change". */
  public static String kindInWords(Event.Signal.Kind kind) {
    return switch (kind) {
      case ROLE_CHANGE -> "Role change";
      case COMPANY_MILESTONE -> "Company milestone";
      case RELEVANT_POST -> "Post published";
      case HIRING -> "Hiring";
      case ENGAGED_WITH_SENDER -> "Engaged with you";
    };
  }

  /** The campaign marked as taking signals, when one is and it still exists. */
  public Optional<StoredCampaign> signalsCampaign() {
    return settings
        .setting(CAMPAIGN_SETTING)
        .map(json -> json.strip().replaceAll("^\"|\"$", ""))
        .flatMap(name -> campaigns.campaign(name));
  }

  /** Marks {@code campaign} as the one that takes signals for people in no campaign. */
  public void takeSignalsIn(String campaign) {
    settings.saveSetting(CAMPAIGN_SETTING, "\"" + campaign + "\"");
  }

  private Campaign campaign(long id) {
    return campaigns.campaigns().stream()
        .map(StoredCampaign::campaign)
        .filter(c -> c.id() == id)
        .findFirst()
        .orElse(null);
  }

  private static Taken taken(long id, Outcome outcome, String action) {
    return new Taken(id, false, outcome, action);
  }
}
