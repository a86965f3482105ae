package dev.warmreach.message;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The coach's phrase lists for one language, as data (English in {@code coach/en.json}). Every
 * entry is a Java regular expression, matched without regard to case against text whose curly
 * quotes are straightened and whose whitespace is collapsed; a match must start and end at a word
 * edge, so {@code demo} does not match "demonstrate".
 *
 * @param language the language's code, e.g. {@code en}
 * @param networkBoilerplate notes that ask to connect without a reason ("add you to my network")
 * @param genericOpeners filler any message could start with ("I hope this finds you well")
 * @param personalCues evidence the text is about the person: their post, a milestone, a role
 *     change, a mutual connection, shared context
 * @param pitch selling ("we help companies", "our platform")
 * @param meetingRequests requests for a call, meeting or demo ("hop on a call", "my calendar"): a
 *     sentence holding one is an ask
 * @param highCommitmentAsks what makes an ask a big one ("a 30-minute demo", "an hour", "a free
 *     trial"), counted only inside a sentence that asks
 * @param requests asks that do not end in a question mark ("let me know", "feel free to")
 * @param referralAsks asks to be passed on ("the right person", "introduce me")
 * @param resourceAsks asks to go somewhere ("check out", "visit our website")
 * @param subjectCliches subjects every cold message uses, matched against the whole subject
 * @param salesyWords words that make a subject read as an advert
 * @param placeholders placeholders of other tools left unfilled ("[First Name]", "{company}")
 */
public record PhraseBook(
    String language,
    List<String> networkBoilerplate,
    List<String> genericOpeners,
    List<String> personalCues,
    List<String> pitch,
    List<String> meetingRequests,
    List<String> highCommitmentAsks,
    List<String> requests,
    List<String> referralAsks,
    List<String> resourceAsks,
    List<String> subjectCliches,
    List<String> salesyWords,
    List<String> placeholders) {

  public PhraseBook {
    Objects.requireNonNull(language, "language");
    networkBoilerplate = checked("networkBoilerplate", networkBoilerplate);
    genericOpeners = checked("genericOpeners", genericOpeners);
    personalCues = checked("personalCues", personalCues);
    pitch = checked("pitch", pitch);
    meetingRequests = checked("meetingRequests", meetingRequests);
    highCommitmentAsks = checked("highCommitmentAsks", highCommitmentAsks);
    requests = checked("requests", requests);
    referralAsks = checked("referralAsks", referralAsks);
    resourceAsks = checked("resourceAsks", resourceAsks);
    subjectCliches = checked("subjectCliches", subjectCliches);
    salesyWords = checked("salesyWords", salesyWords);
    placeholders = checked("placeholders", placeholders);
  }

  private static List<String> checked(String list, List<String> entries) {
    if (entries == null) {
      throw new IllegalArgumentException("the phrase book has no list '" + list + "'");
    }
    for (String entry : entries) {
      if (entry == null || entry.isBlank()) {
        throw new IllegalArgumentException("the list '" + list + "' has an empty entry");
      }
      try {
        Pattern.compile(entry);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(
            "the list '" + list + "' has an entry that is not a pattern: " + entry, e);
      }
    }
    return List.copyOf(entries);
  }
}
