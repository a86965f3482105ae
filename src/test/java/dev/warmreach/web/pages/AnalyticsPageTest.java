package dev.warmreach.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warmreach.domain.RateEstimate;
import dev.warmreach.domain.Role;
import dev.warmreach.store.CampaignStats;
import dev.warmreach.testing.ACampaign;
import dev.warmreach.testing.PlannedTouches;
import dev.warmreach.web.ServerFixture;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analytics page over real HTTP, on a campaign whose outcomes are known. */
class AnalyticsPageTest {

  @TempDir Path home;
  private ServerFixture server;
  private ServerFixture.Login login;

  @BeforeEach
  void start() {
    server = ServerFixture.start(home);
    server.addUser("ana@example.com", Role.MEMBER);
    // Three weeks after the known campaign started (see AnalyticsOutcomes)
    server.clock.set(ServerFixture.START.plus(Duration.ofDays(20)));
    login = server.login("ana@example.com");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String page(String path, String... headers) {
    String[] all = new String[login.headers().length + headers.length];
    System.arraycopy(login.headers(), 0, all, 0, login.headers().length);
    System.arraycopy(headers, 0, all, login.headers().length, headers.length);
    HttpResponse<String> response = server.get(path, all);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
    return response.body();
  }

  /** The cells of the funnel table's row for {@code channel}, tags stripped. */
  private static String funnelRow(String html, String channel) {
    Matcher row =
        Pattern.compile(
                "<tr>\\s*<th scope=\"row\">" + Pattern.quote(channel) + "</th>(.*?)</tr>",
                Pattern.DOTALL)
            .matcher(html.substring(html.indexOf("id=\"funnel\"")));
    assertThat(row.find()).as("a funnel row for " + channel).isTrue();
    return row.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
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

  @Test
  void theFunnelRatesAndIntervalsOfACampaignMatchTheStoreAndTheApi() {
    // Another campaign first: it enrolls every prospect stored so far, none of the known ones
    ACampaign.launched(server.app.store(), 5, ServerFixture.START, "sdr-2");
    AnalyticsOutcomes.plant(server.app.store(), ServerFixture.START);
    long id =
        server.app.campaigns().campaign(PlannedTouches.CAMPAIGN).orElseThrow().campaign().id();
    CampaignStats stats = server.app.analytics().campaignStats(id);
    assertThat(stats.touches().get("CONNECT")).isEqualTo(AnalyticsOutcomes.SENT);

    String html = page("/analytics?campaign=" + PlannedTouches.CAMPAIGN);

    String connect = funnelRow(html, "Connection request");
    System.out.println("connection requests: " + connect);
    assertThat(connect)
        .isEqualTo("20 8 " + interval(8, 20) + " of 20 5 " + interval(5, 20) + " of 20");
    assertThat(interval(5, 20)).isEqualTo("25% (11–47%)");
    assertThat(funnelRow(html, "InMail")).isEqualTo("0 — — 0 —");
    assertThat(html).contains("<option value=\"q3-outreach\" selected>");
    JsonNode api =
        ServerFixture.json(server.get("/api/analytics/summary", server.bearer(login)))
            .get("campaigns");
    JsonNode q3 =
        api.get(0).get("campaign").asText().equals("q3-outreach") ? api.get(0) : api.get(1);
    JsonNode reply = q3.get("channels").get("connect").get("replyRate");
    RateEstimate shown = RateEstimate.wilson95(5, 20);
    assertThat(reply.get("low").asDouble()).isEqualTo(shown.low());
    assertThat(reply.get("high").asDouble()).isEqualTo(shown.high());

    // Variants: A 10 sent, 4 accepted, 3 replied; B 10, 4, 2 — too few to tell apart.
    String variants = html.substring(html.indexOf("id=\"variants-heading\""));
    assertThat(variants.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " "))
        .contains("A 10 4 3 " + interval(3, 10) + " too few sent to tell")
        .contains("B 10 4 2 " + interval(2, 10) + " too few sent to tell")
        .contains("Too few sent to tell");
    // Credits: sdr-1 of the known campaign and sdr-2 of the other, 50 InMails each a month.
    assertThat(html)
        .contains("<th scope=\"row\">sdr-1</th>")
        .contains("<th scope=\"row\">sdr-2</th>");
    assertThat(html).contains("data-chart=").contains("role=\"img\"");
  }

  @Test
  void touchesAndRepliesArePerWeekAndTheCampaignFilterSwapsOnlyTheFigures() {
    // Another campaign first: it enrolls every prospect stored so far, none of the known ones
    ACampaign.launched(server.app.store(), 5, ServerFixture.START, "sdr-2");
    AnalyticsOutcomes.plant(server.app.store(), ServerFixture.START);

    String all = page("/analytics");
    assertThat(all)
        .contains(week("2 Mar 2026", 12, 0))
        .contains(week("9 Mar 2026", 8, 3))
        .contains(week("16 Mar 2026", 0, 2))
        .contains(week("23 Feb 2026", 0, 0));
    assertThat(
            Pattern.compile("<tr><th scope=\"row\">\\d+ \\w+ \\d{4}</th>").matcher(all).results())
        .hasSize(26);
    assertThat(funnelRow(all, "Connection request")).startsWith("20 8 ");

    String other = page("/analytics?campaign=campaign", "HX-Request", "true");
    assertThat(other).startsWith("<div id=\"analytics-figures\">").doesNotContain("<html");
    assertThat(other)
        .contains("Nothing sent yet in campaign campaign")
        .doesNotContain("id=\"funnel\"");

    String unknown = page("/analytics?campaign=nope");
    assertThat(unknown).contains("There is no campaign named “nope”; showing all campaigns");
  }

  private static String week(String label, long touches, long replies) {
    return "<tr><th scope=\"row\">"
        + label
        + "</th><td class=\"num\">"
        + touches
        + "</td><td class=\"num\">"
        + replies
        + "</td></tr>";
  }

  @Test
  void anEmptyWorkspaceGetsHelpInsteadOfEmptyCharts() {
    String html = page("/analytics");

    assertThat(html)
        .contains("Nothing sent yet in all campaigns")
        .contains("href=\"/campaigns\"")
        .doesNotContain("<canvas")
        .contains("No sender account yet");
  }
}
