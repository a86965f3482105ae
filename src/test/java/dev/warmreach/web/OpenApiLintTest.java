package dev.warmreach.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document as two linters this project did not write see it: spectral (spectral:oas)
 * and redocly, pinned in tools/openapi-lint and run by bench/openapi-lint.sh. Both must report no
 * error. Without node and npm the test is skipped with a message, except in CI where it fails.
 */
class OpenApiLintTest {

  private static final Path DOCUMENT = Path.of("src/main/resources/openapi.json");

  /** What bench/openapi-lint.sh printed and how it ended. */
  record Lint(int exit, String output) {}

  @BeforeAll
  static void needsNode() {
    if (!runs("node", "--version") || !runs("npm", "--version")) {
      String how =
          "node and npm are needed to lint the OpenAPI document (apt-get install nodejs npm);"
              + " skipped";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("In CI the OpenAPI linters must run: " + how);
      }
      Assumptions.abort(how);
    }
  }

  private static boolean runs(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static Lint lint(Path document) throws Exception {
    Process process =
        new ProcessBuilder("bash", "bench/openapi-lint.sh", document.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("linters finished").isTrue();
    System.out.println(output);
    return new Lint(process.exitValue(), output);
  }

  @Test
  void spectralAndRedoclyReportNoErrorInTheDocument() throws Exception {
    Lint lint = lint(DOCUMENT);

    assertThat(lint.output())
        .containsPattern("spectral [0-9.]+ \\(spectral:oas\\): 0 errors,")
        .containsPattern("redocly [0-9.]+ \\(recommended\\): 0 errors,");
    assertThat(lint.exit()).as(lint.output()).isZero();
  }

  @Test
  void theLintersCountTheErrorsOfABrokenDocument(@TempDir Path dir) throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode broken = (ObjectNode) json.readTree(Files.readString(DOCUMENT));
    // the defect spectral found before: an array without items
    ((ObjectNode) broken.at("/components/schemas/Page/properties/items")).remove("items");
    // and an operation answering a response that does not exist
    ((ObjectNode) broken.at("/paths/~1health/get/responses"))
        .putObject("418")
        .put("$ref", "#/components/responses/Teapot");
    Path copy = dir.resolve("broken.json");
    Files.writeString(copy, json.writeValueAsString(broken));

    Lint lint = lint(copy);

    assertThat(lint.output())
        .containsPattern("spectral [0-9.]+ \\(spectral:oas\\): [1-9][0-9]* errors,")
        .containsPattern("redocly [0-9.]+ \\(recommended\\): [1-9][0-9]* errors,")
        .contains("array-items");
    assertThat(lint.exit()).isEqualTo(1);
  }
}
