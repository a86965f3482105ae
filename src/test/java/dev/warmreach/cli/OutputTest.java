package dev.warmreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tables on the terminal: long reasons wrap between words, long URLs stay whole. */
class OutputTest {

  @Test
  void aLongReasonWrapsBetweenWordsAndEveryWordIsPrinted() {
    String reason =
        "C-suite prospect whose LinkedIn activity is unknown: an InMail reaches them where a"
            + " request would wait";

    String printed = table(List.of("WHO", "WHY"), List.of(List.of("Olivia Bennett", reason)));

    assertThat(printed).doesNotContain("…");
    assertThat(printed.replaceAll("\\s+", " ")).contains(reason);
    for (String line : printed.split("\n")) {
      assertThat(line.length()).isLessThanOrEqualTo("Olivia Bennett".length() + 2 + 40);
    }
    assertThat(printed.split("\n")).hasSizeGreaterThan(2);
  }

  @Test
  void aProfileUrlLongerThanAColumnIsKeptWholeOnOneLine() {
    String url = "https://www.linkedin.com/in/siobhan-kelly-kestrel-security-4b2a91c7";

    String printed = table(List.of("NAME", "PROFILE"), List.of(List.of("Siobhán Kelly", url)));

    assertThat(printed.lines().filter(l -> l.contains(url))).hasSize(1);
  }

  private static String table(List<String> header, List<List<String>> rows) {
    StringWriter text = new StringWriter();
    Output.table(new PrintWriter(text), header, rows);
    return text.toString();
  }
}
