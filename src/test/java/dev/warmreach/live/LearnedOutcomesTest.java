package dev.warmreach.live;

import static dev.warmreach.testing.AProspect.aProspect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.definition.CampaignFile;
import dev.warmreach.domain.ActivityLevel;
import dev.warmreach.domain.Campaign;
import dev.warmreach.domain.CampaignSettings;
import dev.warmreach.domain.Channel;
import dev.warmreach.domain.ConnectionDegree;
import dev.warmreach.domain.Enrollment;
import dev.warmreach.domain.Event;
import dev.warmreach.domain.Message;
import dev.warmreach.domain.Plan;
import dev.warmreach.domain.Prospect;
import dev.warmreach.domain.ProspectHistory;
import dev.warmreach.domain.ProspectProfile;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.domain.Touch;
import dev.warmreach.policy.ChannelPolicy;
import dev.warmreach.policy.Decision;
import dev.warmreach.policy.DecisionInput;
import dev.warmreach.policy.LearnedRate;
import dev.warmreach.policy.LearnedRates;
import dev.warmreach.policy.Segment;
import dev.warmreach.policy.Tally;
import dev.warmreach.quota.AccountLimits;
import dev.warmreach.quota.AccountState;
import dev.warmreach.sequence.Advance;
import dev.warmreach.sequence.Command;
import dev.warmreach.store.ProspectQuery;
import dev.warmreach.store.Store;
import dev.warmreach.store.jdbc.JdbcStore;
import dev.warmreach.testing.SettableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adaptive policy's learned rates in live use, on a real store: a campaign's own outcomes weigh
 * first and the workspace's other campaigns' at half weight, and what is stored after a read shows
 * at the next hourly read, not before.
 */
class LearnedOutcomesTest {

  private static final Instant SENT = Instant.parse("2026-03-02T10:00:00Z");
  private static final String ACCOUNT = "sdr-1";

  @TempDir Path home;
  private final SettableClock clock = new SettableClock(SENT);
  private Store store;
  private LearnedOutcomes learned;
  private Segment managers;

  @BeforeEach
  void open() {
    store = JdbcStore.openEmbedded(home, clock);
    learned =
        new LearnedOutcomes(
            store.analytics(), id -> CampaignFile.fromJson(CampaignFile.defaultJson()).settings());
    SenderAccount account =
        SenderAccount.withPlanDefaults(ACCOUNT, Plan.SALES_NAVIGATOR, ZoneOffset.UTC);
    store.accounts().addAccount(account);
    store
        .accounts()
        .ensureAccountState(AccountState.open(account, AccountLimits.defaultsFor(account), SENT));
  }

  @AfterEach
  void close() throws Exception {
    store.close();
  }

  @Test
  void aCampaignsOwnOutcomesWeighFirstAndTheOthersAtHalfWeight() {
    long quiet = campaignOfManagers("quiet", 0, 30, 3); // 3 of 30 InMails answered
    long keen = campaignOfManagers("keen", 100, 30, 24); // 24 of 30
    Instant now = SENT.plus(Duration.ofDays(8));

    LearnedRates ofQuiet = learned.rates(quiet, now);
    LearnedRates ofKeen = learned.rates(keen, now);

    assertThat(ofQuiet.own().tally(managers, LearnedRate.INMAIL_REPLY))
        .isEqualTo(new Tally(30, 3, 27));
    assertThat(ofQuiet.shared().tally(managers, LearnedRate.INMAIL_REPLY))
        .isEqualTo(new Tally(30, 24, 6));
    // Prior 18% worth 10 touches; own outcomes count once, the other campaign's half.
    assertThat(ofQuiet.belief(managers, LearnedRate.INMAIL_REPLY).mean())
        .isCloseTo((1.8 + 3 + 12) / (10 + 30 + 15), org.assertj.core.data.Offset.offset(1e-9));
    assertThat(ofKeen.belief(managers, LearnedRate.INMAIL_REPLY).mean())
        .isCloseTo((1.8 + 24 + 1.5) / (10 + 30 + 15), org.assertj.core.data.Offset.offset(1e-9));
    assertThat(learned.rates(0, now).own().observations(managers)).isZero();
    assertThat(learned.rates(0, now).shared().tally(managers, LearnedRate.INMAIL_REPLY))
        .isEqualTo(new Tally(60, 27, 33));
  }

  @Test
  void outcomesStoredAfterAReadCountAtTheNextHourlyRead() {
    long quiet = campaignOfManagers("quiet", 0, 30, 3);
    Instant read = SENT.plus(Duration.ofDays(8));
    assertThat(learned.rates(quiet, read).own().tally(managers, LearnedRate.INMAIL_REPLY))
        .isEqualTo(new Tally(30, 3, 27));

    Prospect late = store.prospects().prospects(ProspectQuery.all(1_000)).get(20);
    store
        .engineSteps()
        .recordEvent(
            new Event.Replied(late.id(), read.plusSeconds(60), "late-reply", Channel.INMAIL));

    assertThat(
            learned
                .rates(quiet, read.plus(Duration.ofMinutes(59)))
                .own()
                .tally(managers, LearnedRate.INMAIL_REPLY))
        .isEqualTo(new Tally(30, 3, 27));
    assertThat(
            learned
                .rates(quiet, read.plus(LearnedOutcomes.REFRESH))
                .own()
                .tally(managers, LearnedRate.INMAIL_REPLY))
        .isEqualTo(new Tally(30, 4, 26));
  }

  @Test
  void secondDegreePeopleTaggedFintechLearnApartFromTheOthers() {
    // 100 2nd-degree managers tagged fintech answered 50 InMails; 100 untagged 2nd-degree ones
    // and 100 3rd-degree ones tagged fintech answered 5 each. Two in three carry the tag, so the
    // campaign segments by it.
    List<ProspectProfile> profiles = new ArrayList<>();
    List<Boolean> answered = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      int group = i / 100;
      dev.warmreach.testing.AProspect manager =
          aProspect()
              .named("Manager" + i, "Example")
              .at("https://www.linkedin.com/in/manager-" + i)
              .titled("IT Manager")
              .active(ActivityLevel.MEDIUM)
              .connected(group == 2 ? ConnectionDegree.THIRD : ConnectionDegree.SECOND);
      if (group != 1) {
        manager = manager.tagged("fintech");
      }
      profiles.add(manager.build());
      answered.add(i % 100 < (group == 0 ? 50 : 5));
    }
    long id = campaignOf("fintech", profiles, answered);
    Instant now = SENT.plus(Duration.ofDays(8));

    LearnedRates rates = learned.rates(id, now);

    assertThat(rates.segmentTags()).containsExactly("fintech");
    Segment keen = rates.segmentOf(profiles.get(0), CampaignSettings.DEFAULT);
    Segment untagged = rates.segmentOf(profiles.get(100), CampaignSettings.DEFAULT);
    Segment distant = rates.segmentOf(profiles.get(200), CampaignSettings.DEFAULT);
    assertThat(keen.key()).isEqualTo("MANAGER/MEDIUM/other/no-email/2nd/fintech");
    assertThat(untagged.key()).isEqualTo("MANAGER/MEDIUM/other/no-email/2nd");
    assertThat(distant.key()).isEqualTo("MANAGER/MEDIUM/other/no-email/3rd+/fintech");
    assertThat(rates.own().tally(keen, LearnedRate.INMAIL_REPLY)).isEqualTo(new Tally(100, 50));
    assertThat(rates.own().tally(untagged, LearnedRate.INMAIL_REPLY)).isEqualTo(new Tally(100, 5));
    assertThat(rates.own().tally(distant, LearnedRate.INMAIL_REPLY)).isEqualTo(new Tally(100, 5));
    assertThat(rates.preferredFirstTouch(keen)).isEqualTo(Channel.INMAIL);
    assertThat(rates.preferredFirstTouch(untagged)).isEqualTo(Channel.CONNECT);
    assertThat(rates.preferredFirstTouch(distant)).isEqualTo(Channel.CONNECT);

    // The adaptive policy decides by them: a credit for the next 2nd-degree fintech manager only.
    ChannelPolicy adaptive = ChannelPolicy.named("adaptive", at -> learned.rates(id, at), id);
    assertThat(firstTouch(adaptive, profiles.get(0), now)).isEqualTo(Channel.INMAIL);
    assertThat(firstTouch(adaptive, profiles.get(100), now)).isEqualTo(Channel.CONNECT);
    assertThat(firstTouch(adaptive, profiles.get(200), now)).isEqualTo(Channel.CONNECT);

    // The analytics page's figures name each segment by degree and tag.
    assertThat(learned.segments(now))
        .extracting(s -> s.segment().label())
        .containsExactlyInAnyOrder(
            "managers (2nd degree, medium activity, no email, tagged fintech)",
            "managers (2nd degree, medium activity, no email)",
            "managers (3rd+ degree, medium activity, no email, tagged fintech)");
  }

  private static Channel firstTouch(ChannelPolicy policy, ProspectProfile who, Instant now) {
    Decision decision =
        policy.decide(
            new DecisionInput(
                who,
                ProspectHistory.start(who.degree()),
                Plan.SALES_NAVIGATOR,
                40,
                true,
                CampaignSettings.DEFAULT,
                Channel.CONNECT,
                now));
    assertThat(decision).as(decision.summary()).isInstanceOf(Decision.Send.class);
    return ((Decision.Send) decision).channel();
  }

  /** A campaign of these people, each sent an InMail; those marked answered did. */
  private long campaignOf(String name, List<ProspectProfile> profiles, List<Boolean> answered) {
    store.prospects().saveProspects(profiles);
    long id = createCampaign(name);
    List<Prospect> people = new ArrayList<>();
    for (ProspectProfile profile : profiles) {
      people.add(
          store.prospects().prospects(ProspectQuery.all(1_000)).stream()
              .filter(p -> p.profile().profileUrl().equals(profile.profileUrl()))
              .findFirst()
              .orElseThrow());
    }
    List<Enrollment> enrollments = new ArrayList<>();
    for (Prospect p : people) {
      enrollments.add(Enrollment.start(0, id, p.id(), ACCOUNT, "step-1", SENT));
    }
    store.campaigns().enroll(enrollments);
    for (int k = 0; k < people.size(); k++) {
      inmailCarriedOut(id, people.get(k));
      if (answered.get(k)) {
        store
            .engineSteps()
            .recordEvent(
                new Event.Replied(
                    people.get(k).id(),
                    SENT.plus(Duration.ofDays(1)),
                    name + "-reply-" + k,
                    Channel.INMAIL));
      }
    }
    return id;
  }

  private long createCampaign(String name) {
    return store
        .campaigns()
        .createCampaign(
            new Campaign(
                0, name, List.of(ACCOUNT), "adaptive", "definition", Campaign.Status.PAUSED, SENT),
            CampaignFile.defaultJson())
        .orElseThrow()
        .campaign()
        .id();
  }

  /**
   * A campaign whose {@code size} IT managers each got an InMail; the first {@code answered} did.
   */
  private long campaignOfManagers(String name, int first, int size, int answered) {
    List<ProspectProfile> profiles = new ArrayList<>();
    for (int i = first; i < first + size; i++) {
      profiles.add(
          aProspect()
              .named("Manager" + i, "Example")
              .at("https://www.linkedin.com/in/manager-" + i)
              .titled("IT Manager")
              .withEmail("manager" + i + "@example.com")
              .active(ActivityLevel.MEDIUM)
              .build());
    }
    store.prospects().saveProspects(profiles);
    managers = Segment.of(profiles.get(0), CampaignSettings.DEFAULT);
    long id =
        store
            .campaigns()
            .createCampaign(
                new Campaign(
                    0,
                    name,
                    List.of(ACCOUNT),
                    "adaptive",
                    "definition",
                    Campaign.Status.PAUSED,
                    SENT),
                CampaignFile.defaultJson())
            .orElseThrow()
            .campaign()
            .id();
    List<Prospect> people =
        store.prospects().prospects(ProspectQuery.all(1_000)).stream()
            .filter(p -> p.profile().firstName().startsWith("Manager"))
            .filter(
                p -> {
                  int i = Integer.parseInt(p.profile().firstName().substring("Manager".length()));
                  return i >= first && i < first + size;
                })
            .toList();
    List<Enrollment> enrollments = new ArrayList<>();
    for (Prospect p : people) {
      enrollments.add(Enrollment.start(0, id, p.id(), ACCOUNT, "step-1", SENT));
    }
    store.campaigns().enroll(enrollments);
    for (int k = 0; k < people.size(); k++) {
      Prospect p = people.get(k);
      inmailCarriedOut(id, p);
      if (k < answered) {
        store
            .engineSteps()
            .recordEvent(
                new Event.Replied(
                    p.id(), SENT.plus(Duration.ofDays(1)), name + "-reply-" + k, Channel.INMAIL));
      }
    }
    return id;
  }

  private void inmailCarriedOut(long campaignId, Prospect prospect) {
    Enrollment enrollment =
        store.campaigns().enrollmentsOf(prospect.id()).stream()
            .filter(e -> e.campaignId() == campaignId)
            .findFirst()
            .orElseThrow();
    String key = Touch.keyFor(enrollment.id(), "step-1", 0);
    Message message = new Message("A", "A subject", "Hi, your post on ramp time was sharp.", true);
    store
        .engineSteps()
        .advance(
            enrollment.id(),
            SENT,
            (e, p, a) ->
                new Advance(
                    e.dueAt(null),
                    p.history().touched(Channel.INMAIL, SENT),
                    a,
                    List.of(
                        new Command.Send(
                            e.id(),
                            e.prospectId(),
                            ACCOUNT,
                            "step-1",
                            Channel.INMAIL,
                            false,
                            "inmail",
                            key,
                            Decision.send(Channel.INMAIL, false, "by the test"),
                            message)),
                    null))
        .orElseThrow();
    store.touches().finishTouch(key, Touch.Status.DONE, SENT);
  }
}
