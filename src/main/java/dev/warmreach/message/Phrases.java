package dev.warmreach.message;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One phrase list compiled for matching, as {@link PhraseBook} describes. Thread-safe. */
final class Phrases {

  private final List<Pattern> patterns;

  private Phrases(List<Pattern> patterns) {
    this.patterns = patterns;
  }

  static Phrases of(List<String> entries) {
    return new Phrases(
        entries.stream()
            .map(
                e ->
                    Pattern.compile(
                        "(?<![\\p{L}\\p{N}])(?:" + e + ")(?![\\p{L}\\p{N}])",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
            .toList());
  }

  /** Whole-subject entries: the pattern must match all of {@code text}. */
  static Phrases whole(List<String> entries) {
    return new Phrases(
        entries.stream()
            .map(e -> Pattern.compile(e, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
            .toList());
  }

  /** The first phrase found in {@code text}, as written there. */
  Optional<String> find(String text) {
    Matcher earliest = null;
    for (Pattern pattern : patterns) {
      Matcher m = pattern.matcher(text);
      if (m.find() && (earliest == null || m.start() < earliest.start())) {
        earliest = m;
      }
    }
    return earliest == null ? Optional.empty() : Optional.of(earliest.group().strip());
  }

  boolean in(String text) {
    return patterns.stream().anyMatch(p -> p.matcher(text).find());
  }

  boolean matchesWhole(String text) {
    return patterns.stream().anyMatch(p -> p.matcher(text).matches());
  }
}
