package dev.warmreach.web.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.warmreach.domain.Plan;
import dev.warmreach.domain.Role;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.domain.Touch;
import dev.warmreach.execute.assisted.AssistedExecutor;
import dev.warmreach.live.LiveEngine;
import dev.warmreach.testing.Engines;
import dev.warmreach.web.ServerFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's acceptance journey in one real browser session, as a new user lives it: sign in,
 * upload a CSV, create a campaign while the coach reacts to the note being written, launch it,
 * carry out the first task from Today, and see Analytics count it. The engine is driven as {@code
 * warmreach serve} drives it, on the server's clock.
 */
class FirstDayInBrowserTest {

  @TempDir Path home;
  private Chromium chromium;
  private ServerFixture server;
  private BrowserContext context;
  private Page page;
  private final List<String> consoleErrors = new ArrayList<>();

  @BeforeEach
  void open() {
    chromium = Chromium.launch();
    server = ServerFixture.start(home);
    server.addUser("ana@example.com", Role.ADMIN);
    server
        .app
        .accounts()
        .addAccount(
            SenderAccount.withPlanDefaults(
                "sdr-1", Plan.SALES_NAVIGATOR, ZoneId.of("Europe/Berlin")));
    context = chromium.newContext();
    page = context.newPage();
    Chromium.collectErrors(page, consoleErrors);
  }

  @AfterEach
  void close() {
    if (context != null) {
      context.close();
    }
    if (server != null) {
      server.close();
    }
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void signInUploadCreateWithTheCoachLaunchDoATaskAndSeeAnalyticsCountIt() {
    String base = server.server.baseUrl();

    // Log in: the page asked for first is where signing in leads
    page.navigate(base + "/prospects");
    page.getByLabel("Email").fill("ana@example.com");
    page.getByLabel("Password").fill(ServerFixture.PASSWORD);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    page.waitForURL("**/prospects");

    // Upload a CSV: the preview shows the mapping; storing it is a second, deliberate step
    page.getByRole(
            AriaRole.LINK, new Page.GetByRoleOptions().setName("Import a CSV").setExact(true))
        .click();
    page.getByLabel("CSV file")
        .setInputFiles(Path.of("src/test/resources/import/linkedin-connections.csv"));
    page.getByLabel("Tags for everyone in it (optional)").fill("first-day");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview")).click();
    assertThat(page.locator("#import-format")).containsText("Connections");
    assertThat(server.count("SELECT count(*) FROM prospect")).isZero();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Store 12 prospects"))
        .click();
    assertThat(page.locator("#import-stored")).containsText("12 new");
    assertThat(server.count("SELECT count(*) FROM prospect")).isEqualTo(12);

    // Create a campaign, watching the coach's score change as the note is written
    page.navigate(base + "/campaigns/new");
    page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("first-day");
    page.getByLabel("sdr-1").check();
    page.getByLabel("Enroll prospects tagged").fill("first-day");
    Locator note =
        page.getByLabel(
            "Connection request note text", new Page.GetByLabelOptions().setExact(true));
    Locator score = page.locator("#coach-note .score-value");
    note.fill(CampaignsPagesTest.GENERIC_NOTE);
    assertThat(score).hasText("76");
    assertThat(page.locator("#coach-note .findings li")).hasCount(2);
    note.fill(CampaignsPagesTest.PERSONAL_NOTE);
    assertThat(score).hasText("100");
    assertThat(page.locator("#coach-note .findings li")).hasCount(0);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create campaign")).click();
    page.waitForURL("**/campaigns/first-day?created=1");
    assertThat(page.locator("#enrolled")).hasText("12");

    // Launch
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Launch")).click();
    assertThat(page.locator("#status-value")).hasText("ACTIVE");

    // Analytics before anything is done
    page.navigate(base + "/analytics?campaign=first-day");
    assertThat(page.locator("#nothing-yet")).containsText("Nothing sent yet");

    // The engine plans the first steps; they wait in Today's inbox
    Touch task = runEngineUntilATaskIsDue();
    // Hours have passed on the server's clock: past the 12-hour session, so sign in again
    Chromium.signIn(page, base, "ana@example.com", ServerFixture.PASSWORD);
    Locator row = page.locator("#task-" + task.id());
    assertThat(row).isVisible();
    row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Done")).click();
    assertThat(row.locator(".outcome")).containsText("Done ✓");
    assertThat(server.app.touches().touch(task.id()).orElseThrow().status())
        .isEqualTo(Touch.Status.DONE);

    // Analytics counts the task carried out
    page.navigate(base + "/analytics?campaign=first-day");
    Locator funnelRow =
        page.locator(
            "#funnel tbody tr:has(th:text-is('"
                + AnalyticsView.channel(task.channel().name())
                + "'))");
    assertThat(funnelRow.locator("td.num").first()).hasText("1");
    assertThat(consoleErrors).as("console errors").isEmpty();
  }

  /** Moves the server's clock an hour at a time, running the engine, until a task is due. */
  private Touch runEngineUntilATaskIsDue() {
    LiveEngine engine = Engines.live(server.app.store(), new AssistedExecutor());
    Instant until = server.clock.instant().plus(Duration.ofDays(4));
    while (server.clock.instant().isBefore(until)) {
      engine.runUntil(server.clock.instant());
      List<Touch> due = server.app.touches().dueTouches(server.clock.instant(), null, 1);
      if (!due.isEmpty()) {
        return due.get(0);
      }
      server.clock.tick(Duration.ofHours(1));
    }
    throw new AssertionError("no task became due within 4 days of launching");
  }
}
