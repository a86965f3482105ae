package dev.warmreach.web;

import static dev.warmreach.web.ProblemAssert.assertThatProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paths that try to leave the static folders get a plain 404 and leave nothing in the log. */
class PathTricksTest {

  @TempDir Path home;
  private ServerFixture server;
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private PrintStream stderr;

  @BeforeEach
  void start() {
    server = ServerFixture.start(home);
    stderr = System.err;
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void stop() {
    System.setErr(stderr);
    server.close();
  }

  @Test
  void pathsOutOfTheAssetsAnswer404WithoutAStackTrace() {
    for (String path :
        new String[] {
          "/assets/../x",
          "/assets/../../warmreach.db",
          "/assets/%2e%2e/x",
          "/assets/%2e%2e%2fx",
          "/assets/..%2fwarmreach.db",
          "/assets/..%5cx",
          "/assets/%252e%252e/x",
          "/webjars/../x",
          "/webjars/%2e%2e/%2e%2e/x",
          "/assets/x%00.css",
          "/assets//etc/passwd"
        }) {
      HttpResponse<String> response = server.get(path);

      assertThat(response.statusCode()).as(path + " → " + response.body()).isIn(400, 404);
      assertThat(response.body()).as(path).doesNotContain("Exception").doesNotContain("at org.");
    }
    String logged = log.toString(StandardCharsets.UTF_8);
    assertThat(logged).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void aPathOutOfTheAssetsIsAProblem() {
    assertThatProblem(server.get("/assets/../x")).hasStatus(404);
  }
}
