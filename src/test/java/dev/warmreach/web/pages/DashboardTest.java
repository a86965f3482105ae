package dev.warmreach.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.domain.Role;
import dev.warmreach.web.ServerFixture;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's frame over real HTTP: signing in, every section, assets, security headers. */
class DashboardTest {

  @TempDir Path home;
  private ServerFixture server;

  @BeforeEach
  void start() {
    server = ServerFixture.start(home);
    server.addUser("ana@example.com", Role.ADMIN);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aBrowserWithoutASessionIsSentToSignInAndBack() {
    HttpResponse<String> page = server.get("/campaigns?status=ACTIVE", "Accept", "text/html");

    assertThat(page.statusCode()).isEqualTo(303);
    assertThat(page.headers().firstValue("Location"))
        .hasValue("/login?next=%2Fcampaigns%3Fstatus%3DACTIVE");

    HttpResponse<String> signedIn =
        server.post(
            "/login",
            "application/x-www-form-urlencoded",
            "email=ana%40example.com&password=correct+horse+battery+staple"
                + "&next=%2Fcampaigns%3Fstatus%3DACTIVE");
    assertThat(signedIn.headers().firstValue("Location")).hasValue("/campaigns?status=ACTIVE");
  }

  @Test
  void aWrongPasswordComesBackToTheFormWithTheReason() {
    HttpResponse<String> refused =
        server.post(
            "/login",
            "application/x-www-form-urlencoded",
            "email=ana%40example.com&password=wrong+password+here&next=%2Fanalytics");

    assertThat(refused.statusCode()).isEqualTo(303);
    String location = refused.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith("/login?problem=").contains("next=%2Fanalytics");

    HttpResponse<String> form = server.get(location);
    assertThat(form.body())
        .contains("role=\"alert\"")
        .contains("the email or the password is wrong")
        .contains("value=\"ana@example.com\"")
        .contains("value=\"/analytics\"");
  }

  @Test
  void aSignInLinkNeverLeadsToAnotherSite() {
    for (String next : new String[] {"https://evil.example/", "//evil.example", "/\\evil"}) {
      HttpResponse<String> signedIn =
          server.post(
              "/login",
              "application/x-www-form-urlencoded",
              "email=ana%40example.com&password=correct+horse+battery+staple&next="
                  + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8));
      assertThat(signedIn.headers().firstValue("Location")).as(next).hasValue("/today");
    }
  }

  @Test
  void everySectionRendersWithItsNavigationMarkedAndAStrictContentSecurityPolicy() {
    ServerFixture.Login login = server.login("ana@example.com");
    for (Chrome.Section section : Chrome.Section.values()) {
      HttpResponse<String> page = server.get(section.path(), "Cookie", login.cookie());

      assertThat(page.statusCode()).as(section.path()).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
      assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
          .contains("script-src 'self'")
          .doesNotContain("unsafe");
      assertThat(page.body())
          .contains("<title>" + section.label())
          .contains(
              "<a href=\""
                  + section.path()
                  + "\" aria-current=\"page\">"
                  + section.label()
                  + "</a>")
          .contains(login.csrf())
          .doesNotContain("<script>")
          .doesNotContain(" style=\"");
    }
  }

  @Test
  void theScriptsAndStylesComeFromThisServer() {
    ServerFixture.Login login = server.login("ana@example.com");
    String page = server.get("/today", "Cookie", login.cookie()).body();
    Assets assets = Assets.fromWebjars();

    for (String asset :
        new String[] {
          "/assets/warmreach.css", "/assets/warmreach.js", assets.htmx(), assets.chartJs()
        }) {
      assertThat(page).contains(asset);
      HttpResponse<String> served = server.get(asset);
      assertThat(served.statusCode()).as(asset).isEqualTo(200);
      assertThat(served.body()).as(asset).isNotBlank();
    }
    assertThat(page).doesNotContain("https://");
  }

  @Test
  void signingOutFromThePageEndsTheSession() {
    ServerFixture.Login login = server.login("ana@example.com");

    HttpResponse<String> out =
        server.post(
            "/logout",
            "application/x-www-form-urlencoded",
            "_csrf=" + login.csrf(),
            "Cookie",
            login.cookie());

    assertThat(out.statusCode()).isEqualTo(303);
    assertThat(out.headers().firstValue("Location")).hasValue("/login");
    assertThat(server.get("/today", "Cookie", login.cookie(), "Accept", "text/html").statusCode())
        .isEqualTo(303);
  }
}
