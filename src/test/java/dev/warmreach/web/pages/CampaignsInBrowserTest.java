package dev.warmreach.web.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.warmreach.testing.AProspect.aProspect;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.warmreach.domain.Campaign;
import dev.warmreach.domain.Plan;
import dev.warmreach.domain.ProspectProfile;
import dev.warmreach.domain.Role;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.store.Store;
import dev.warmreach.testing.Engines;
import dev.warmreach.web.ServerFixture;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An SDR creates a campaign in a real browser, watching the coach, then runs and forecasts it. */
class CampaignsInBrowserTest {

  private static Chromium chromium;
  @TempDir Path home;
  private ServerFixture server;
  private BrowserContext context;
  private Page page;
  private final List<String> consoleErrors = new ArrayList<>();

  @BeforeAll
  static void launch() {
    chromium = Chromium.launch();
  }

  @AfterAll
  static void quit() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @BeforeEach
  void open() {
    server = ServerFixture.start(home);
    server.addUser("ana@example.com", Role.MEMBER);
    Store store = server.app.store();
    for (String name : List.of("sdr-1", "sdr-2")) {
      store
          .accounts()
          .addAccount(
              SenderAccount.withPlanDefaults(
                  name, Plan.SALES_NAVIGATOR, ZoneId.of("Europe/Berlin")));
    }
    List<ProspectProfile> people = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      people.add(
          aProspect()
              .named("Person" + i, "Example")
              .at("https://www.linkedin.com/in/person-" + i)
              .titled(i % 3 == 0 ? "VP Sales" : "Sales Manager")
              .withEmail("person" + i + "@example.com")
              .build());
    }
    store.prospects().saveProspects(people);
    context = chromium.newContext();
    page = context.newPage();
    Chromium.collectErrors(page, consoleErrors);
  }

  @AfterEach
  void close() {
    context.close();
    server.close();
  }

  @Test
  void anSdrCreatesACampaignWatchingTheCoachThenLaunchesPausesResumesAndForecastsIt() {
    Chromium.signIn(page, server.server.baseUrl(), "ana@example.com", ServerFixture.PASSWORD);
    page.navigate(server.server.baseUrl() + "/campaigns");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New campaign")).click();
    page.waitForURL("**/campaigns/new");

    page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("q3-founders");
    page.getByLabel("sdr-1").check();
    page.getByLabel("sdr-2").check();
    Locator note =
        page.getByLabel(
            "Connection request note text", new Page.GetByLabelOptions().setExact(true));
    Locator score = page.locator("#coach-note .score-value");
    Locator findings = page.locator("#coach-note .findings li");
    int builtIn =
        new CampaignCoach(Engines.COACH)
            .review(
                CampaignSteps.named("note").orElseThrow(),
                null,
                CampaignSteps.named("note").orElseThrow().defaultBody())
            .score();
    assertThat(score).hasText(String.valueOf(builtIn));

    note.fill(CampaignsPagesTest.GENERIC_NOTE);
    assertThat(score).hasText("76");
    assertThat(findings).hasCount(2);
    assertThat(findings.first()).containsText("note.generic-phrase");
    assertThat(page.locator("#coach-note .message"))
        .hasText("Hi Alexandra, I'd like to add you to my network.");

    note.fill(CampaignsPagesTest.PERSONAL_NOTE + " " + "x".repeat(150));
    assertThat(score).hasText("40");
    assertThat(page.locator("#coach-note")).containsText("note.too-long");
    assertThat(page.locator("#coach-note .coach-length")).containsText("/ 300 characters");

    note.fill(CampaignsPagesTest.PERSONAL_NOTE);
    assertThat(score).hasText("100");
    assertThat(findings).hasCount(0);
    assertThat(page.locator("#coach-note")).containsText("No findings: ready to send.");
    Chromium.screenshot(page, "campaign-new");

    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create campaign")).click();
    page.waitForURL("**/campaigns/q3-founders?created=1");
    assertThat(page.locator("#enrolled")).hasText("12");
    assertThat(page.locator("#status-value")).hasText("DRAFT");
    assertThat(page.locator("#plan-table tbody tr")).hasCount(12);

    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Launch")).click();
    assertThat(page.locator("#status-value")).hasText("ACTIVE");
    assertThat(page.locator("#campaign-status")).containsText("Launched.");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pause")).click();
    assertThat(page.locator("#status-value")).hasText("PAUSED");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Resume")).click();
    assertThat(page.locator("#status-value")).hasText("ACTIVE");
    assertThat(server.app.campaigns().campaign("q3-founders").orElseThrow().campaign().status())
        .isEqualTo(Campaign.Status.ACTIVE);

    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Forecast")).click();
    assertThat(page.locator("#limits-broken")).hasText("none");
    assertThat(page.locator("#forecast-table tbody tr")).hasCount(5);
    assertThat(page.locator("#forecast-table tbody tr").nth(1))
        .containsText(Pattern.compile("Connection request\\s*12"));
    assertThat(page.locator("#forecast canvas[role=img]")).isVisible();
    assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Forecast")))
        .isEnabled();
    Chromium.screenshot(page, "campaign-page");
    assertThat(consoleErrors).as("console errors").isEmpty();
  }
}
