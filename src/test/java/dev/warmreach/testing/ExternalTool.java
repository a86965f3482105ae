package dev.warmreach.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A program that a test runs as its users would (node, promtool …): found on the PATH, or the test
 * is skipped with a message saying how to install it, except in CI ({@code CI=true}), where it must
 * be there and the test fails instead.
 */
public final class ExternalTool {

  private ExternalTool() {}

  /** The program's path on the PATH, or the calling test skipped (failed in CI). */
  public static Path require(String name, String install) {
    Optional<Path> found = find(name);
    if (found.isEmpty()) {
      missing(name + " is not on the PATH: " + install);
    }
    return found.get();
  }

  /** Skips the calling test with {@code message}, or fails it in CI. */
  public static void missing(String message) {
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      Assertions.fail("CI must run this test, but " + message);
    }
    Assumptions.abort("Skipped: " + message);
  }

  private static Optional<Path> find(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
