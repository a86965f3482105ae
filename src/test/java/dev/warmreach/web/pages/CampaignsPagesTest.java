package dev.warmreach.web.pages;

import static dev.warmreach.testing.AProspect.aProspect;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warmreach.domain.Campaign;
import dev.warmreach.domain.Plan;
import dev.warmreach.domain.ProspectProfile;
import dev.warmreach.domain.Role;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.forecast.CampaignForecast;
import dev.warmreach.simulation.ForecastResult;
import dev.warmreach.store.Store;
import dev.warmreach.store.StoredCampaign;
import dev.warmreach.testing.ACampaign;
import dev.warmreach.testing.Engines;
import dev.warmreach.web.ServerFixture;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The campaign pages over real HTTP: create with the coach, act, plan and forecast. */
class CampaignsPagesTest {

  static final String GENERIC_NOTE = "Hi {{firstName}}, I'd like to add you to my network.";

  /** Personal, and true for everyone: their post is named only to those who posted one. */
  static final String PERSONAL_NOTE =
      "Hi {{firstName}}, {{#postTopic}}your post on {{postTopic}} matched what we see at"
          + " Brightline: {{/postTopic}}reps at teams like {{company}} skip the hard deals in"
          + " pipeline reviews. Open to connecting?";

  @TempDir Path home;
  private ServerFixture server;
  private ServerFixture.Login login;
  private Store store;

  @BeforeEach
  void start() {
    server = ServerFixture.start(home);
    server.addUser("ana@example.com", Role.MEMBER);
    login = server.login("ana@example.com");
    store = server.app.store();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private void givenAccountsAndProspects() {
    store
        .accounts()
        .addAccount(
            SenderAccount.withPlanDefaults(
                "sdr-1", Plan.SALES_NAVIGATOR, ZoneId.of("Europe/Berlin")));
    store
        .accounts()
        .addAccount(
            SenderAccount.withPlanDefaults(
                "sdr-2", Plan.SALES_NAVIGATOR, ZoneId.of("Europe/Berlin")));
    List<ProspectProfile> people = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      people.add(
          aProspect()
              .named("Person" + i, "Example")
              .at("https://www.linkedin.com/in/person-" + i)
              .tagged(i < 3 ? "fintech" : "retail")
              .build());
    }
    store.prospects().saveProspects(people);
  }

  /** The form as the page sends it: the built-in templates unless {@code changes} say otherwise. */
  static Map<String, List<String>> form(String name, String... changes) {
    Map<String, List<String>> form = new LinkedHashMap<>();
    form.put("name", List.of(name));
    form.put("accounts", List.of("sdr-1", "sdr-2"));
    form.put("tag", List.of(""));
    form.put("policy", List.of("playbook"));
    for (CampaignSteps.Step step : CampaignSteps.ALL) {
      if (step.hasSubject()) {
        form.put(step.subjectField(), List.of(step.defaultSubject()));
      }
      form.put(step.template(), List.of(step.defaultBody()));
    }
    for (int i = 0; i < changes.length; i += 2) {
      form.put(changes[i], changes[i + 1] == null ? List.of() : List.of(changes[i + 1]));
    }
    return form;
  }

  static String encode(Map<String, List<String>> form) {
    List<String> pairs = new ArrayList<>();
    form.forEach(
        (key, values) ->
            values.forEach(
                v ->
                    pairs.add(
                        URLEncoder.encode(key, StandardCharsets.UTF_8)
                            + "="
                            + URLEncoder.encode(v, StandardCharsets.UTF_8))));
    return String.join("&", pairs);
  }

  private HttpResponse<String> post(String path, String body, String... extra) {
    List<String> headers = new ArrayList<>(List.of(login.headers()));
    headers.addAll(List.of(extra));
    return server.post(
        path, "application/x-www-form-urlencoded", body, headers.toArray(String[]::new));
  }

  private HttpResponse<String> get(String path) {
    return server.get(path, "Cookie", login.cookie());
  }

  private HttpResponse<String> coach(String template, String text) {
    return post(
        "/campaigns/coach",
        encode(Map.of("template", List.of(template), template, List.of(text))),
        "HX-Request",
        "true");
  }

  private static int score(String fragment) {
    Matcher m = Pattern.compile("data-score=\"(\\d+)\"").matcher(fragment);
    assertThat(m.find()).as(fragment).isTrue();
    return Integer.parseInt(m.group(1));
  }

  @Test
  void creatingACampaignStoresADraftWithTheTaggedProspectsEnrolled() {
    givenAccountsAndProspects();

    HttpResponse<String> created =
        post(
            "/campaigns",
            encode(
                form(
                    "q3-fintech",
                    "tag",
                    "Fintech",
                    "author",
                    "Sam Carter, Head of Sales, Brightline",
                    "first-dm",
                    "Hi {{firstName}}, what is {{company}} working on this quarter?")));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
    assertThat(created.headers().firstValue("Location"))
        .hasValue("/campaigns/q3-fintech?created=1");
    StoredCampaign stored = store.campaigns().campaign("q3-fintech").orElseThrow();
    assertThat(stored.campaign().status()).isEqualTo(Campaign.Status.DRAFT);
    assertThat(stored.campaign().senderAccounts()).containsExactly("sdr-1", "sdr-2");
    assertThat(store.analytics().campaignStats(stored.campaign().id()).enrollments())
        .containsEntry("ACTIVE", 3L);
    assertThat(stored.definition())
        .contains("\"sequence\":\"combined\"")
        .contains(
            "\"author\":{\"name\":\"Sam Carter\",\"role\":\"Head of Sales\","
                + "\"company\":\"Brightline\"}")
        .contains("\"first-dm\":\"Hi {{firstName}}, what is {{company}}")
        .as("a template left as it was keeps its built-in variants, each for whom it is true")
        .doesNotContain("\"note\":");

    String page = get("/campaigns/q3-fintech?created=1").body();
    assertThat(page)
        .contains("Created as a draft")
        .contains("<span class=\"value\" id=\"enrolled\">3</span>")
        .contains(">DRAFT</span>")
        .contains(">Launch</button>")
        .doesNotContain(">Pause</button>");
    String list = get("/campaigns").body();
    assertThat(list)
        .contains("<a href=\"/campaigns/q3-fintech\">q3-fintech</a>")
        .contains("<td class=\"num\">3</td>")
        .contains("href=\"/campaigns/new\"");
  }

  @Test
  void aFormWithoutNameOrAccountsSaysWhichFieldToFixAndStoresNothing() {
    givenAccountsAndProspects();

    HttpResponse<String> refused =
        post("/campaigns", encode(form("", "accounts", null, "note", PERSONAL_NOTE)));

    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body())
        .contains("role=\"alert\"")
        .contains("Nothing was stored")
        .contains("Give the campaign a name, e.g. q3-founders.")
        .contains("Tick at least one sender account to send from.")
        .contains("aria-describedby=\"name-problem\"")
        .contains("{{/postTopic}}reps at teams like {{company}}");
    assertThat(store.campaigns().campaigns()).isEmpty();
    assertThat(server.count("SELECT count(*) FROM enrollment")).isZero();

    HttpResponse<String> badTag =
        post("/campaigns", encode(form("q3", "tag", "#!?", "first-dm", "Hi {{nickname}}")));
    assertThat(badTag.statusCode()).isEqualTo(422);
    assertThat(badTag.body())
        .contains("is not a tag; use letters, digits and dashes")
        .contains("First message after they accept: ")
        .contains("nickname");
    assertThat(store.campaigns().campaigns()).isEmpty();
  }

  @Test
  void aCoachErrorRefusesTheCampaignShowingTheFindingsAndAWarningDoesNot() {
    givenAccountsAndProspects();
    String tooLong = PERSONAL_NOTE + " " + "More words about why we should talk. ".repeat(4);

    HttpResponse<String> refused = post("/campaigns", encode(form("q3", "note", tooLong)));

    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body())
        .contains("The coach found 1 error")
        .contains("note.too-long")
        .contains("over the 300-character limit");
    assertThat(store.campaigns().campaigns()).isEmpty();
    assertThat(server.count("SELECT count(*) FROM enrollment")).isZero();

    HttpResponse<String> warned = post("/campaigns", encode(form("q3", "note", GENERIC_NOTE)));
    assertThat(warned.statusCode()).as(warned.body()).isEqualTo(303);
    assertThat(get("/campaigns/q3").body()).contains("note.generic-phrase");
  }

  @Test
  void theCoachScoresAGenericNoteBelowAPersonalOneAndFlagsOneOverTheLimit() {
    String generic = coach("note", GENERIC_NOTE).body();
    String personal = coach("note", PERSONAL_NOTE).body();
    String tooLong = coach("note", PERSONAL_NOTE + " " + "x".repeat(150)).body();

    System.out.printf(
        "coach scores: generic %d, personal %d, too long %d%n",
        score(generic), score(personal), score(tooLong));
    assertThat(generic)
        .contains("note.generic-phrase")
        .contains("personalisation.missing")
        .contains("<div class=\"message\">Hi Alexandra, I'd like to add you to my network.</div>")
        .contains("48 / 300 characters");
    assertThat(score(generic)).isEqualTo(76);
    assertThat(score(personal)).isEqualTo(100);
    assertThat(score(tooLong)).isEqualTo(40);
    assertThat(personal).doesNotContain("note.generic-phrase").doesNotContain("ERROR");
    assertThat(personal).contains("Hi Alexandra, your post on onboarding remote sales hires");
    assertThat(score(personal)).isGreaterThan(score(generic));
    assertThat(tooLong).contains("note.too-long").contains("ERROR").contains("/ 300 characters");
    assertThat(tooLong).contains("Held back:").contains("over the 300-character limit");
    assertThat(score(tooLong)).isLessThanOrEqualTo(40);
  }

  @Test
  void launchPauseAndResumeChangeTheStoredStatusAndOfferOnlyTheNextAction() {
    givenAccountsAndProspects();
    post("/campaigns", encode(form("q3")));

    String launched = post("/campaigns/q3/launch", "", "HX-Request", "true").body();
    assertThat(launched)
        .contains("Launched.")
        .contains(">ACTIVE</span>")
        .contains(">Pause</button>");
    assertThat(launched).doesNotContain(">Launch</button>").doesNotContain("<html");
    assertThat(store.campaigns().campaign("q3").orElseThrow().campaign().status())
        .isEqualTo(Campaign.Status.ACTIVE);

    String again = post("/campaigns/q3/launch", "", "HX-Request", "true").body();
    assertThat(again).contains("role=\"alert\"").contains("The campaign is active");

    String paused = post("/campaigns/q3/pause", "", "HX-Request", "true").body();
    assertThat(paused).contains("Paused.").contains(">Resume</button>");
    assertThat(store.campaigns().campaign("q3").orElseThrow().campaign().status())
        .isEqualTo(Campaign.Status.PAUSED);

    HttpResponse<String> resumed =
        server.post(
            "/campaigns/q3/resume",
            "application/x-www-form-urlencoded",
            "_csrf=" + login.csrf(),
            "Cookie",
            login.cookie());
    assertThat(resumed.statusCode()).isEqualTo(303);
    assertThat(store.campaigns().campaign("q3").orElseThrow().campaign().status())
        .isEqualTo(Campaign.Status.ACTIVE);
  }

  @Test
  void thePlanShowsEachProspectsNextDecisionWithReasonsFiftyAPage() {
    ACampaign.launched(store, 120, ServerFixture.START, "sdr-1");

    String page = get("/campaigns/campaign?page=3").body();
    String first = get("/campaigns/campaign/plan").body();
    String last = get("/campaigns/campaign/plan?page=3").body();

    assertThat(page).contains("hx-get=\"/campaigns/campaign/plan?page=3\" hx-trigger=\"load\"");
    assertThat(rows(first)).isEqualTo(50);
    assertThat(rows(last)).isEqualTo(20);
    assertThat(first)
        .contains("Page 1 of 3 · prospects 1–50 of 120")
        .contains("<a href=\"/prospects/1\">Person0 Example</a>")
        .contains("rel=\"next\"");
    assertThat(last).contains("Page 3 of 3 · prospects 101–120 of 120").contains("Person119");
    Matcher reasons = Pattern.compile("<ul class=\"reasons\"><li>([^<]+)</li>").matcher(first);
    assertThat(reasons.find()).as("a decision's reasons").isTrue();
    assertThat(reasons.group(1)).isNotBlank();
    String api =
        server.get("/api/campaigns/campaign/plan?limit=1", "Cookie", login.cookie()).body();
    assertThat(api).contains(reasons.group(1).replace("&#39;", "'"));
  }

  @Test
  void thePlanApiPagesTheWholeCampaignFromTheDatabaseInProspectOrder() {
    ACampaign.launched(store, 120, ServerFixture.START, "sdr-1");

    List<Long> prospects = new ArrayList<>();
    long total = -1;
    for (int offset = 0; offset < 120; offset += 50) {
      JsonNode page =
          ServerFixture.json(
              server.get(
                  "/api/campaigns/campaign/plan?limit=50&offset=" + offset,
                  "Cookie",
                  login.cookie()));
      total = page.get("total").asLong();
      page.get("items").forEach(row -> prospects.add(row.get("prospect").asLong()));
    }
    JsonNode one =
        ServerFixture.json(
            server.get(
                "/api/campaigns/campaign/plan?prospect=" + prospects.get(7),
                "Cookie",
                login.cookie()));

    assertThat(total).isEqualTo(120);
    assertThat(prospects).hasSize(120).doesNotHaveDuplicates().isSorted();
    assertThat(one.get("total").asLong()).isEqualTo(1);
    assertThat(one.get("items").get(0).get("prospect").asLong()).isEqualTo(prospects.get(7));
  }

  @Test
  void theForecastShowsTheFunnelPerChannelAndStoresNothing() {
    StoredCampaign campaign = ACampaign.launched(store, 120, ServerFixture.START, "sdr-1");
    long touches = server.count("SELECT count(*) FROM touch");
    ForecastResult expected =
        new CampaignForecast(store.prospects(), store.campaigns(), store.accounts(), Engines.COACH)
            .run(campaign, ServerFixture.START, 12, 1, null);

    String fragment = post("/campaigns/campaign/forecast", "", "HX-Request", "true").body();

    System.out.println("forecast: sent " + expected.sent() + ", replies " + expected.replies());
    assertThat(fragment)
        .contains("Limits broken: <strong id=\"limits-broken\">none</strong>")
        .contains("for <strong>120</strong> prospects")
        .contains(
            "<th scope=\"row\">Connection request</th>\n                <td class=\"num\">"
                + expected.sent().get("connect")
                + "</td>\n                <td class=\"num\">"
                + expected.accepted()
                + "</td>")
        .contains("data-chart=")
        .contains("role=\"img\"");
    assertThat(expected.sent().get("connect")).isPositive();
    assertThat(server.count("SELECT count(*) FROM touch")).isEqualTo(touches);
  }

  private static int rows(String page) {
    String plan = page.substring(page.indexOf("id=\"plan-table\""));
    plan = plan.substring(plan.indexOf("<tbody>"), plan.indexOf("</tbody>"));
    return plan.split("<tr>", -1).length - 1;
  }
}
