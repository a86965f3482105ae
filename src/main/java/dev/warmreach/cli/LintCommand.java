package dev.warmreach.cli;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Plan;
import dev.warmreach.domain.UserError;
import dev.warmreach.message.Finding;
import dev.warmreach.message.Review;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code warmreach lint}: the message coach's score and findings for one message (SPEC §6). */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Check a connection note, message, InMail or email before it is sent: LinkedIn's hard"
          + " limits (errors), and what costs replies (warnings, tips), with a score from 0 to 100.",
      "The text may be a template: {{firstName}}, {{company|your team}} and the other variables"
          + " are judged with typical values filled in.",
      "For InMail and email the subject comes from --subject, or from the file: a first line"
          + " followed by a line of ---, or a first line starting 'Subject:'."
    },
    footer = {
      "",
      "Exit status: 0 no errors (warnings may remain), 1 errors: a hard limit is broken or the"
          + " text cannot be sent as it is.",
      "",
      "Examples:",
      "  warmreach lint --channel note note.txt",
      "  echo 'Hi Ana, loved your post on pricing pages.' | warmreach lint --channel note -",
      "  warmreach lint --channel inmail --subject \"Northwind's Series B\" inmail.txt --json"
    })
final class LintCommand implements Callable<Integer> {

  private static final int MOST_BYTES = 1_000_000;

  /** The channels a message can be linted for, as the command line names them. */
  enum LintChannel {
    NOTE(Channel.CONNECT),
    DM(Channel.DM),
    INMAIL(Channel.INMAIL),
    EMAIL(Channel.EMAIL);

    final Channel channel;

    LintChannel(Channel channel) {
      this.channel = channel;
    }

    String cliName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  @ParentCommand WarmreachCli root;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--channel",
      required = true,
      paramLabel = "CHANNEL",
      description = "note (a connection request's note), dm, inmail or email.")
  LintChannel channel;

  @Option(
      names = "--subject",
      paramLabel = "S",
      description = "The subject line, for inmail and email.")
  String subject;

  @Option(
      names = "--plan",
      paramLabel = "PLAN",
      defaultValue = "PREMIUM",
      description =
          "The sender's plan: FREE limits notes to 200 characters, the paid plans to 300"
              + " (default: ${DEFAULT-VALUE}).")
  Plan plan;

  @Option(
      names = "--follow-up",
      description =
          "For dm: a later message, not the first after they accepted (which must not pitch or"
              + " ask for a meeting).")
  boolean followUp;

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "A UTF-8 text file holding the message, or - to read standard input.")
  String file;

  @Override
  public Integer call() {
    if (subject != null && channel != LintChannel.INMAIL && channel != LintChannel.EMAIL) {
      throw new UserError(
          "--subject is for --channel inmail or email; a " + channel.cliName() + " has none");
    }
    if (followUp && channel != LintChannel.DM) {
      throw new UserError("--follow-up is for --channel dm; leave it out for " + channel.cliName());
    }
    Message message = split(read());
    Review review =
        root.coach().review(channel.channel, plan, message.subject(), message.body(), !followUp);
    PrintWriter out = spec.commandLine().getOut();
    if (root.json()) {
      Output.json(out, LintJson.of(channel, review));
    } else {
      print(out, message, review);
    }
    return review.hasErrors() ? WarmreachCli.USER_ERROR : 0;
  }

  /** The text to lint, split into its subject (when the channel has one) and body. */
  record Message(String subject, String body) {}

  private Message split(String text) {
    if (channel != LintChannel.INMAIL && channel != LintChannel.EMAIL) {
      return new Message(null, text);
    }
    if (subject != null) {
      return new Message(subject, text);
    }
    List<String> lines = text.strip().lines().toList();
    if (lines.size() >= 2 && lines.get(1).strip().equals("---")) {
      return new Message(lines.get(0), String.join("\n", lines.subList(2, lines.size())));
    }
    if (!lines.isEmpty() && lines.get(0).regionMatches(true, 0, "subject:", 0, 8)) {
      return new Message(
          lines.get(0).substring(8), String.join("\n", lines.subList(1, lines.size())));
    }
    return new Message(null, text);
  }

  private String read() {
    if (file.equals("-")) {
      try {
        return decode(readAtMost(System.in), "standard input");
      } catch (IOException e) {
        throw new UserError("could not read standard input: " + e.getMessage(), e);
      }
    }
    Path path;
    try {
      path = Path.of(file);
    } catch (InvalidPathException e) {
      throw new UserError("'" + file + "' is not a file name; give a text file, or - for stdin", e);
    }
    if (!Files.isRegularFile(path)) {
      throw new UserError(
          "'"
              + file
              + "' "
              + (Files.exists(path) ? "is not a file" : "does not exist")
              + "; give a text file holding the message, or - to read standard input");
    }
    try (InputStream in = Files.newInputStream(path)) {
      return decode(readAtMost(in), "'" + file + "'");
    } catch (IOException e) {
      throw new UserError("could not read '" + file + "': " + e.getMessage(), e);
    }
  }

  private static byte[] readAtMost(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MOST_BYTES + 1);
    if (bytes.length > MOST_BYTES) {
      throw new UserError("the input is over 1 MB; a message is at most a few thousand characters");
    }
    return bytes;
  }

  private static String decode(byte[] bytes, String source) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new UserError(source + " is not UTF-8 text; save the message as UTF-8 and try again");
    }
  }

  private void print(PrintWriter out, Message message, Review review) {
    String what =
        switch (channel) {
          case NOTE -> "Note";
          case DM -> followUp ? "Follow-up message" : "First message after accepting";
          case INMAIL -> "InMail";
          case EMAIL -> "Email";
        };
    out.printf(
        "%s: score %d/100 (%d characters, %d words%s)%n",
        what,
        review.score(),
        review.characters(),
        review.words(),
        message.body().contains("{{") ? ", a template read with typical values" : "");
    if (review.findings().isEmpty()) {
      out.println("No findings: ready to send.");
      out.flush();
      return;
    }
    out.println();
    int width = review.findings().stream().mapToInt(f -> f.ruleId().length()).max().orElse(0);
    for (Finding f : review.findings()) {
      out.printf("%-8s %-" + width + "s  %s%n", f.severity(), f.ruleId(), f.message());
      out.printf("%-8s %-" + width + "s  fix: %s%n", "", "", f.fix());
    }
    out.println();
    out.printf(
        "%s, %s, %s%n",
        count(review.errors().size(), "error"),
        count(review.warnings().size(), "warning"),
        count(review.tips().size(), "tip"));
    out.flush();
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** One finding as tools read it. */
  record FindingJson(String rule, String severity, String message, String fix) {
    static FindingJson of(Finding f) {
      return new FindingJson(f.ruleId(), f.severity().name(), f.message(), f.fix());
    }
  }

  /** The review as tools read it: SPEC §6's shape, extended with tips and measures. */
  record LintJson(
      int score,
      List<FindingJson> errors,
      List<FindingJson> warnings,
      List<FindingJson> tips,
      String channel,
      int characters,
      int words) {
    static LintJson of(LintChannel channel, Review review) {
      return new LintJson(
          review.score(),
          review.errors().stream().map(FindingJson::of).toList(),
          review.warnings().stream().map(FindingJson::of).toList(),
          review.tips().stream().map(FindingJson::of).toList(),
          channel.cliName(),
          review.characters(),
          review.words());
    }
  }
}
