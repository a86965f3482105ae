package dev.warmreach.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warmreach.coachdata.PhraseBooks;
import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Plan;
import org.junit.jupiter.api.Test;

class CoachTest {

  private static final Coach COACH = new Coach(PhraseBooks.english());

  private static Review note(String text) {
    return COACH.review(Channel.CONNECT, null, text, true);
  }

  @Test
  void aShortSpecificNoteScoresFullMarksWithNoFindings() {
    Review review =
        note(
            "Hi Priya, your post on remote SDR onboarding was the most useful I've read this year.");

    assertThat(review.findings()).isEmpty();
    assertThat(review.score()).isEqualTo(100);
  }

  @Test
  void aNoteOver300CharactersIsAnErrorAndOver200OnlyAdvice() {
    String base = "Hi Priya, your post on remote onboarding was great. ";

    Review over300 = note(base + "x".repeat(301 - base.length()));
    Review exactly300 = note(base + "x".repeat(300 - base.length()));
    Review under200 = note(base + "x".repeat(199 - base.length()));

    assertThat(over300.errors()).extracting(Finding::ruleId).containsExactly("note.too-long");
    assertThat(over300.errors().get(0).fix()).contains("Cut at least 1 character");
    assertThat(over300.score()).isLessThanOrEqualTo(40);
    assertThat(exactly300.errors()).isEmpty();
    assertThat(exactly300.warnings())
        .extracting(Finding::ruleId)
        .containsExactly("length.recommended");
    assertThat(under200.findings()).isEmpty();
  }

  @Test
  void aFreeAccountsNoteIsLimitedTo200Characters() {
    String text = "Hi Priya, your post on remote onboarding was great. " + "x".repeat(160);

    Review free = COACH.review(Channel.CONNECT, Plan.FREE, null, text, true);
    Review paid = COACH.review(Channel.CONNECT, Plan.PREMIUM, null, text, true);

    assertThat(free.errors()).extracting(Finding::ruleId).containsExactly("note.too-long");
    assertThat(free.errors().get(0).message()).contains("200 on a free account");
    assertThat(paid.errors()).isEmpty();
  }

  @Test
  void aBlankNoteIsAWarningNotAnError() {
    Review review = note("  ");

    assertThat(review.errors()).isEmpty();
    assertThat(review.warnings()).extracting(Finding::ruleId).containsExactly("note.blank");
  }

  @Test
  void readsATemplateWithTypicalValuesAndCountsItsVariablesAsPersonalisation() {
    Review review =
        note(
            "Hi {{firstName}}, {{mutualConnection}} said you are rebuilding {{company}}'s SDR team.");

    assertThat(review.findings()).isEmpty();
    assertThat(review.characters())
        .isEqualTo(
            "Hi Alexandra, Priya Shah said you are rebuilding Northwind Analytics's SDR team."
                .length());
  }

  @Test
  void aNameAloneIsNotPersonalisation() {
    Review review = note("Hi {{firstName}}, I'd like to add you to my network.");

    assertThat(review.warnings())
        .extracting(Finding::ruleId)
        .containsExactlyInAnyOrder("note.generic-phrase", "personalisation.missing");
  }

  @Test
  void aMeetingRequestIsAPitchInTheFirstMessageAndABigAskInAFollowUp() {
    String text =
        "Thanks, Ana. Your post on churn was great. Could we book a 30-minute demo next week?";

    Review first = COACH.review(Channel.DM, null, text, true);
    Review followUp = COACH.review(Channel.DM, null, text, false);

    assertThat(first.findings()).extracting(Finding::ruleId).containsExactly("first-message.pitch");
    assertThat(followUp.findings())
        .extracting(Finding::ruleId)
        .containsExactly("ask.high-commitment");
    assertThat(followUp.findings().get(0).message()).contains("30-minute demo");
  }

  @Test
  void judgesTheInmailSubject() {
    String body = "Hi Ana, congrats on the Series B. Would a short note on hiring plans help?";

    assertThat(ids(COACH.review(Channel.INMAIL, "Quick question", body, true)))
        .containsExactly("subject.cliche");
    assertThat(ids(COACH.review(Channel.INMAIL, "FREE audit for Northwind", body, true)))
        .containsExactly("subject.salesy");
    assertThat(ids(COACH.review(Channel.INMAIL, null, body, true)))
        .containsExactly("subject.missing");
    assertThat(ids(COACH.review(Channel.INMAIL, "s".repeat(201), body, true)))
        .containsExactly("subject.too-long");
    assertThat(ids(COACH.review(Channel.EMAIL, "s".repeat(201), body, true)))
        .containsExactly("subject.long");
    assertThat(ids(COACH.review(Channel.INMAIL, "Northwind's Series B", body, true))).isEmpty();
  }

  @Test
  void ignoresASubjectOnChannelsThatHaveNone() {
    Review review =
        COACH.review(Channel.CONNECT, "Quick question", "Hi Ana, loved your post on churn.", true);

    assertThat(review.findings()).isEmpty();
  }

  @Test
  void flagsABrokenTemplateAsAnError() {
    Review review = note("Hi {{fristName}}, loved your post on churn.");

    assertThat(review.errors()).extracting(Finding::ruleId).containsExactly("template.invalid");
    assertThat(review.errors().get(0).message()).contains("fristName");
  }

  @Test
  void listsErrorsBeforeWarningsBeforeTips() {
    Review review =
        COACH.review(
            Channel.DM,
            null,
            "Hi [First Name], I hope this message finds you well. Thanks for connecting.",
            true);

    assertThat(review.findings())
        .extracting(Finding::severity)
        .containsExactly(Severity.ERROR, Severity.WARNING, Severity.WARNING, Severity.TIP);
    assertThat(review.score()).isLessThanOrEqualTo(40);
  }

  @Test
  void scoresWarningsAndTipsByWeight() {
    Review oneTip = COACH.review(Channel.DM, null, "Thanks, Ana. Loved your post on churn.", true);
    Review oneWarning = note("Hi Ana, hope you are well. Loved your post on churn.");

    assertThat(oneTip.score()).isEqualTo(96);
    assertThat(oneWarning.score()).isEqualTo(88);
  }

  @Test
  void refusesToReviewAWarmUp() {
    assertThatThrownBy(() -> COACH.review(Channel.ENGAGE, null, "Great post!", true))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static java.util.List<String> ids(Review review) {
    return review.findings().stream().map(Finding::ruleId).toList();
  }
}
