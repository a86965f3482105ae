package dev.warmreach.web.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.warmreach.domain.Role;
import dev.warmreach.testing.RealisticWorkspace;
import dev.warmreach.web.ServerFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every section of the dashboard on a workspace a few weeks in, in a real browser: each renders
 * without a script or policy error, and its screenshot is what docs/ shows.
 */
class DashboardTourTest {

  @TempDir static Path home;
  private static Chromium chromium;
  private static ServerFixture server;

  @BeforeAll
  static void start() {
    chromium = Chromium.launch();
    server = ServerFixture.start(home);
    RealisticWorkspace.fill(server.app, server.clock);
    server.addUser("anna@brightline.example", Role.ADMIN);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void theWorkspaceHasHistoryAndWorkWaiting() {
    long done = server.count("SELECT count(*) FROM touch WHERE status = 'DONE'");
    long waiting = server.count("SELECT count(*) FROM touch WHERE status = 'PLANNED'");
    long events = server.count("SELECT count(*) FROM prospect_event");
    System.out.printf(
        "realistic workspace: %d touches done, %d waiting, %d events%n", done, waiting, events);
    assertThat(done).isGreaterThan(200);
    assertThat(waiting).isPositive();
    assertThat(events).isPositive();
  }

  @Test
  void everySectionRendersCleanlyOnARealisticWorkspace() {
    try (BrowserContext context = chromium.newContext()) {
      Page page = context.newPage();
      List<String> errors = new ArrayList<>();
      Chromium.collectErrors(page, errors);
      Chromium.signIn(
          page, server.server.baseUrl(), "anna@brightline.example", ServerFixture.PASSWORD);

      for (Chrome.Section section : Chrome.Section.values()) {
        page.navigate(server.server.baseUrl() + section.path());
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
            .isVisible();
        // Long lists (Today's tasks, the prospects) as a laptop screen shows them
        boolean list = section == Chrome.Section.TODAY || section == Chrome.Section.PROSPECTS;
        Chromium.screenshot(page, section.name().toLowerCase(java.util.Locale.ROOT), !list);
      }

      // The pages behind the sections: a campaign with its plan, and a prospect's timeline
      page.navigate(server.server.baseUrl() + "/campaigns/" + RealisticWorkspace.LIVE);
      assertThat(page.locator("#plan-table tbody tr").first()).isVisible();
      Chromium.screenshot(page, "campaign", false);
      long prospect =
          server.count(
              "SELECT prospect_id FROM prospect_event WHERE kind = 'REPLIED' ORDER BY id LIMIT 1");
      page.navigate(server.server.baseUrl() + "/prospects/" + prospect);
      assertThat(page.locator("#timeline li").first()).isVisible();
      Chromium.screenshot(page, "prospect");
      assertThat(errors).as("console errors").isEmpty();
    }
  }
}
