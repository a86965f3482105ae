package dev.warmreach.web.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.warmreach.testing.AProspect.aProspect;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.warmreach.domain.ProspectProfile;
import dev.warmreach.domain.Role;
import dev.warmreach.domain.Touch;
import dev.warmreach.execute.assisted.AssistedExecutor;
import dev.warmreach.live.LiveEngine;
import dev.warmreach.store.ProspectQuery;
import dev.warmreach.testing.ACampaign;
import dev.warmreach.testing.Engines;
import dev.warmreach.web.ServerFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An SDR finding prospects, importing a list with a bad row, and reading one's timeline. */
class ProspectsInBrowserTest {

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
    context = chromium.newContext();
    page = context.newPage();
    Chromium.collectErrors(page, consoleErrors);
  }

  @AfterEach
  void close() {
    context.close();
    server.close();
  }

  private String base() {
    return server.server.baseUrl();
  }

  /** 60 people: every fifth at Northwind, every third a VP. */
  private void storeSixty() {
    List<ProspectProfile> people = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      people.add(
          aProspect()
              .named("Lead" + i, "Example")
              .at("https://www.linkedin.com/in/lead-" + i)
              .titled(i % 3 == 0 ? "VP Sales" : "Account Executive")
              .workingAt(i % 5 == 0 ? "Northwind Traders" : "Acme")
              .build());
    }
    server.app.prospects().saveProspects(people);
  }

  @Test
  void searchingAndFilteringUpdateTheResultsWithoutLoadingThePageAgain() {
    storeSixty();
    Chromium.signIn(page, base(), "ana@example.com", ServerFixture.PASSWORD);
    page.navigate(base() + "/prospects");
    assertThat(page.locator("#result-count")).containsText("60 prospects");
    page.evaluate("() => { window.stillTheSamePage = true; }");

    page.getByLabel("Search").fill("northwind");
    assertThat(page.locator("#result-count")).containsText("12 prospects match");
    assertThat(page).hasURL(Pattern.compile(".*/prospects\\?q=northwind$"));
    page.getByLabel("Seniority").selectOption("VP");
    assertThat(page.locator("#result-count")).containsText("4 prospects match");
    assertThat(page.locator("#prospect-table tbody tr")).hasCount(4);
    assertThat(page).hasURL(Pattern.compile(".*/prospects\\?q=northwind&seniority=vp$"));

    page.getByLabel("Search").fill("");
    page.getByLabel("Seniority").selectOption("Any");
    assertThat(page.locator("#result-count")).containsText("60 prospects");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Next →")).click();
    assertThat(page.locator("#result-count")).containsText("showing 51–60");
    assertThat(page).hasURL(Pattern.compile(".*/prospects\\?page=2$"));
    assertThat(page.evaluate("() => window.stillTheSamePage === true")).isEqualTo(true);
    Chromium.screenshot(page, "prospects-list");
    assertThat(consoleErrors).as("console errors").isEmpty();
  }

  @Test
  void uploadingAListWithABadRowShowsTheMappingAndTheErrorThenStoresTheValidRows() {
    Chromium.signIn(page, base(), "ana@example.com", ServerFixture.PASSWORD);
    page.navigate(base() + "/prospects");
    page.getByRole(
            AriaRole.LINK, new Page.GetByRoleOptions().setName("Import a CSV").setExact(true))
        .click();
    page.getByLabel("CSV file").setInputFiles(Path.of("src/test/resources/import/one-bad-row.csv"));
    page.getByLabel("Tags for everyone in it (optional)").fill("webinar");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview")).click();

    assertThat(page.locator("#import-format")).containsText("Sales Navigator");
    assertThat(
            page.locator(
                "#import-columns tr", new Page.LocatorOptions().setHasText("LinkedIn URL")))
        .containsText("Profile URL");
    assertThat(page.locator("#row-errors tbody tr")).hasCount(1);
    assertThat(page.locator("#row-errors tbody tr"))
        .containsText("8'https://www.linkedin.com/company/acme' is a company page");
    assertThat(page.locator("#import-sample")).containsText("Brightloop Analytics");
    assertThat(server.app.prospects().countProspects(ProspectQuery.all(1))).isZero();
    Chromium.screenshot(page, "prospects-import-preview");

    page.getByRole(
            AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName("Store the 9 valid rows, skip 1 invalid"))
        .click();
    assertThat(page.locator("#import-stored")).containsText("9 new");
    assertThat(server.app.prospects().countProspects(ProspectQuery.all(1))).isEqualTo(9);

    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("See the prospects")).click();
    assertThat(page.locator("#result-count")).containsText("9 prospects");
    assertThat(page.locator("#prospect-table")).containsText("Sarah Miller");
    page.getByLabel("Tag").fill("webinar");
    assertThat(page.locator("#result-count")).containsText("9 prospects match");
    assertThat(consoleErrors).as("console errors").isEmpty();
  }

  @Test
  void aProspectsPageShowsTheirTimelineWithTheReasonsForEachStep() {
    ACampaign.launchedWorking(
        "Mon-Sun 00:00-23:59", server.app.store(), 1, ServerFixture.START, "sdr-1");
    LiveEngine engine = Engines.live(server.app.store(), new AssistedExecutor());
    for (int hour = 0; hour < 48; hour++) {
      engine.runUntil(server.clock.instant());
      for (Touch due : server.app.touches().dueTouches(server.clock.instant(), null, 100)) {
        server
            .app
            .touches()
            .finishTouch(due.idempotencyKey(), Touch.Status.DONE, server.clock.instant());
      }
      server.clock.tick(Duration.ofHours(1));
    }
    Chromium.signIn(page, base(), "ana@example.com", ServerFixture.PASSWORD);
    page.navigate(base() + "/prospects");

    page.getByLabel("Search").fill("person0");
    assertThat(page.locator("#result-count")).containsText("1 prospect match");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Person0 Example")).click();

    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
        .hasText("Person0 Example");
    assertThat(page.locator("#enrollments")).containsText("campaign");
    assertThat(page.locator("#timeline li.decision").first()).containsText("At step");
    assertThat(page.locator("#timeline li.touch").first()).containsText("sent");
    Chromium.screenshot(page, "prospects-timeline");
    assertThat(consoleErrors).as("console errors").isEmpty();
  }
}
