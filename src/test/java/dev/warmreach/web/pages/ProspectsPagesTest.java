package dev.warmreach.web.pages;

import static dev.warmreach.testing.AProspect.aProspect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.domain.Event;
import dev.warmreach.domain.Prospect;
import dev.warmreach.domain.ProspectProfile;
import dev.warmreach.domain.Role;
import dev.warmreach.domain.Seniority;
import dev.warmreach.domain.Touch;
import dev.warmreach.execute.assisted.AssistedExecutor;
import dev.warmreach.live.LiveEngine;
import dev.warmreach.store.DecisionRecord;
import dev.warmreach.store.ProspectQuery;
import dev.warmreach.store.Store;
import dev.warmreach.store.StoredCampaign;
import dev.warmreach.testing.ACampaign;
import dev.warmreach.testing.Engines;
import dev.warmreach.web.ServerFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The prospect pages over HTTP: the list, the import with its preview, and one's timeline. */
class ProspectsPagesTest {

  private static final Pattern ROW_LINK = Pattern.compile("<td><a href=\"/prospects/(\\d+)\">");
  private static final Pattern TOTAL = Pattern.compile("<strong>([\\d,]+)</strong> prospects?");

  @TempDir Path home;
  private ServerFixture server;
  private ServerFixture.Login login;

  @BeforeEach
  void start() {
    server = ServerFixture.start(home);
    server.addUser("ana@example.com", Role.MEMBER);
    login = server.login("ana@example.com");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Store store() {
    return server.app.store();
  }

  /** 120 people: every third a VP, every fourth tagged dach, every fifth at Northwind. */
  private void storeOneHundredTwenty() {
    List<ProspectProfile> people = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      people.add(
          aProspect()
              .named("Lead" + i, "Example")
              .at("https://www.linkedin.com/in/lead-" + i)
              .titled(i % 3 == 0 ? "VP Sales" : "Account Executive")
              .workingAt(i % 5 == 0 ? "Northwind Traders" : "Acme")
              .tagged(i % 4 == 0 ? new String[] {"dach", "saas"} : new String[] {"saas"})
              .build());
    }
    store().prospects().saveProspects(people);
  }

  private String page(String path, String... headers) {
    List<String> all = new ArrayList<>(List.of("Cookie", login.cookie()));
    all.addAll(List.of(headers));
    HttpResponse<String> response = server.get(path, all.toArray(String[]::new));
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return response.body();
  }

  private static List<Long> rowIds(String html) {
    List<Long> ids = new ArrayList<>();
    Matcher m = ROW_LINK.matcher(html);
    while (m.find()) {
      ids.add(Long.parseLong(m.group(1)));
    }
    return ids;
  }

  private static long total(String html) {
    Matcher m = TOTAL.matcher(html);
    assertThat(m.find()).as("a total in " + html).isTrue();
    return Long.parseLong(m.group(1).replace(",", ""));
  }

  private List<Long> storeIds(ProspectQuery query) {
    return store().prospects().prospects(query).stream().map(Prospect::id).toList();
  }

  @Test
  void theListShowsFiftyAtATimeWithTheTotalAndPagesOnwards() {
    storeOneHundredTwenty();

    String first = page("/prospects");
    String third = page("/prospects?page=3");

    assertThat(total(first)).isEqualTo(120);
    assertThat(rowIds(first)).isEqualTo(storeIds(new ProspectQuery(null, null, null, 50, 0)));
    assertThat(first).contains("Page 1 of 3").contains("href=\"/prospects?page=2\"");
    assertThat(first).doesNotContain("rel=\"prev\"");
    assertThat(rowIds(third)).isEqualTo(storeIds(new ProspectQuery(null, null, null, 50, 100)));
    assertThat(rowIds(third)).hasSize(20);
    assertThat(third).contains("showing 101–120").contains("href=\"/prospects?page=2\"");
    assertThat(third).doesNotContain("rel=\"next\"");
  }

  @Test
  void searchAndFiltersCombineAndMatchTheStore() {
    storeOneHundredTwenty();

    String html = page("/prospects?q=northwind&tag=dach&seniority=vp");

    ProspectQuery same = new ProspectQuery("northwind", "dach", Seniority.VP, 50, 0);
    assertThat(total(html)).isEqualTo(store().prospects().countProspects(same)).isEqualTo(2);
    assertThat(rowIds(html)).isEqualTo(storeIds(same));
    // the filters stay in the form, so the address can be shared
    assertThat(html).contains("value=\"northwind\"").contains("<option value=\"vp\" selected>");
  }

  @Test
  void anHtmxRequestGetsOnlyTheResultsToSwapIn() {
    storeOneHundredTwenty();

    String fragment = page("/prospects?tag=dach&page=2", "HX-Request", "true");

    assertThat(fragment).doesNotContain("<html").doesNotContain("<form id=\"filters\"");
    assertThat(total(fragment)).isEqualTo(30);
    // page 2 of a single page shows that page
    assertThat(fragment).contains("showing 1–30").doesNotContain("class=\"pager\"");
    assertThat(rowIds(fragment)).isEqualTo(storeIds(new ProspectQuery(null, "dach", null, 50, 0)));
  }

  @Test
  void theStatusFilterFindsWhoIsInACampaignAndWhoIsNew() {
    ACampaign.launched(store(), 3, ServerFixture.START, "sdr-1");
    storeOneHundredTwenty();

    String enrolled = page("/prospects?status=enrolled");
    String fresh = page("/prospects?status=new");

    assertThat(total(enrolled)).isEqualTo(3);
    assertThat(enrolled).contains("In a campaign");
    assertThat(total(fresh)).isEqualTo(120);
  }

  @Test
  void aFilterThatCannotBeUsedSaysWhyAndTheListStillShows() {
    storeOneHundredTwenty();

    String html = page("/prospects?seniority=wizard");

    assertThat(html).contains("role=\"alert\"").contains("'wizard' is not a seniority");
    assertThat(total(html)).isEqualTo(120);
  }

  // --- Import with a preview ---------------------------------------------------------------

  private HttpResponse<String> upload(String fileName, String csv, String tags) {
    String boundary = "----warmreach-test-boundary";
    StringBuilder body = new StringBuilder();
    body.append("--").append(boundary).append("\r\n");
    body.append("Content-Disposition: form-data; name=\"file\"; filename=\"")
        .append(fileName)
        .append("\"\r\nContent-Type: text/csv\r\n\r\n")
        .append(csv)
        .append("\r\n");
    body.append("--").append(boundary).append("\r\n");
    body.append("Content-Disposition: form-data; name=\"tags\"\r\n\r\n")
        .append(tags)
        .append("\r\n");
    body.append("--").append(boundary).append("--\r\n");
    return server.post(
        "/prospects/import",
        "multipart/form-data; boundary=" + boundary,
        body.toString(),
        "Cookie",
        login.cookie(),
        "X-CSRF-Token",
        login.csrf(),
        "HX-Request",
        "true");
  }

  private static String fixture(String name) {
    try {
      return Files.readString(Path.of("src/test/resources/import/" + name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String uploadId(String html) {
    Matcher m = Pattern.compile("hx-post=\"/prospects/import/([A-Za-z0-9_-]+)\"").matcher(html);
    assertThat(m.find()).as("a store button in " + html).isTrue();
    return m.group(1);
  }

  private HttpResponse<String> store(String uploadId, boolean skipInvalid) {
    return server.post(
        "/prospects/import/" + uploadId,
        "application/x-www-form-urlencoded",
        "skipInvalid=" + skipInvalid,
        "Cookie",
        login.cookie(),
        "X-CSRF-Token",
        login.csrf(),
        "HX-Request",
        "true");
  }

  @Test
  void aPreviewShowsTheFormatColumnsCountsAndSampleAndStoresNothing() {
    HttpResponse<String> preview =
        upload("connections.csv", fixture("linkedin-connections.csv"), "");

    assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
    String html = preview.body();
    assertThat(html).contains("Preview of connections.csv").contains("LinkedIn Connections export");
    assertThat(html)
        .contains("<tr><td>First Name</td><td>First name</td></tr>")
        .contains("<tr><td>URL</td><td>Profile URL</td></tr>")
        .contains("<tr><td>Position</td><td>Title</td></tr>")
        .contains("<tr><td>Connected On</td><td class=\"muted\">not imported</td></tr>");
    assertThat(html)
        .contains("<span class=\"value\">12</span> <span class=\"label\">rows read</span>")
        .contains("<span class=\"value\">12</span> <span class=\"label\">new</span>")
        .contains("<span class=\"value\">0</span> <span class=\"label\">invalid</span>");
    assertThat(html).contains("娜").contains("Acme, Inc.");
    assertThat(html).contains(">Store 12 prospects</button>");
    assertThat(store().prospects().countProspects(ProspectQuery.all(1))).isZero();
  }

  @Test
  void confirmingStoresThePreviewedFileOnceAndAgainShowsItUnchanged() {
    String id =
        uploadId(upload("connections.csv", fixture("linkedin-connections.csv"), "q1").body());

    HttpResponse<String> stored = store(id, false);

    assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
    assertThat(stored.body()).contains("Stored connections.csv:").contains("12 new");
    assertThat(store().prospects().countProspects(ProspectQuery.all(1))).isEqualTo(12);
    assertThat(store().prospects().countProspects(new ProspectQuery(null, "q1", null, 1, 0)))
        .isEqualTo(12);
    // the upload is gone once stored
    assertThat(store(id, false).statusCode()).isEqualTo(404);
    // a second preview of the same file finds everyone unchanged
    assertThat(upload("connections.csv", fixture("linkedin-connections.csv"), "q1").body())
        .contains("<span class=\"value\">12</span> <span class=\"label\">unchanged</span>");
  }

  @Test
  void aFileWithABadRowShowsTheRowAndStoresNothingUntilTheValidRowsAreChosen() {
    String html = upload("leads.csv", fixture("one-bad-row.csv"), "").body();

    assertThat(html).contains("1 invalid row");
    assertThat(html)
        .contains("<tr><td class=\"num\">8</td><td>'https://www.linkedin.com/company/acme'");
    assertThat(html).contains("<span class=\"value\">9</span> <span class=\"label\">new</span>");
    assertThat(html).contains(">Store the 9 valid rows, skip 1 invalid</button>");
    assertThat(store().prospects().countProspects(ProspectQuery.all(1))).isZero();

    // storing everything is refused while a row is invalid, and changes nothing
    String id = uploadId(html);
    String refused = store(id, false).body();
    assertThat(refused).contains("Nothing was stored").contains("1 row is invalid");
    assertThat(store().prospects().countProspects(ProspectQuery.all(1))).isZero();

    String stored = store(id, true).body();
    assertThat(stored).contains("9 new").contains("1 invalid row skipped");
    assertThat(store().prospects().countProspects(ProspectQuery.all(1))).isEqualTo(9);
  }

  @Test
  void aFileThatIsNotACsvIsRefusedWithTheReasonAndNothingHeld() {
    HttpResponse<String> response = upload("photo.csv", "\u0000\u0001binary", "");

    assertThat(response.body()).contains("role=\"alert\"").contains("photo.csv");
    assertThat(response.body()).doesNotContain("/prospects/import/");
    assertThat(store().prospects().countProspects(ProspectQuery.all(1))).isZero();
  }

  @Test
  void aBadTagIsRefusedBeforeTheFileIsRead() {
    String html =
        upload("connections.csv", fixture("linkedin-connections.csv"), "no spaces!").body();

    assertThat(html).contains("Tags: 'no spaces!' is not a tag");
    assertThat(html).doesNotContain("/prospects/import/");
  }

  @Test
  void anUploadIsHeldOnlyForTheUserWhoMadeIt() {
    String id = uploadId(upload("connections.csv", fixture("linkedin-connections.csv"), "").body());
    server.addUser("ben@example.com", Role.MEMBER);
    ServerFixture.Login ben = server.login("ben@example.com");

    HttpResponse<String> response =
        server.post(
            "/prospects/import/" + id,
            "application/x-www-form-urlencoded",
            "skipInvalid=false",
            "Cookie",
            ben.cookie(),
            "X-CSRF-Token",
            ben.csrf(),
            "HX-Request",
            "true");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("upload the file again");
    assertThat(store().prospects().countProspects(ProspectQuery.all(1))).isZero();
  }

  // --- One prospect ------------------------------------------------------------------------

  @Test
  void aProspectsPageShowsTheirFactsCampaignAndWholeTimelineInTimeOrder() {
    StoredCampaign campaign =
        ACampaign.launchedWorking("Mon-Sun 00:00-23:59", store(), 1, ServerFixture.START, "sdr-1");
    long campaignId = campaign.campaign().id();
    long id = store().prospects().prospects(ProspectQuery.all(1)).get(0).id();
    LiveEngine engine = Engines.live(store(), new AssistedExecutor());
    boolean accepted = false;
    for (int hour = 0; hour < 24 * 6; hour++) {
      Instant now = server.clock.instant();
      engine.runUntil(now);
      for (Touch due : store().touches().dueTouches(now, null, 100)) {
        store().touches().finishTouch(due.idempotencyKey(), Touch.Status.DONE, now);
        if (!accepted && due.channel() == dev.warmreach.domain.Channel.CONNECT) {
          store()
              .engineSteps()
              .recordEvent(new Event.Accepted(id, now.plusSeconds(1800), "accepted-1"));
          accepted = true;
        }
      }
      server.clock.tick(Duration.ofHours(1));
    }
    List<DecisionRecord> decisions = store().analytics().decisions(campaignId, id, 500);
    List<Touch> touches = store().touches().touches(id);
    assertThat(accepted).as("the engine sent a connection request").isTrue();
    assertThat(decisions).isNotEmpty();
    store()
        .engineSteps()
        .recordEvent(new Event.PostPublished(id, server.clock.instant(), "post-1", "pricing"));
    login = server.login("ana@example.com"); // six days on, the first session has ended

    String html = page("/prospects/" + id);

    assertThat(html).contains("<h1>Person0 Example</h1>");
    assertThat(html).contains("VP Sales").contains("person0@example.com");
    assertThat(html).contains("href=\"https://www.linkedin.com/in/person-0\"");
    assertThat(html).contains("<td>campaign<br>");
    for (DecisionRecord d : decisions) {
      assertThat(html).as("decision reasons").contains(escaped(d.summary()));
    }
    for (Touch t : touches) {
      if (t.message() != null && !t.message().body().isEmpty()) {
        assertThat(html).as("touch text").contains(escaped(t.message().body()));
      }
    }
    assertThat(html)
        .contains("<strong>Connection request accepted</strong>")
        .contains("<strong>Post published</strong>");
    // Times in the account's zone (sdr-1 works in Berlin), named
    assertThat(html).contains("(Europe/Berlin)").doesNotContain(" UTC<");
    List<String> kinds = matches(html, "<span class=\"badge\">(Decision|Touch|Event)</span>");
    assertThat(kinds.stream().filter("Decision"::equals)).hasSize(decisions.size());
    assertThat(kinds.stream().filter("Touch"::equals)).hasSize(touches.size());
    assertThat(kinds.stream().filter("Event"::equals)).hasSize(2);
    List<Instant> times =
        matches(html, "<time datetime=\"([^\"]+)\">").stream().map(Instant::parse).toList();
    assertThat(times).hasSize(kinds.size()).isSorted();
  }

  @Test
  void anUnknownProspectIsANotFoundPageWithAWayBack() {
    HttpResponse<String> response = server.get("/prospects/4242", "Cookie", login.cookie());

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body())
        .contains("There is no prospect #4242")
        .contains("<a href=\"/prospects\">Back to all prospects</a>");
    assertThat(server.get("/prospects/not-a-number", "Cookie", login.cookie()).statusCode())
        .isEqualTo(404);
  }

  private static List<String> matches(String html, String regex) {
    List<String> found = new ArrayList<>();
    Matcher m = Pattern.compile(regex).matcher(html);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  private static String escaped(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
