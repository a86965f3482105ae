package dev.warmreach.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.coachdata.PhraseBooks;
import dev.warmreach.domain.Channel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Measures the coach against the labelled corpus: per rule, how many of its findings are right
 * (precision) and how many of the messages it should flag it does (recall). Prints the table.
 */
class CoachCorpusTest {

  private static final double MIN_PRECISION = 0.9;
  private static final double MIN_RECALL = 0.8;
  private static final int MIN_POSITIVES = 3;

  private static List<Corpus.Entry> corpus;
  private static Map<String, Set<String>> flagged;

  @BeforeAll
  static void reviewTheCorpus() {
    corpus = Corpus.load("/coach/corpus.txt");
    Coach coach = new Coach(PhraseBooks.english());
    flagged =
        corpus.stream()
            .collect(
                Collectors.toMap(
                    Corpus.Entry::id,
                    e ->
                        coach
                            .review(e.channel(), e.plan(), e.subject(), e.body(), e.firstMessage())
                            .findings()
                            .stream()
                            .map(Finding::ruleId)
                            .collect(Collectors.toSet())));
  }

  @Test
  void theCorpusHasAtLeastSixtyMessagesAcrossTheFourChannels() {
    assertThat(corpus).hasSizeGreaterThanOrEqualTo(60);
    assertThat(corpus.stream().map(Corpus.Entry::channel).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(Channel.CONNECT, Channel.DM, Channel.INMAIL, Channel.EMAIL);
    assertThat(corpus.stream().map(Corpus.Entry::id).distinct().count()).isEqualTo(corpus.size());
  }

  @Test
  void labelsNameOnlyRulesTheCoachHas() {
    Set<String> ids =
        Arrays.stream(CoachRule.values()).map(CoachRule::id).collect(Collectors.toSet());

    for (Corpus.Entry e : corpus) {
      assertThat(ids).as(e.id()).containsAll(e.must());
    }
  }

  @Test
  void everyRuleIsPreciseAndFindsWhatItShould() {
    Map<CoachRule, int[]> counts = new EnumMap<>(CoachRule.class);
    List<String> disagreements = new ArrayList<>();
    for (CoachRule rule : CoachRule.values()) {
      int[] c = new int[3]; // true positives, false positives, false negatives
      for (Corpus.Entry e : corpus) {
        boolean expected = e.must().contains(rule.id());
        boolean found = flagged.get(e.id()).contains(rule.id());
        if (expected && found) {
          c[0]++;
        } else if (found) {
          c[1]++;
          disagreements.add("FP " + rule.id() + " on " + e.id());
        } else if (expected) {
          c[2]++;
          disagreements.add("FN " + rule.id() + " on " + e.id());
        }
      }
      counts.put(rule, c);
    }

    System.out.println(table(counts));
    disagreements.forEach(d -> System.out.println("  " + d));
    counts.forEach(
        (rule, c) -> {
          assertThat(c[0] + c[2])
              .as("messages labelled %s in the corpus", rule.id())
              .isGreaterThanOrEqualTo(MIN_POSITIVES);
          assertThat(precision(c))
              .as("precision of %s", rule.id())
              .isGreaterThanOrEqualTo(MIN_PRECISION);
          assertThat(recall(c)).as("recall of %s", rule.id()).isGreaterThanOrEqualTo(MIN_RECALL);
        });
  }

  private static String table(Map<CoachRule, int[]> counts) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "Coach corpus: %d messages%n%-26s %4s %4s %4s %9s %7s%n",
            corpus.size(), "rule", "TP", "FP", "FN", "precision", "recall"));
    counts.forEach(
        (rule, c) ->
            out.append(
                String.format(
                    "%-26s %4d %4d %4d %9.2f %7.2f%n",
                    rule.id(), c[0], c[1], c[2], precision(c), recall(c))));
    return out.toString();
  }

  private static double precision(int[] c) {
    return c[0] + c[1] == 0 ? 1.0 : (double) c[0] / (c[0] + c[1]);
  }

  private static double recall(int[] c) {
    return c[0] + c[2] == 0 ? 1.0 : (double) c[0] / (c[0] + c[2]);
  }
}
