package dev.warmreach.web.api;

import static dev.warmreach.testing.AProspect.aProspect;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warmreach.definition.CampaignFile;
import dev.warmreach.domain.ActivityLevel;
import dev.warmreach.domain.Campaign;
import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Enrollment;
import dev.warmreach.domain.Event;
import dev.warmreach.domain.Message;
import dev.warmreach.domain.Plan;
import dev.warmreach.domain.Prospect;
import dev.warmreach.domain.ProspectProfile;
import dev.warmreach.domain.Role;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.domain.Touch;
import dev.warmreach.policy.Decision;
import dev.warmreach.quota.AccountLimits;
import dev.warmreach.quota.AccountState;
import dev.warmreach.sequence.Advance;
import dev.warmreach.sequence.Command;
import dev.warmreach.store.ProspectQuery;
import dev.warmreach.store.Store;
import dev.warmreach.web.ServerFixture;
import java.net.http.HttpResponse;
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
 * A campaign running the adaptive policy, through HTTP: it learns from the outcomes the workspace
 * has stored (an earlier campaign's), chooses by them, quotes them in its plan, and the analytics
 * summary shows them per segment.
 */
class AdaptiveCampaignApiTest {

  private static final String ACCOUNT = "sdr-1";
  private static final Instant SENT = ServerFixture.START;

  /** A campaign that starts with the request step, so the plan shows that choice at once. */
  private static final String REQUEST_FIRST =
      """
      {"name": "managers",
       "sequence": {"name": "request-first", "steps": [
         {"id": "connect", "type": "connect", "template": "note"},
         {"id": "await-answer", "type": "wait", "for": ["accepted", "declined"], "timeout": "7d",
          "on": {"accepted": "thank", "declined": "done", "timeout": "done"}},
         {"id": "thank", "type": "message", "template": "first-dm", "delay": "24h..48h"},
         {"id": "done", "type": "end"}]},
       "templates": {
         "note": "Hi {{firstName}}, your post on {{postTopic|scaling outbound}} was spot on. I'm building a tool for teams like {{company}} and would value being connected.",
         "first-dm": "Thanks for connecting, {{firstName}}! Quick one: how does {{company}} decide who gets a LinkedIn request versus an InMail today?",
         "inmail": {"subject": "{{company}}'s IT roll-outs",
                    "body": "Hi {{firstName}}, I read about {{company}}'s roll-out. I'm a founder working on IT onboarding. Would a two-minute teardown of your current process be useful? A yes or no is perfect."}}}
      """;

  @TempDir Path home;
  private ServerFixture server;
  private String[] auth;

  @BeforeEach
  void start() {
    server = ServerFixture.start(home);
    server.addUser("you@example.com", Role.MEMBER);
    auth = server.bearer(server.login("you@example.com"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void anAdaptiveCampaignWhoseStoredOutcomesShowManagersAnswerInmailsSendsManagersAnInmail() {
    Store store = server.app.store();
    // An earlier campaign: 60 IT managers got an InMail and 24 answered; 40 got a request and 3
    // accepted. A week has passed since, so every outcome is known.
    long earlier = earlierCampaign(store, 100);
    List<Prospect> managers = store.prospects().prospects(ProspectQuery.all(1_000));
    for (int i = 0; i < 100; i++) {
      Prospect p = managers.get(i);
      boolean inmail = i < 60;
      carriedOut(store, earlier, p, inmail ? Channel.INMAIL : Channel.CONNECT);
      Instant later = SENT.plus(Duration.ofDays(2));
      if (inmail && i < 24) {
        store
            .engineSteps()
            .recordEvent(new Event.Replied(p.id(), later, "reply-" + i, Channel.INMAIL));
      } else if (!inmail && i < 63) {
        store.engineSteps().recordEvent(new Event.Accepted(p.id(), later, "accepted-" + i));
      }
    }
    store.prospects().saveProspects(List.of(manager(999).tagged("next").build()));
    server.clock.set(SENT.plus(Duration.ofDays(8)));

    HttpResponse<String> created =
        server.post(
            "/api/campaigns",
            "application/json",
            "{\"name\": \"managers\", \"accounts\": [\"sdr-1\"], \"policy\": \"adaptive\","
                + " \"tag\": \"next\", \"definition\": "
                + REQUEST_FIRST
                + "}",
            auth);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

    HttpResponse<String> plan = server.get("/api/campaigns/managers/plan", auth);
    assertThat(plan.statusCode()).as(plan.body()).isEqualTo(200);
    JsonNode row = ServerFixture.json(plan).get("items").get(0);
    System.out.println("adaptive plan: " + row);
    assertThat(row.get("decision").asText()).startsWith("InMail");
    assertThat(row.get("reasons").toString())
        .contains("managers (2nd degree, medium activity, email known) answer InMails")
        .contains("60 sent")
        .contains("40 sent");

    HttpResponse<String> summary = server.get("/api/analytics/summary", auth);
    assertThat(summary.statusCode()).as(summary.body()).isEqualTo(200);
    JsonNode learned = ServerFixture.json(summary).get("learned");
    System.out.println("learned: " + learned);
    assertThat(learned).hasSize(1);
    JsonNode segment = learned.get(0);
    assertThat(segment.get("segment").asText()).isEqualTo("MANAGER/MEDIUM/other/email/2nd");
    assertThat(segment.get("preferredChannel").asText()).isEqualTo("inmail");
    JsonNode inmail = segment.get("rates").get("inmail-reply");
    assertThat(inmail.get("sent").asLong()).isEqualTo(60);
    assertThat(inmail.get("known").asLong()).isEqualTo(60);
    assertThat(inmail.get("rate").asDouble()).isBetween(0.35, 0.40);
    assertThat(inmail.get("low").asDouble()).isLessThan(inmail.get("rate").asDouble());
    assertThat(inmail.get("high").asDouble()).isGreaterThan(inmail.get("rate").asDouble());
    assertThat(segment.get("rates").get("acceptance-cold").get("known").asLong()).isEqualTo(40);
  }

  @Test
  void theOracleIsRefusedForACampaignAsForecastOnly() {
    store(server.app.store());

    HttpResponse<String> refused =
        server.post(
            "/api/campaigns",
            "application/json",
            "{\"name\": \"peek\", \"accounts\": [\"sdr-1\"], \"policy\": \"oracle\"}",
            auth);

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
    assertThat(refused.body()).contains("forecast-only").contains("adaptive");
    assertThat(server.count("SELECT count(*) FROM campaign")).isZero();
  }

  @Test
  void aDefinitionNamingItsPolicyIsRunByItAndOneNamingTheOracleIsRefused() {
    store(server.app.store());

    HttpResponse<String> named =
        server.post(
            "/api/campaigns",
            "application/json",
            "{\"name\": \"learns\", \"accounts\": [\"sdr-1\"],"
                + " \"definition\": {\"policy\": \"adaptive\", \"sequence\": \"combined\"}}",
            auth);
    HttpResponse<String> oracle =
        server.post(
            "/api/campaigns",
            "application/json",
            "{\"name\": \"peek\", \"accounts\": [\"sdr-1\"],"
                + " \"definition\": {\"policy\": \"oracle\", \"sequence\": \"combined\"}}",
            auth);

    assertThat(named.statusCode()).as(named.body()).isEqualTo(201);
    assertThat(server.app.store().campaigns().campaigns())
        .singleElement()
        .satisfies(c -> assertThat(c.campaign().policy()).isEqualTo("adaptive"));
    assertThat(oracle.statusCode()).as(oracle.body()).isEqualTo(422);
    assertThat(oracle.body()).contains("policy: policy 'oracle'").contains("forecast-only");
    assertThat(server.count("SELECT count(*) FROM campaign WHERE name = 'peek'")).isZero();
  }

  private static void store(Store store) {
    store.prospects().saveProspects(List.of(manager(1).build()));
    store
        .accounts()
        .addAccount(SenderAccount.withPlanDefaults(ACCOUNT, Plan.SALES_NAVIGATOR, ZoneOffset.UTC));
  }

  private static dev.warmreach.testing.AProspect manager(int i) {
    return aProspect()
        .named("Manager" + i, "Example")
        .at("https://www.linkedin.com/in/manager-" + i)
        .titled("IT Manager")
        .withEmail("manager" + i + "@example.com")
        .active(ActivityLevel.MEDIUM);
  }

  private static long earlierCampaign(Store store, int size) {
    List<ProspectProfile> profiles = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      profiles.add(manager(i).build());
    }
    store.prospects().saveProspects(profiles);
    SenderAccount account =
        SenderAccount.withPlanDefaults(ACCOUNT, Plan.SALES_NAVIGATOR, ZoneOffset.UTC);
    store.accounts().addAccount(account);
    store
        .accounts()
        .ensureAccountState(AccountState.open(account, AccountLimits.defaultsFor(account), SENT));
    long id =
        store
            .campaigns()
            .createCampaign(
                new Campaign(
                    0,
                    "earlier",
                    List.of(ACCOUNT),
                    "playbook",
                    "definition",
                    Campaign.Status.PAUSED,
                    SENT),
                CampaignFile.defaultJson())
            .orElseThrow()
            .campaign()
            .id();
    List<Enrollment> enrollments = new ArrayList<>();
    for (Prospect p : store.prospects().prospects(ProspectQuery.all(1_000))) {
      enrollments.add(Enrollment.start(0, id, p.id(), ACCOUNT, "step-1", SENT));
    }
    store.campaigns().enroll(enrollments);
    return id;
  }

  /** A touch the engine planned and an executor carried out at {@link #SENT}. */
  private static void carriedOut(Store store, long campaignId, Prospect prospect, Channel channel) {
    Enrollment enrollment =
        store.campaigns().enrollmentsOf(prospect.id()).stream()
            .filter(e -> e.campaignId() == campaignId)
            .findFirst()
            .orElseThrow();
    String key = Touch.keyFor(enrollment.id(), "step-1", 0);
    Message message = new Message("A", "", "Hi, your post on ramp time was sharp.", true);
    store
        .engineSteps()
        .advance(
            enrollment.id(),
            SENT,
            (e, p, a) ->
                new Advance(
                    e.dueAt(null),
                    p.history().touched(channel, SENT),
                    a,
                    List.of(
                        new Command.Send(
                            e.id(),
                            e.prospectId(),
                            ACCOUNT,
                            "step-1",
                            channel,
                            false,
                            channel == Channel.CONNECT ? "note" : "inmail",
                            key,
                            Decision.send(channel, false, "by the test"),
                            message)),
                    null))
        .orElseThrow();
    store.touches().finishTouch(key, Touch.Status.DONE, SENT);
  }
}
