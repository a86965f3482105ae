package dev.warmreach.web.auth;

import static dev.warmreach.web.ProblemAssert.assertThatProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.domain.Role;
import dev.warmreach.web.ServerFixture;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guessing passwords against the real server over real HTTP: in parallel, with the address spelt
 * differently, across many addresses from one client.
 */
class SignInAttacksTest {

  private static final String VICTIM = "victim@example.com";

  @TempDir Path home;
  private ServerFixture server;

  @BeforeEach
  void start() {
    server = ServerFixture.start(home);
    server.addUser(VICTIM, Role.ADMIN);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aHundredParallelWrongPasswordsForOneEmailGetAtMostFiveChecked() {
    List<CompletableFuture<HttpResponse<String>>> attempts = new ArrayList<>();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    for (int i = 0; i < 100; i++) {
      attempts.add(
          http.sendAsync(
              signInRequest(VICTIM, "wrong password number " + i),
              HttpResponse.BodyHandlers.ofString()));
    }
    Map<Integer, Long> statuses =
        attempts.stream()
            .map(CompletableFuture::join)
            .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));

    assertThat(statuses.keySet()).as(statuses.toString()).containsAnyOf(401).isSubsetOf(401, 429);
    assertThat(statuses.get(401)).as(statuses.toString()).isLessThanOrEqualTo(5);
    assertThat(signIn(VICTIM, ServerFixture.PASSWORD).statusCode())
        .as("the right password, once the email is held back")
        .isEqualTo(429);
  }

  @Test
  void aLockedEmailStaysLockedHoweverItIsSpelt() {
    for (int i = 0; i < SignInThrottle.MAX_FAILURES; i++) {
      assertThat(signIn(VICTIM, "not the password " + i).statusCode()).isEqualTo(401);
    }

    for (String spelling :
        List.of(
            "mailto:victim@example.com",
            "MAILTO:Victim@Example.com",
            "  VICTIM@EXAMPLE.COM  ",
            "\tvictim@example.com\n")) {
      assertThatProblem(signIn(spelling, ServerFixture.PASSWORD))
          .hasStatus(429)
          .detailContains("too many wrong passwords");
      assertThat(signIn(spelling, "one more guess here").statusCode())
          .as("a guess with " + spelling)
          .isEqualTo(429);
    }
  }

  @Test
  void somethingThatIsNotAnEmailIsRefusedWithoutAGuess() {
    assertThatProblem(signIn("victim at example", ServerFixture.PASSWORD))
        .hasStatus(422)
        .namesFields("email")
        .detailContains("is not an email address");
  }

  @Test
  void oneClientAddressGetsAtMostTwentyWrongPasswordsWhateverTheEmails() {
    for (int i = 0; i < SignInThrottle.MAX_FAILURES_PER_CLIENT; i++) {
      assertThat(signIn("someone" + i + "@example.com", "a wrong password").statusCode())
          .isEqualTo(401);
    }

    assertThatProblem(signIn(VICTIM, ServerFixture.PASSWORD))
        .hasStatus(429)
        .detailContains("from this address");
    server.clock.tick(SignInThrottle.WINDOW);
    assertThat(signIn(VICTIM, ServerFixture.PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void theSignInPageShowsOnlyItsOwnProblems() {
    String attacker = "Your account is locked. Call +1 555 0100 to unlock it";

    String shown =
        server.get("/login?problem=" + URLEncoder.encode(attacker, StandardCharsets.UTF_8)).body();
    String known = server.get("/login?problem=wrong").body();

    assertThat(shown).doesNotContain("Call +1 555").doesNotContain("role=\"alert\"");
    assertThat(known).contains("role=\"alert\"").contains("the email or the password is wrong");
  }

  @Test
  void aFormSignInThatFailsComesBackWithACodeNotText() {
    HttpResponse<String> refused =
        server.post(
            "/login",
            "application/x-www-form-urlencoded",
            "email=victim%40example.com&password=wrong+password+here");

    assertThat(refused.headers().firstValue("Location").orElseThrow())
        .startsWith("/login?problem=wrong&");
  }

  private HttpResponse<String> signIn(String email, String password) {
    return server.post("/login", "application/json", body(email, password));
  }

  private HttpRequest signInRequest(String email, String password) {
    return HttpRequest.newBuilder(URI.create(server.server.baseUrl() + "/login"))
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body(email, password)))
        .build();
  }

  private static String body(String email, String password) {
    Function<String, String> quoted =
        s ->
            "\""
                + s.replace("\\", "\\\\")
                    .replace("\"", "\\\"")
                    .replace("\t", "\\t")
                    .replace("\n", "\\n")
                + "\"";
    return "{\"email\": " + quoted.apply(email) + ", \"password\": " + quoted.apply(password) + "}";
  }
}
