package dev.warmreach.web.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.warmreach.domain.RateEstimate;
import dev.warmreach.domain.Role;
import dev.warmreach.domain.Touch;
import dev.warmreach.execute.outbound.OutboundSettings;
import dev.warmreach.testing.ACampaign;
import dev.warmreach.web.ServerFixture;
import java.net.http.HttpResponse;
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

/** The analytics and settings pages in a real browser. */
class AnalyticsAndSettingsInBrowserTest {

  private static Chromium chromium;
  @TempDir Path home;
  private ServerFixture server;
  private BrowserContext context;
  private Page page;
  private List<Touch> touches;
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
    server.clock.set(ServerFixture.START.plus(Duration.ofDays(20)));
    ACampaign.launched(server.app.store(), 3, ServerFixture.START, "sdr-2");
    touches = AnalyticsOutcomes.plant(server.app.store(), ServerFixture.START);
    context = chromium.newContext();
    page = context.newPage();
    Chromium.collectErrors(page, consoleErrors);
    Chromium.signIn(page, server.server.baseUrl(), "ana@example.com", ServerFixture.PASSWORD);
  }

  @AfterEach
  void close() {
    context.close();
    server.close();
  }

  private static String interval(long successes, long trials) {
    RateEstimate r = RateEstimate.wilson95(successes, trials);
    return Math.round(r.rate() * 100)
        + "% ("
        + Math.round(r.low() * 100)
        + "–"
        + Math.round(r.high() * 100)
        + "%)";
  }

  private Locator funnelRow(String channel) {
    return page.locator("#funnel tr").filter(new Locator.FilterOptions().setHasText(channel));
  }

  /**
   * Whether the chart is drawn within 5 s: it is drawn by a script after htmx swaps the figures.
   */
  private boolean chartDrawn(String id) {
    try {
      page.waitForFunction(
          "id => window.Chart && window.Chart.getChart(document.getElementById(id)) !== undefined",
          id,
          new Page.WaitForFunctionOptions().setTimeout(5_000));
      return true;
    } catch (com.microsoft.playwright.TimeoutError e) {
      return false;
    }
  }

  @Test
  void theFunnelAndChartsShowAndAReplyRecordedThroughTheApiCountsAfterReload() {
    page.navigate(server.server.baseUrl() + "/analytics");
    assertThat(funnelRow("Connection request")).containsText(interval(5, 20));
    assertThat(page.locator("#funnel-chart")).isVisible();
    assertThat(chartDrawn("funnel-chart")).isTrue();
    assertThat(chartDrawn("weekly-chart")).isTrue();

    page.getByLabel("Campaign", new Page.GetByLabelOptions().setExact(true))
        .selectOption("campaign");
    assertThat(page.locator("#analytics-figures"))
        .containsText("Nothing sent yet in campaign campaign");
    assertThat(page).hasURL(Pattern.compile(".*/analytics\\?campaign=campaign$"));
    page.getByLabel("Campaign", new Page.GetByLabelOptions().setExact(true))
        .selectOption("q3-outreach");
    assertThat(funnelRow("Connection request")).containsText(interval(5, 20));
    assertThat(page).hasURL(Pattern.compile(".*/analytics\\?campaign=q3-outreach$"));
    assertThat(chartDrawn("funnel-chart")).as("the chart is drawn after the swap").isTrue();

    String[] token = server.bearer(server.login("ana@example.com"));
    HttpResponse<String> reply =
        server.post(
            "/api/events",
            "application/json",
            "{\"kind\": \"replied\", \"channel\": \"connect\", \"prospectId\": "
                + touches.get(5).prospectId()
                + ", \"idempotencyKey\": \"reply-in-browser\", \"at\": \""
                + server.clock.instant()
                + "\"}",
            token);
    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);

    page.reload();
    assertThat(page.getByLabel("Campaign", new Page.GetByLabelOptions().setExact(true)))
        .hasValue("q3-outreach");
    assertThat(funnelRow("Connection request")).containsText(interval(6, 20));
    assertThat(chartDrawn("funnel-chart")).isTrue();
    assertThat(consoleErrors).as("console errors").isEmpty();
  }

  @Test
  void aTokenIsShownOnceAndRevokedAndSmtpSettingsAreSaved() {
    page.navigate(server.server.baseUrl() + "/settings");
    page.getByLabel("Token name").fill("zapier");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create token")).click();
    assertThat(page.locator("#new-token")).containsText("wr_");
    assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Copy")))
        .isVisible();

    page.navigate(server.server.baseUrl() + "/settings");
    assertThat(page.locator("#new-token")).hasCount(0);
    assertThat(page.locator("#token-list")).containsText("Active");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke token zapier"))
        .click();
    assertThat(page.getByText("Token revoked")).isVisible();
    assertThat(page.locator("#token-list")).containsText("Revoked");

    page.getByLabel("Host").fill("smtp.example.com");
    page.getByLabel("Port").fill("465");
    page.getByLabel("Security").selectOption("tls");
    page.getByLabel("From address").fill("sdr@example.com");
    page.getByLabel("Unsubscribe address").fill("unsubscribe@example.com");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save SMTP settings"))
        .click();
    assertThat(page.getByText("SMTP settings saved")).isVisible();
    assertThat(page.locator("#smtp"))
        .containsText("smtp.example.com:465 (tls) from sdr@example.com");
    OutboundSettings.Smtp smtp =
        new OutboundSettings(
                server.app.store().settings(),
                server.app.deliveries(),
                server.app.doNotContact(),
                server.app.engineSteps())
            .smtp()
            .orElseThrow();
    assertThat(smtp.port()).isEqualTo(465);
    assertThat(consoleErrors).as("console errors").isEmpty();
  }
}
