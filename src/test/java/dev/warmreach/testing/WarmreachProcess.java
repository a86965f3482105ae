package dev.warmreach.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.cli.WarmreachCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs Warmreach on a home folder as a user would: a command in this JVM, or the program in a JVM
 * of its own that a test can stop with SIGTERM or kill with SIGKILL.
 */
public final class WarmreachProcess {

  private WarmreachProcess() {}

  /** Runs one command on {@code home} in this JVM; it must succeed. */
  public static void cli(Path home, String... args) {
    List<String> all = new ArrayList<>(List.of("--home", home.toString()));
    all.addAll(List.of(args));
    StringWriter err = new StringWriter();
    int code =
        WarmreachCli.run(
            all.toArray(String[]::new),
            Map.of(),
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertThat(code).as("warmreach %s: %s", String.join(" ", args), err).isZero();
  }

  /** Starts the program on {@code home} in a JVM of its own, its output going to {@code output}. */
  public static Process start(Path home, Path output, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-XX:+UseSerialGC",
            "-cp",
            System.getProperty("java.class.path"),
            "dev.warmreach.cli.Main",
            "--home",
            home.toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(output.toFile())
        .start();
  }
}
