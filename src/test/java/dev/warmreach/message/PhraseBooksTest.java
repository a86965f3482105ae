package dev.warmreach.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warmreach.coachdata.PhraseBooks;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseBooksTest {

  @Test
  void loadsTheEnglishPhraseListsWithSomethingInEach() {
    PhraseBook english = PhraseBooks.english();

    assertThat(english.language()).isEqualTo("en");
    assertThat(
            List.of(
                english.networkBoilerplate(),
                english.genericOpeners(),
                english.personalCues(),
                english.pitch(),
                english.meetingRequests(),
                english.highCommitmentAsks(),
                english.requests(),
                english.referralAsks(),
                english.resourceAsks(),
                english.subjectCliches(),
                english.salesyWords(),
                english.placeholders()))
        .allSatisfy(list -> assertThat(list).isNotEmpty());
  }

  @Test
  void saysSoWhenNoListsShipForALanguage() {
    assertThatThrownBy(() -> PhraseBooks.load("xx"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no phrase lists for 'xx'");
    assertThatThrownBy(() -> PhraseBooks.load("../en"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesAListEntryThatIsNotAPattern() {
    List<String> ok = List.of("x");

    assertThatThrownBy(
            () ->
                new PhraseBook("en", ok, ok, ok, ok, ok, ok, ok, ok, ok, ok, ok, List.of("(oops")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("placeholders")
        .hasMessageContaining("(oops");
    assertThatThrownBy(() -> new PhraseBook("en", ok, ok, ok, ok, ok, ok, ok, ok, ok, ok, ok, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("placeholders");
  }

  @Test
  void matchesWholeWordsOnlyWhateverTheCaseAndQuotes() {
    Coach coach = new Coach(PhraseBooks.english());

    Review demonstrate =
        coach.review(
            dev.warmreach.domain.Channel.DM,
            null,
            "Thanks, Ana. Your post on churn was great. Can you demonstrate how you measured it?",
            true);
    Review curlyQuote =
        coach.review(
            dev.warmreach.domain.Channel.CONNECT,
            null,
            "Hi Ana, I’D LIKE TO ADD YOU TO MY NETWORK.",
            true);

    assertThat(demonstrate.findings()).isEmpty();
    assertThat(curlyQuote.warnings()).extracting(Finding::ruleId).contains("note.generic-phrase");
  }
}
