package dev.warmreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every README example marked {@code <!-- readme-test -->}: in the code block after the
 * marker, each {@code $ bin/warmreach …} line (optionally fed by {@code echo "…" |}) is run through
 * the real command line, in a fresh home folder per block, and what it prints must be the lines
 * shown under it.
 */
class ReadmeExamplesTest {

  private static final Path README = Path.of("README.md");
  private static final Pattern BLOCK =
      Pattern.compile("<!-- readme-test -->\\s*\\n```[a-z]*\\n(.*?)\\n```", Pattern.DOTALL);
  private static final Pattern COMMAND =
      Pattern.compile("^(?:echo \"((?:[^\"\\\\]|\\\\.)*)\" \\| )?bin/warmreach (.*)$");

  @TempDir Path homes;

  record Example(String command, String shown) {}

  static List<List<Example>> blocks(String readme) {
    List<List<Example>> blocks = new ArrayList<>();
    Matcher m = BLOCK.matcher(readme);
    while (m.find()) {
      List<Example> examples = new ArrayList<>();
      String command = null;
      StringBuilder shown = new StringBuilder();
      for (String line : m.group(1).split("\n", -1)) {
        if (line.startsWith("$ ")) {
          if (command != null) {
            examples.add(new Example(command, shown.toString()));
          }
          command = line.substring(2);
          shown.setLength(0);
        } else {
          shown.append(line).append('\n');
        }
      }
      if (command != null) {
        examples.add(new Example(command, shown.toString()));
      }
      blocks.add(examples);
    }
    return blocks;
  }

  @TestFactory
  Stream<DynamicTest> everyMarkedExamplePrintsWhatTheReadmeShows() throws IOException {
    List<List<Example>> blocks = blocks(Files.readString(README));
    assertThat(blocks).as("README examples marked <!-- readme-test -->").hasSizeGreaterThan(1);
    List<DynamicTest> tests = new ArrayList<>();
    for (int b = 0; b < blocks.size(); b++) {
      Path home = homes.resolve("block-" + b);
      for (Example example : blocks.get(b)) {
        tests.add(DynamicTest.dynamicTest(example.command(), () -> check(example, home)));
      }
    }
    return tests.stream();
  }

  private static void check(Example example, Path home) {
    Matcher m = COMMAND.matcher(example.command());
    assertThat(m.matches()).as("a command this test can run: " + example.command()).isTrue();
    String stdin = m.group(1) == null ? "" : m.group(1).replace("\\\"", "\"");
    List<String> args = new ArrayList<>(List.of("--home", home.toString()));
    args.addAll(words(m.group(2)));
    InputStream before = System.in;
    CliRun run;
    try {
      System.setIn(new ByteArrayInputStream((stdin + "\n").getBytes(StandardCharsets.UTF_8)));
      run = CliRun.run(java.util.Map.of(), args.toArray(String[]::new));
    } finally {
      System.setIn(before);
    }
    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.out.replace("\r\n", "\n").stripTrailing())
        .as(example.command())
        .isEqualTo(example.shown().stripTrailing());
  }

  /** Splits arguments as a shell would for plain words and double-quoted strings. */
  static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
        any = true;
      } else if (c == '\\' && quoted && i + 1 < line.length()) {
        word.append(line.charAt(++i));
      } else if (c == ' ' && !quoted) {
        if (any) {
          words.add(word.toString());
          word.setLength(0);
          any = false;
        }
      } else {
        word.append(c);
        any = true;
      }
    }
    if (any) {
      words.add(word.toString());
    }
    return words;
  }

  @Test
  void aReadmeExampleThatPrintsSomethingElseIsCaught() {
    Example wrong =
        new Example("bin/warmreach dnc add @competitor.example", "Something else entirely\n");

    assertThat(blocks("<!-- readme-test -->\n```console\n$ bin/warmreach dnc list\nx\n```"))
        .containsExactly(List.of(new Example("bin/warmreach dnc list", "x\n")));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> check(wrong, homes.resolve("wrong")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Added to the do-not-contact list");
  }
}
