package dev.warmreach.web.pages;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium, headless, driven by Playwright for Java; Playwright never downloads a browser
 * of its own. Where Chromium is missing the browser tests skip with a message saying how to run
 * them, except in CI ({@code CI=true}), where they must run.
 *
 * <p>Screenshots go to {@code target/screenshots}, and also to the folder named by the system
 * property {@code warmreach.screenshots} (the README's command for docs/screenshots).
 */
public final class Chromium implements AutoCloseable {

  /** Where Debian installs it; {@code WARMREACH_CHROMIUM} names another. */
  static final Path EXECUTABLE =
      Path.of(System.getenv().getOrDefault("WARMREACH_CHROMIUM", "/usr/bin/chromium"));

  private static final List<String> FLAGS =
      List.of(
          "--no-sandbox",
          "--disable-gpu",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
          "--disable-quic");

  private final Playwright playwright;
  private final Browser browser;

  private Chromium(Playwright playwright, Browser browser) {
    this.playwright = playwright;
    this.browser = browser;
  }

  /** Starts Chromium, or skips the calling test (fails it in CI) when it is not installed. */
  public static Chromium launch() {
    if (!Files.isExecutable(EXECUTABLE)) {
      String message =
          "browser tests need Chromium at "
              + EXECUTABLE
              + ": install it with 'apt-get install chromium' (or set WARMREACH_CHROMIUM)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        Assertions.fail("CI must run the browser tests, but " + message);
      }
      Assumptions.abort("Skipped: " + message);
    }
    Playwright playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    try {
      Browser browser =
          playwright
              .chromium()
              .launch(
                  new BrowserType.LaunchOptions()
                      .setExecutablePath(EXECUTABLE)
                      .setHeadless(true)
                      .setArgs(FLAGS));
      return new Chromium(playwright, browser);
    } catch (RuntimeException e) {
      playwright.close();
      throw e;
    }
  }

  /** A fresh browser profile (no cookies) at laptop size. */
  public BrowserContext newContext() {
    BrowserContext context =
        browser.newContext(
            new Browser.NewContextOptions()
                .setViewportSize(1366, 900)
                .setLocale("en-GB")
                .setTimezoneId("UTC"));
    context.setDefaultTimeout(15_000);
    return context;
  }

  /** Signs in through the form as {@code email} (password {@code password}) and waits for Today. */
  public static void signIn(Page page, String baseUrl, String email, String password) {
    page.navigate(baseUrl + "/today");
    page.getByLabel("Email").fill(email);
    page.getByLabel("Password").fill(password);
    page.getByRole(
            com.microsoft.playwright.options.AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName("Sign in"))
        .click();
    page.waitForURL("**/today");
  }

  /**
   * Collects into {@code errors} every console error and uncaught script error of {@code page} (a
   * Content-Security-Policy violation is one), each with the address it happened on.
   */
  public static void collectErrors(Page page, List<String> errors) {
    page.onConsoleMessage(
        message -> {
          if (message.type().equals("error")) {
            errors.add(page.url() + ": " + message.text());
          }
        });
    page.onPageError(error -> errors.add(page.url() + ": " + error));
  }

  /** Saves a full-page PNG as {@code name}.png. */
  public static void screenshot(Page page, String name) {
    screenshot(page, name, true);
  }

  /** Saves a PNG as {@code name}.png: the whole page, or what a laptop screen shows of it. */
  public static void screenshot(Page page, String name, boolean fullPage) {
    Path file = Path.of("target", "screenshots", name + ".png");
    page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(fullPage));
    String docs = System.getProperty("warmreach.screenshots");
    if (docs != null && !docs.isBlank()) {
      page.screenshot(
          new Page.ScreenshotOptions().setPath(Path.of(docs, name + ".png")).setFullPage(fullPage));
    }
  }

  @Override
  public void close() {
    try {
      browser.close();
    } finally {
      playwright.close();
    }
  }
}
