package dev.warmreach.web.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.warmreach.domain.Role;
import dev.warmreach.web.ServerFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signing in and moving around the dashboard in a real browser, by keyboard too. */
class SignInInBrowserTest {

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
    server.addUser("ana@example.com", Role.ADMIN);
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
  void aWrongPasswordShowsWhyAndTheRightOneOpensTheAskedForPage() {
    page.navigate(server.server.baseUrl() + "/analytics");
    assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login\\?next=%2Fanalytics$"));

    page.getByLabel("Email").fill("ana@example.com");
    page.getByLabel("Password").fill("not the password");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    assertThat(page.getByRole(AriaRole.ALERT)).containsText("the email or the password is wrong");
    assertThat(page.getByLabel("Email")).hasValue("ana@example.com");

    page.getByLabel("Password").fill(ServerFixture.PASSWORD);
    page.getByLabel("Password").press("Enter");
    page.waitForURL("**/analytics");
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
        .hasText("Analytics");
    assertThat(consoleErrors).as("console errors").isEmpty();
  }

  @Test
  void theNavigationWorksFromTheKeyboard() {
    Chromium.signIn(page, server.server.baseUrl(), "ana@example.com", ServerFixture.PASSWORD);

    page.keyboard().press("Tab");
    assertThat(page.locator(":focus")).hasText("Skip to content");
    page.keyboard().press("Tab"); // the brand
    page.keyboard().press("Tab"); // Today
    page.keyboard().press("Tab"); // Prospects
    assertThat(page.locator(":focus")).hasText("Prospects");
    page.keyboard().press("Enter");
    page.waitForURL("**/prospects");
    assertThat(page.locator("nav a[aria-current=page]")).hasText("Prospects");
    assertThat(consoleErrors).as("console errors").isEmpty();
  }
}
