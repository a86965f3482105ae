package dev.warmreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LintCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String GOOD_NOTE =
      "Hi Priya, your post on onboarding SDRs remotely was the most practical thing I've read on it"
          + " this year. Would like to follow your writing.";

  @TempDir Path dir;

  private Path file(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private static CliRun lint(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "lint";
    System.arraycopy(args, 0, all, 1, args.length);
    return CliRun.run(Map.of(), all);
  }

  @ParameterizedTest
  @ValueSource(strings = {"note", "dm", "inmail", "email"})
  void theExampleMessagesAreGoodAndBadAsTheirNamesSay(String channel) throws Exception {
    Path examples = Path.of("examples/messages");

    JsonNode good =
        JSON.readTree(
            lint("--json", "--channel", channel, examples.resolve(channel + "-good.txt").toString())
                .out);
    CliRun badRun =
        lint("--json", "--channel", channel, examples.resolve(channel + "-bad.txt").toString());
    JsonNode bad = JSON.readTree(badRun.out);

    assertThat(good.get("score").asInt()).isEqualTo(100);
    assertThat(good.get("errors")).isEmpty();
    assertThat(good.get("warnings")).isEmpty();
    assertThat(bad.get("score").asInt()).isLessThan(60);
    assertThat(bad.get("warnings").findValuesAsText("rule")).contains("personalisation.missing");
    if (channel.equals("note") || channel.equals("email")) {
      assertThat(bad.get("errors")).isNotEmpty();
      assertThat(badRun.exitCode).isEqualTo(1);
    }
  }

  @Test
  void explainsItselfWithHelp() {
    CliRun run = lint("--help");

    assertThat(run.exitCode).isZero();
    assertThat(run.out).startsWith("Usage: warmreach lint").contains("--channel", "--subject", "-");
  }

  @Test
  void aGoodNoteIsReadyToSendAndExitsZero() throws Exception {
    CliRun run = lint("--channel", "note", file("note.txt", GOOD_NOTE).toString());

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.out).contains("Note: score 100/100").contains("No findings");
  }

  @Test
  void printsTheJsonShapeToolsRelyOn() throws Exception {
    Path note = file("note.txt", "Hi John, I'd like to add you to my professional network.");

    CliRun run = lint("--channel", "note", note.toString(), "--json");

    assertThat(run.exitCode).as(run.toString()).isZero();
    JsonNode json = JSON.readTree(run.out);
    assertThat(json.get("score").asInt()).isBetween(0, 100);
    assertThat(json.get("errors").isArray()).isTrue();
    assertThat(json.get("errors")).isEmpty();
    assertThat(json.get("warnings").findValuesAsText("rule"))
        .containsExactlyInAnyOrder("note.generic-phrase", "personalisation.missing");
    assertThat(json.get("warnings").get(0).get("message").asText()).isNotBlank();
    assertThat(json.get("warnings").get(0).get("fix").asText()).isNotBlank();
  }

  @Test
  void exitsOneWhenAHardLimitIsBroken() throws Exception {
    Path note = file("long.txt", "Hi Priya, your post on onboarding was great. " + "a".repeat(280));

    CliRun text = lint("--channel", "note", note.toString());
    CliRun json = lint("--json", "--channel", "note", note.toString());

    assertThat(text.exitCode).isEqualTo(1);
    assertThat(text.out).contains("ERROR").contains("note.too-long").contains("fix:");
    assertThat(json.exitCode).isEqualTo(1);
    assertThat(JSON.readTree(json.out).get("errors").findValuesAsText("rule"))
        .containsExactly("note.too-long");
  }

  @Test
  void holdsAFreeAccountsNoteTo200Characters() throws Exception {
    Path note = file("note.txt", GOOD_NOTE + " " + "Thanks again for sharing it.".repeat(3));

    assertThat(lint("--channel", "note", note.toString()).exitCode).isZero();
    assertThat(lint("--channel", "note", "--plan", "FREE", note.toString()).exitCode).isEqualTo(1);
  }

  @Test
  void readsStandardInputForADash() {
    InputStream stdin = System.in;
    try {
      System.setIn(new ByteArrayInputStream(GOOD_NOTE.getBytes(StandardCharsets.UTF_8)));

      CliRun run = lint("--channel", "note", "-", "--json");

      assertThat(run.exitCode).as(run.toString()).isZero();
      assertThat(run.out).contains("\"score\" : 100");
    } finally {
      System.setIn(stdin);
    }
  }

  @Test
  void takesTheInmailSubjectFromTheFileOrTheOption() throws Exception {
    String body =
        "Hi Ana, congrats on the Series B. Would a two-page ramp plan for new hires be useful?";
    Path withHeader = file("inmail.txt", "Quick question\n---\n" + body);
    Path bodyOnly = file("body.txt", body);

    CliRun fromFile = lint("--channel", "inmail", withHeader.toString(), "--json");
    CliRun fromOption =
        lint("--channel", "inmail", "--subject", "Northwind's Series B", bodyOnly.toString());
    CliRun none = lint("--channel", "inmail", bodyOnly.toString(), "--json");

    assertThat(JSON.readTree(fromFile.out).get("warnings").findValuesAsText("rule"))
        .containsExactly("subject.cliche");
    assertThat(fromOption.out).contains("No findings");
    assertThat(JSON.readTree(none.out).get("warnings").findValuesAsText("rule"))
        .containsExactly("subject.missing");
  }

  @Test
  void aMissingFileIsOneLineNamingIt() {
    CliRun run = lint("--channel", "dm", dir.resolve("nope.txt").toString());

    assertThat(run.exitCode).isEqualTo(1);
    assertThat(run.err.strip())
        .startsWith("warmreach: '")
        .contains("nope.txt' does not exist")
        .doesNotContain("\n");
  }

  @Test
  void refusesASubjectForANoteAndTextThatIsNotUtf8() throws Exception {
    Path latin1 = Files.write(dir.resolve("latin1.txt"), new byte[] {'H', 'i', ' ', (byte) 0xE9});

    CliRun subject = lint("--channel", "note", "--subject", "Hello", latin1.toString());
    CliRun encoding = lint("--channel", "dm", latin1.toString());

    assertThat(subject.exitCode).isEqualTo(1);
    assertThat(subject.err).contains("--subject is for --channel inmail or email");
    assertThat(encoding.exitCode).isEqualTo(1);
    assertThat(encoding.err).contains("not UTF-8");
  }

  @Test
  void anUnknownChannelIsACommandLineMistake() {
    CliRun run = lint("--channel", "fax", "-");

    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.err).contains("--channel");
  }
}
