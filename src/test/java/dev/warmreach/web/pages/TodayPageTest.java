package dev.warmreach.web.pages;

import static dev.warmreach.testing.AProspect.aProspect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Event;
import dev.warmreach.domain.Message;
import dev.warmreach.domain.Plan;
import dev.warmreach.domain.PostLink;
import dev.warmreach.domain.Role;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.domain.Touch;
import dev.warmreach.store.Store;
import dev.warmreach.testing.PlannedTouches;
import dev.warmreach.web.ServerFixture;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The task inbox page over real HTTP: what it lists, and marking tasks done or skipped. */
class TodayPageTest {

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

  private Touch aConnectionRequest() {
    return PlannedTouches.plant(
        store,
        aProspect()
            .named("Ana", "Silva")
            .titled("Head of Growth")
            .workingAt("Northwind")
            .at("https://www.linkedin.com/in/ana-silva-1")
            .build(),
        Channel.CONNECT,
        new Message("A", "", "Hi Ana, your post on SDR ramp time <b>hit home</b>.", true),
        server.clock.instant());
  }

  private Touch anInmail() {
    return PlannedTouches.plant(
        store,
        aProspect()
            .named("Ben", "Okafor")
            .titled("VP Sales")
            .workingAt("Contoso")
            .at("https://www.linkedin.com/in/ben-okafor")
            .build(),
        Channel.INMAIL,
        new Message("B", "Contoso's new Lisbon office", "Hi Ben, congratulations on …", true),
        server.clock.instant());
  }

  private HttpResponse<String> page(String path) {
    HttpResponse<String> response = server.get(path, "Cookie", login.cookie());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response;
  }

  private HttpResponse<String> htmx(String path) {
    return server.post(
        path,
        null,
        null,
        "Cookie",
        login.cookie(),
        "X-CSRF-Token",
        login.csrf(),
        "HX-Request",
        "true");
  }

  @Test
  void aWarmUpOnANamedPostLinksToItInTheTaskAndInTheFeed() {
    String url = "https://www.linkedin.com/feed/update/urn:li:activity:7290000000000000000/";
    PostLink post = new PostLink("urn:li:activity:7290000000000000000", "");
    Touch warmUp =
        PlannedTouches.plant(
            store,
            aProspect().named("Maria", "Keller").at("https://www.linkedin.com/in/mkeller").build(),
            Channel.ENGAGE,
            new Message("", "why we moved our SDR team to Berlin", "", true, post),
            server.clock.instant());
    server
        .app
        .signalIntake()
        .takePost(
            new Event.PostPublished(
                warmUp.prospectId(),
                server.clock.instant(),
                "post-7290",
                "why we moved our SDR team to Berlin",
                post));

    String html = page("/today").body();

    assertThat(html)
        .contains("Warm-up: like their post on \u201cwhy we moved our SDR team to Berlin\u201d")
        .contains("<a class=\"post-link\" href=\"" + url + "\"")
        .contains("Like the post linked above.")
        .contains("Post published: why we moved our SDR team to Berlin");
    assertThat(html.split("href=\"" + url + "\"", -1))
        .as("the task's link and the feed's")
        .hasSize(3);
  }

  @Test
  void theSignalFeedTellsEachSignalInWordsAtTheTimeOfTheAccountWorkingThem() {
    // given sdr-1 works from Berlin, and Ana, whom it works, changed roles at 08:30 UTC
    store
        .accounts()
        .addAccount(
            SenderAccount.withPlanDefaults(
                "sdr-1", Plan.SALES_NAVIGATOR, java.time.ZoneId.of("Europe/Berlin")));
    Touch request = aConnectionRequest();
    server
        .app
        .signalIntake()
        .take(
            new Event.Signal(
                request.prospectId(),
                java.time.Instant.parse("2026-03-04T08:30:00Z"),
                "signal-ana",
                Event.Signal.Kind.ROLE_CHANGE,
                "started as VP Sales at Orbe"));

    String html = page("/today").body();

    assertThat(html)
        .contains("Role change: started as VP Sales at Orbe")
        .contains("Wed 4 Mar, 09:30 (Europe/Berlin)")
        .doesNotContain("role change")
        .doesNotContain("08:30 UTC");
  }

  @Test
  void listsEachTaskDueTodayWithItsProspectTextAndWhatIsLeftPerAccount() {
    Touch request = aConnectionRequest();
    Touch inmail = anInmail();

    String html = page("/today").body();

    assertThat(html)
        .contains("<a href=\"/prospects/" + request.prospectId() + "\">Ana Silva</a>")
        .contains("Head of Growth at Northwind")
        .contains("Connection request")
        .contains("InMail")
        .contains("From <strong>sdr-1</strong>")
        .contains(
            "href=\"https://www.linkedin.com/in/ana-silva-1\" target=\"_blank\" rel=\"noopener\"")
        .contains(
            "id=\"task-"
                + request.id()
                + "-text\">Hi Ana, your post on SDR ramp time &lt;b&gt;hit home&lt;/b&gt;.</div>")
        .contains("data-copy=\"task-" + request.id() + "-text\"")
        .contains("id=\"task-" + inmail.id() + "-subject\">Contoso's new Lisbon office</div>")
        .contains("hx-post=\"/today/tasks/" + inmail.id() + "/skip\"")
        .contains("<span id=\"left-total\">2</span>");
    assertThat(html.replaceAll("\\s+", " "))
        .contains("<td class=\"num tasks-left\">2</td>")
        .contains("<td class=\"num invitations-left\">200 of 200</td>")
        .contains("<td class=\"num credits-left\">50</td>");
  }

  @Test
  void doneMarksTheStoredTaskAndAnswersWithItsRowAndTheNewFiguresOutOfBand() {
    Touch request = aConnectionRequest();
    anInmail();

    HttpResponse<String> done = htmx("/today/tasks/" + request.id() + "/done");

    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(store.touches().touch(request.id()).orElseThrow().status())
        .isEqualTo(Touch.Status.DONE);
    assertThat(done.body())
        .startsWith("<li id=\"task-" + request.id() + "\"")
        .contains("Done ✓")
        .contains("cannot be undone")
        .doesNotContain("hx-post=\"/today/tasks/" + request.id())
        .contains("id=\"left-today\"")
        .contains("hx-swap-oob=\"true\"")
        .contains("<span id=\"left-total\">1</span>");
    assertThat(page("/today").body()).doesNotContain("task-" + request.id() + "-text");
  }

  @Test
  void aSecondDoneSaysTheTaskIsDoneAlreadyAndChangesNothing() {
    Touch request = aConnectionRequest();
    htmx("/today/tasks/" + request.id() + "/done");

    HttpResponse<String> again = htmx("/today/tasks/" + request.id() + "/done");
    HttpResponse<String> skip = htmx("/today/tasks/" + request.id() + "/skip");

    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body())
        .contains("Task #" + request.id() + " is done already")
        .contains("nothing was changed");
    assertThat(skip.body()).contains("is done already");
    assertThat(store.touches().touch(request.id()).orElseThrow().status())
        .isEqualTo(Touch.Status.DONE);
  }

  @Test
  void skipMarksTheStoredTaskSkipped() {
    Touch inmail = anInmail();

    HttpResponse<String> skipped = htmx("/today/tasks/" + inmail.id() + "/skip");

    assertThat(store.touches().touch(inmail.id()).orElseThrow().status())
        .isEqualTo(Touch.Status.SKIPPED);
    assertThat(skipped.body()).contains("Skipped").contains("<span id=\"left-total\">0</span>");
  }

  @Test
  void anUnknownTaskGetsAMessageNotAnErrorPage() {
    HttpResponse<String> missing = htmx("/today/tasks/9999/done");

    assertThat(missing.statusCode()).isEqualTo(200);
    assertThat(missing.body()).contains("There is no task #9999");
  }

  @Test
  void withoutHtmxTheFormPostsAndComesBackToThePageWithWhatHappened() {
    Touch request = aConnectionRequest();

    HttpResponse<String> posted =
        server.post(
            "/today/tasks/" + request.id() + "/done",
            "application/x-www-form-urlencoded",
            "_csrf=" + URLEncoder.encode(login.csrf(), StandardCharsets.UTF_8),
            "Cookie",
            login.cookie());

    assertThat(posted.statusCode()).isEqualTo(303);
    String location = posted.headers().firstValue("Location").orElseThrow();
    assertThat(location).isEqualTo("/today?task=" + request.id() + "&outcome=done");
    assertThat(store.touches().touch(request.id()).orElseThrow().status())
        .isEqualTo(Touch.Status.DONE);
    assertThat(page(location).body()).contains("Done ✓ — task #" + request.id());
  }

  @Test
  void anUncertainTouchIsShownToConfirmAndTheAnswerSettlesIt() {
    Touch request = aConnectionRequest();
    Touch inmail = anInmail();
    // A crash left both uncertain: handed over, and no answer heard.
    store
        .touches()
        .finishTouch(request.idempotencyKey(), Touch.Status.UNCERTAIN, server.clock.instant());
    store
        .touches()
        .finishTouch(inmail.idempotencyKey(), Touch.Status.UNCERTAIN, server.clock.instant());

    String before = page("/today").body();
    HttpResponse<String> sent = confirm(request, "sent");
    HttpResponse<String> notSent = confirm(inmail, "not-sent");
    HttpResponse<String> again = confirm(request, "not-sent");
    String after = page(sent.headers().firstValue("Location").orElseThrow()).body();

    assertThat(before)
        .contains("Sent or not? Please confirm")
        .contains("/today/uncertain/" + request.id() + "/sent")
        .contains("/today/uncertain/" + inmail.id() + "/not-sent")
        .contains("Ana Silva");
    assertThat(sent.headers().firstValue("Location").orElseThrow())
        .isEqualTo("/today?task=" + request.id() + "&outcome=confirmed-sent");
    assertThat(notSent.headers().firstValue("Location").orElseThrow())
        .endsWith("outcome=confirmed-not-sent");
    assertThat(again.headers().firstValue("Location").orElseThrow())
        .endsWith("outcome=not-uncertain");
    assertThat(store.touches().touch(request.id()).orElseThrow().status())
        .isEqualTo(Touch.Status.DONE);
    assertThat(store.touches().touch(inmail.id()).orElseThrow().status())
        .isEqualTo(Touch.Status.FAILED);
    assertThat(after)
        .contains("touch #" + request.id() + " is confirmed sent")
        .doesNotContain("Sent or not? Please confirm");
  }

  private HttpResponse<String> confirm(Touch touch, String answer) {
    HttpResponse<String> posted =
        server.post(
            "/today/uncertain/" + touch.id() + "/" + answer,
            "application/x-www-form-urlencoded",
            "_csrf=" + URLEncoder.encode(login.csrf(), StandardCharsets.UTF_8),
            "Cookie",
            login.cookie());
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);
    return posted;
  }

  @Test
  void withNothingDueTodayItSaysWhenTheNextTaskIsDueAndLinksToCampaigns() {
    String empty = page("/today").body();
    assertThat(empty).contains("Nothing is due today").contains("href=\"/campaigns\"");

    PlannedTouches.plant(
        store,
        aProspect().build(),
        Channel.ENGAGE,
        null,
        ServerFixture.START.plus(Duration.ofDays(1)));

    assertThat(page("/today").body())
        .contains("Nothing is due today")
        .contains("The next task is due Tue 3 Mar, 09:00 (UTC)");
  }

  @Test
  void listsTheOldestFiftyAndCountsTheRest() {
    for (int i = 0; i < 53; i++) {
      PlannedTouches.plant(
          store,
          aProspect().named("P" + i, "Person").at("https://www.linkedin.com/in/p-" + i).build(),
          Channel.CONNECT,
          null,
          server.clock.instant());
      server.clock.tick(Duration.ofSeconds(1));
    }

    String html = page("/today").body();

    assertThat(html.split("<li id=\"task-", -1)).hasSize(51);
    assertThat(html).contains(">P0 Person</a>").doesNotContain(">P50 Person</a>");
    assertThat(html).contains("3 more tasks are due today");
    assertThat(html).contains("<span id=\"left-total\">53</span>");
  }
}
