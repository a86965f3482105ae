package dev.warmreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code warmreach serve} as a real process: it serves, offers the setup link, stops on SIGTERM.
 */
class ServeProcessTest {

  private static final Pattern SERVING = Pattern.compile("Serving (http://127\\.0\\.0\\.1:\\d+)");

  @TempDir Path home;

  private static Matcher waitFor(Path log, Pattern pattern) throws Exception {
    for (int i = 0; i < 600; i++) {
      Matcher found = pattern.matcher(Files.exists(log) ? Files.readString(log) : "");
      if (found.find()) {
        return found;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no " + pattern + " in " + Files.readString(log));
  }

  @Test
  void servesUntilSigtermThenStopsInOrderAndExits() throws Exception {
    // To a file: reading a pipe while the process exits can lose its last lines.
    Path log = home.resolve("serve.log");
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.warmreach.cli.Main",
                "--home",
                home.toString(),
                "serve",
                "--port",
                "0")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      String url = waitFor(log, SERVING).group(1);
      waitFor(log, Pattern.compile("/setup\\?token="));
      HttpResponse<String> health =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(url + "/health")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);

      process.destroy(); // SIGTERM

      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(Files.readString(log))
          .contains("No users yet. Create the first admin")
          .contains("Stopping: finishing requests in flight")
          .contains("Stopped.");
    } finally {
      process.destroyForcibly();
    }
  }
}
