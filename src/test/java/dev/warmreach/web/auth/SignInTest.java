package dev.warmreach.web.auth;

import static dev.warmreach.web.ProblemAssert.assertThatProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.domain.Role;
import dev.warmreach.web.ServerFixture;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sessions, CSRF, API tokens, roles and the first admin's link, over real HTTP on SQLite. */
class SignInTest {

  @TempDir Path home;
  private ServerFixture server;

  @BeforeEach
  void start() {
    server = ServerFixture.start(home);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void signingInSetsAnHttpOnlySameSiteCookieWhoseIdIsStoredOnlyAsAHash() {
    server.addUser("ana@example.com", Role.MEMBER);

    HttpResponse<String> response =
        server.post(
            "/login",
            "application/json",
            "{\"email\": \"Ana@Example.com\", \"password\": \"" + ServerFixture.PASSWORD + "\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie)
        .startsWith("warmreach_session=")
        .contains("HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=43200")
        .doesNotContain("Secure");
    String id = cookie.substring("warmreach_session=".length(), cookie.indexOf(';'));
    assertThat(id).hasSize(43); // 256 bits in URL-safe base64
    assertThat(
            server.count(
                "SELECT count(*) FROM sessions WHERE id_hash = '" + Secrets.hash(id) + "'"))
        .isEqualTo(1);
    assertThat(server.count("SELECT count(*) FROM sessions WHERE id_hash = '" + id + "'")).isZero();
    assertThat(ServerFixture.json(response).get("csrfToken").asText()).isNotBlank();
  }

  @Test
  void theCookieIsSecureWhenServedBehindHttps(@TempDir Path other) {
    try (ServerFixture secure = ServerFixture.start(other, s -> s.withSecureCookies(true))) {
      secure.addUser("ana@example.com", Role.MEMBER);
      HttpResponse<String> response =
          secure.post(
              "/login",
              "application/json",
              "{\"email\": \"ana@example.com\", \"password\": \"" + ServerFixture.PASSWORD + "\"}");

      assertThat(response.headers().firstValue("Set-Cookie").orElseThrow()).contains("; Secure");
    }
  }

  @Test
  void fiveWrongPasswordsInAQuarterOfAnHourHoldTheEmailBackForAWhile() {
    server.addUser("ana@example.com", Role.MEMBER);
    String wrong = "{\"email\": \"ana@example.com\", \"password\": \"not the one at all\"}";
    String right =
        "{\"email\": \"ANA@example.com\", \"password\": \"" + ServerFixture.PASSWORD + "\"}";

    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < SignInThrottle.MAX_FAILURES; i++) {
      statuses.add(server.post("/login", "application/json", wrong).statusCode());
    }
    HttpResponse<String> held = server.post("/login", "application/json", right);
    server.clock.tick(SignInThrottle.WINDOW);
    HttpResponse<String> later = server.post("/login", "application/json", right);

    assertThat(statuses).containsOnly(401);
    assertThat(held.statusCode()).isEqualTo(429);
    assertThat(held.headers().firstValue("Retry-After")).isPresent();
    assertThat(held.body()).contains("too many wrong passwords").contains("15 minutes");
    assertThat(later.statusCode()).as(later.body()).isEqualTo(200);
  }

  @Test
  void aWrongPasswordOrUnknownEmailIsTheSame401() {
    server.addUser("ana@example.com", Role.MEMBER);

    HttpResponse<String> wrongPassword =
        server.post(
            "/login",
            "application/json",
            "{\"email\": \"ana@example.com\", \"password\": \"nope nope nope\"}");
    HttpResponse<String> unknown =
        server.post(
            "/login",
            "application/json",
            "{\"email\": \"bo@example.com\", \"password\": \"" + ServerFixture.PASSWORD + "\"}");

    assertThatProblem(wrongPassword)
        .hasStatus(401)
        .detailContains("email or the password is wrong");
    assertThat(unknown.body()).isEqualTo(wrongPassword.body());
    assertThat(wrongPassword.headers().firstValue("Set-Cookie")).isEmpty();
  }

  @Test
  void aFormSignInRedirectsWithTheCookie() {
    server.addUser("ana@example.com", Role.MEMBER);

    HttpResponse<String> response =
        server.post(
            "/login",
            "application/x-www-form-urlencoded",
            "email=ana%40example.com&password=correct+horse+battery+staple");

    assertThat(response.statusCode()).isEqualTo(303);
    assertThat(response.headers().firstValue("Location")).hasValue("/today");
    assertThat(response.headers().firstValue("Set-Cookie").orElseThrow()).contains("HttpOnly");
    assertThat(server.get("/login").body()).contains("<form method=\"post\" action=\"/login\">");
  }

  @Test
  void aSignInPostedFromAnotherSiteIsRefused() {
    server.addUser("ana@example.com", Role.MEMBER);
    String form = "email=ana%40example.com&password=correct+horse+battery+staple";
    String ownOrigin = server.server.baseUrl();

    HttpResponse<String> foreign =
        server.post(
            "/login", "application/x-www-form-urlencoded", form, "Origin", "https://evil.example");
    HttpResponse<String> own =
        server.post("/login", "application/x-www-form-urlencoded", form, "Origin", ownOrigin);

    assertThatProblem(foreign).hasStatus(403).detailContains("https://evil.example");
    assertThat(foreign.headers().firstValue("Set-Cookie")).isEmpty();
    assertThat(own.statusCode()).isEqualTo(303);
  }

  @Test
  void aCookieAuthenticatedChangeNeedsTheSessionsCsrfToken() {
    server.addUser("ana@example.com", Role.MEMBER);
    ServerFixture.Login login = server.login("ana@example.com");

    HttpResponse<String> without =
        server.post("/api/tokens", "application/json", "{}", "Cookie", login.cookie());
    HttpResponse<String> wrong =
        server.post(
            "/api/tokens", "application/json", "{}", "Cookie", login.cookie(), "X-CSRF-Token", "x");
    HttpResponse<String> right =
        server.post("/api/tokens", "application/json", "{}", login.headers());
    HttpResponse<String> aRead = server.get("/api/session", "Cookie", login.cookie());

    assertThatProblem(without).hasStatus(403).detailContains("CSRF");
    assertThatProblem(wrong).hasStatus(403);
    assertThat(right.statusCode()).isEqualTo(201);
    assertThat(aRead.statusCode()).isEqualTo(200);
    assertThat(ServerFixture.json(aRead).get("csrfToken").asText()).isEqualTo(login.csrf());
  }

  @Test
  void signingOutEndsTheSession() {
    server.addUser("ana@example.com", Role.MEMBER);
    ServerFixture.Login login = server.login("ana@example.com");

    HttpResponse<String> out = server.post("/logout", null, null, login.headers());

    assertThat(out.statusCode()).isEqualTo(204);
    assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
    assertThatProblem(server.get("/api/session", "Cookie", login.cookie())).hasStatus(401);
    assertThat(server.count("SELECT count(*) FROM sessions")).isZero();
  }

  @Test
  void aSessionExpiresAfterTwelveHours() {
    server.addUser("ana@example.com", Role.MEMBER);
    ServerFixture.Login login = server.login("ana@example.com");

    server.clock.tick(Duration.ofHours(12).minusSeconds(1));
    assertThat(server.get("/api/session", "Cookie", login.cookie()).statusCode()).isEqualTo(200);
    server.clock.tick(Duration.ofSeconds(1));
    assertThatProblem(server.get("/api/session", "Cookie", login.cookie())).hasStatus(401);
  }

  @Test
  void anApiTokenIsShownOnceWorksAsBearerWithoutCsrfAndCanBeRevoked() {
    server.addUser("ana@example.com", Role.MEMBER);
    ServerFixture.Login login = server.login("ana@example.com");
    HttpResponse<String> created =
        server.post("/api/tokens", "application/json", "{\"name\": \"zapier\"}", login.headers());
    String token = ServerFixture.json(created).get("token").asText();
    long id = ServerFixture.json(created).get("id").asLong();

    assertThat(token).startsWith("wr_");
    assertThat(
            server.count(
                "SELECT count(*) FROM api_tokens WHERE token_hash = '" + Secrets.hash(token) + "'"))
        .isEqualTo(1);
    HttpResponse<String> listed = server.get("/api/tokens", "Authorization", "Bearer " + token);
    assertThat(listed.statusCode()).isEqualTo(200);
    assertThat(listed.body()).contains("zapier").doesNotContain(token);
    assertThat(
            server
                .post("/api/tokens", "application/json", "{}", "Authorization", "Bearer " + token)
                .statusCode())
        .as("no CSRF token needed with a bearer token")
        .isEqualTo(201);

    HttpResponse<String> revoked =
        server.send("DELETE", "/api/tokens/" + id, null, null, login.headers());

    assertThat(revoked.statusCode()).isEqualTo(204);
    assertThatProblem(server.get("/api/session", "Authorization", "Bearer " + token))
        .hasStatus(401);
    assertThatProblem(server.send("DELETE", "/api/tokens/" + id, null, null, login.headers()))
        .hasStatus(404);
  }

  @Test
  void aTokenRevokedByAnotherNodeStopsWorkingWithinTheTokenMemory() {
    server.addUser("ana@example.com", Role.MEMBER);
    String[] bearer = server.bearer(server.login("ana@example.com"));
    assertThat(server.get("/api/session", bearer).statusCode()).isEqualTo(200);

    // Another node sharing the database revokes it: this one does not hear of it.
    long id = server.count("SELECT max(id) FROM api_tokens");
    server.app.users().revokeToken(id, null, server.clock.instant());
    server.clock.tick(Authentication.TOKEN_MEMORY);

    assertThatProblem(server.get("/api/session", bearer)).hasStatus(401);
  }

  @Test
  void aMemberCannotRevokeAnotherUsersToken() {
    server.addUser("ana@example.com", Role.MEMBER);
    server.addUser("bo@example.com", Role.MEMBER);
    ServerFixture.Login ana = server.login("ana@example.com");
    ServerFixture.Login bo = server.login("bo@example.com");
    long anasToken =
        ServerFixture.json(server.post("/api/tokens", "application/json", "{}", ana.headers()))
            .get("id")
            .asLong();

    assertThatProblem(server.send("DELETE", "/api/tokens/" + anasToken, null, null, bo.headers()))
        .hasStatus(404);
  }

  @Test
  void membersCannotManageUsersAdminsCan() {
    server.addUser("admin@example.com", Role.ADMIN);
    server.addUser("ana@example.com", Role.MEMBER);
    ServerFixture.Login admin = server.login("admin@example.com");
    ServerFixture.Login member = server.login("ana@example.com");
    String newUser =
        "{\"email\": \"bo@example.com\", \"password\": \""
            + ServerFixture.PASSWORD
            + "\", \"role\": \"member\"}";

    assertThatProblem(server.get("/api/users", "Cookie", member.cookie())).hasStatus(403);
    assertThatProblem(server.post("/api/users", "application/json", newUser, member.headers()))
        .hasStatus(403);
    HttpResponse<String> added =
        server.post("/api/users", "application/json", newUser, admin.headers());
    assertThat(added.statusCode()).isEqualTo(201);
    assertThatProblem(server.post("/api/users", "application/json", newUser, admin.headers()))
        .hasStatus(409);
    assertThat(server.get("/api/users", "Cookie", admin.cookie()).body())
        .contains("bo@example.com");
  }

  @Test
  void aShortPasswordIsRefusedNamingTheField() {
    server.addUser("admin@example.com", Role.ADMIN);
    ServerFixture.Login admin = server.login("admin@example.com");

    HttpResponse<String> response =
        server.post(
            "/api/users",
            "application/json",
            "{\"email\": \"not-an-email\", \"password\": \"short\", \"role\": \"boss\"}",
            admin.headers());

    assertThatProblem(response).hasStatus(422).namesFields("email", "password", "role");
    assertThat(response.body()).contains("at least 12");
    assertThat(server.count("SELECT count(*) FROM users")).isEqualTo(1);
  }

  @Test
  void theSetupLinkCreatesTheFirstAdminOnceAndExpires() {
    String token = FirstAdmin.issueIfNoUsers(server.app.users(), server.clock).orElseThrow();
    String body =
        "{\"token\": \""
            + token
            + "\", \"email\": \"root@example.com\", \"password\": \""
            + ServerFixture.PASSWORD
            + "\"}";

    assertThat(server.get("/setup?token=" + token).body()).contains("name=\"token\"");
    HttpResponse<String> created = server.post("/setup", "application/json", body);
    HttpResponse<String> again = server.post("/setup", "application/json", body);

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(ServerFixture.json(created).get("role").asText()).isEqualTo("admin");
    assertThatProblem(again).hasStatus(404).detailContains("used or expired");
    assertThat(FirstAdmin.issueIfNoUsers(server.app.users(), server.clock)).isEmpty();
    assertThat(server.login("root@example.com").csrf()).isNotBlank();
  }

  @Test
  void anExpiredSetupLinkCreatesNobody() {
    String token = FirstAdmin.issueIfNoUsers(server.app.users(), server.clock).orElseThrow();
    server.clock.tick(FirstAdmin.LIFETIME);

    assertThatProblem(server.get("/setup?token=" + token)).hasStatus(404);
    assertThatProblem(
            server.post(
                "/setup",
                "application/json",
                "{\"token\": \""
                    + token
                    + "\", \"email\": \"root@example.com\", \"password\": \""
                    + ServerFixture.PASSWORD
                    + "\"}"))
        .hasStatus(404);
    assertThat(server.count("SELECT count(*) FROM users")).isZero();
  }
}
