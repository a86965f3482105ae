package dev.warmreach.message;

import static dev.warmreach.message.AContext.aContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Plan;
import dev.warmreach.message.Rendering.HeldBack;
import dev.warmreach.message.Rendering.Rendered;
import dev.warmreach.message.Rendering.Why;
import org.junit.jupiter.api.Test;

class MessageTemplateTest {

  private static MessageTemplate note(String body) {
    return MessageTemplate.parse(Channel.CONNECT, null, body);
  }

  private static Rendered rendered(Rendering rendering) {
    assertThat(rendering).isInstanceOf(Rendered.class);
    return (Rendered) rendering;
  }

  private static HeldBack heldBack(Rendering rendering) {
    assertThat(rendering).isInstanceOf(HeldBack.class);
    return (HeldBack) rendering;
  }

  @Test
  void fillsInTheProspectTheSenderAndTheHistory() {
    // given
    MessageTemplate template =
        MessageTemplate.parse(
            Channel.INMAIL,
            "{{company}}'s {{signal}}",
            "Hi {{firstName}} {{lastName}} ({{title}}, {{location}}): {{mutualConnection}} said you"
                + " posted on {{postTopic}}. After my {{lastTouch}}, {{senderName}} of"
                + " {{senderCompany}} writes from {{account}}. {{fullName}}?");
    MessageContext context =
        aContext()
            .whoPostedAbout("pricing pages")
            .knownThrough("Priya Shah")
            .afterSignal("Series B")
            .afterTouch("connection request")
            .build();

    // when
    Rendered message = rendered(template.render(context));

    // then
    assertThat(message.subject()).isEqualTo("Northwind's Series B");
    assertThat(message.body())
        .isEqualTo(
            "Hi Ana Silva (Head of Growth, Lisbon): Priya Shah said you posted on pricing pages."
                + " After my connection request, Sam Carter of Brightline writes from sdr-1. Ana"
                + " Silva?");
  }

  @Test
  void usesTheFallbackWhenTheValueIsMissingOrBlank() {
    MessageTemplate template = note("Hi {{firstName|there}}, how is {{ company | your team }}?");

    assertThat(
            rendered(template.render(aContext().named("", "Silva").workingAt("  ").build())).body())
        .isEqualTo("Hi there, how is your team?");
    assertThat(rendered(template.render(aContext().build())).body())
        .isEqualTo("Hi Ana, how is Northwind?");
  }

  @Test
  void holdsBackAProspectWithoutARequiredValueAndNamesIt() {
    MessageTemplate template = note("Hi {{firstName}}, congrats on {{signal}} at {{company}}.");

    HeldBack held = heldBack(template.render(aContext().workingAt("").build()));

    assertThat(held.why()).isEqualTo(Why.MISSING_VALUE);
    assertThat(held.reason()).contains("{{signal}}", "{{company}}").contains("fallback");
  }

  @Test
  void writesAnOptionalSentenceOnlyWhenItsValueIsThere() {
    MessageTemplate template =
        note(
            "Hi {{firstName}}, {{#postTopic}}loved your post on {{postTopic}}.{{/postTopic}}"
                + "{{^postTopic}}saw {{company}} is growing.{{/postTopic}}");

    assertThat(rendered(template.render(aContext().whoPostedAbout("churn").build())).body())
        .isEqualTo("Hi Ana, loved your post on churn.");
    assertThat(rendered(template.render(aContext().build())).body())
        .isEqualTo("Hi Ana, saw Northwind is growing.");
  }

  @Test
  void leavesAmpersandsQuotesAndAngleBracketsAsTheyAre() {
    MessageTemplate template = note("Hi {{firstName}}, how is {{company}}?");

    Rendered message =
        rendered(
            template.render(aContext().named("D'Arcy", "").workingAt("R&D <\"Labs\">").build()));

    assertThat(message.body()).isEqualTo("Hi D'Arcy, how is R&D <\"Labs\">?");
  }

  @Test
  void collapsesLineBreaksAndSpacesInsideValues() {
    MessageTemplate template = note("Hi {{firstName}}, how is {{company}}?");

    Rendered message = rendered(template.render(aContext().workingAt(" North\n  wind ").build()));

    assertThat(message.body()).isEqualTo("Hi Ana, how is North wind?");
  }

  @Test
  void refusesAnUnknownVariableAndListsTheKnownOnes() {
    assertThatThrownBy(() -> note("Hi {{fristName}}, hello"))
        .isInstanceOf(InvalidTemplate.class)
        .hasMessageContaining("fristName")
        .hasMessageContaining("firstName, lastName");
  }

  @Test
  void refusesBrokenSyntaxPartialsStrayBracesAndDelimiterChanges() {
    assertThatThrownBy(() -> note("Hi {{#firstName}}there"))
        .isInstanceOf(InvalidTemplate.class)
        .hasMessageContaining("{{/name}}");
    assertThatThrownBy(() -> note("Hi {{> greeting}}"))
        .isInstanceOf(InvalidTemplate.class)
        .hasMessageContaining("partials");
    assertThatThrownBy(() -> note("Hi there }} friend")).isInstanceOf(InvalidTemplate.class);
    assertThatThrownBy(() -> note("{{=<% %>=}} Hi <% firstName %>"))
        .isInstanceOf(InvalidTemplate.class);
    assertThatThrownBy(() -> note("Hi {{#firstName|x}}a{{/firstName|x}}"))
        .isInstanceOf(InvalidTemplate.class);
    assertThatThrownBy(() -> note("Hi {{.}}")).isInstanceOf(InvalidTemplate.class);
  }

  @Test
  void needsASubjectForInmailAndEmailAndNoneForOtherChannels() {
    assertThatThrownBy(() -> MessageTemplate.parse(Channel.INMAIL, " ", "Hi"))
        .isInstanceOf(InvalidTemplate.class)
        .hasMessageContaining("subject");
    assertThatThrownBy(() -> MessageTemplate.parse(Channel.EMAIL, null, "Hi"))
        .isInstanceOf(InvalidTemplate.class);
    assertThatThrownBy(() -> MessageTemplate.parse(Channel.CONNECT, "Hello", "Hi"))
        .isInstanceOf(InvalidTemplate.class);
    assertThatThrownBy(() -> MessageTemplate.parse(Channel.DM, null, "  "))
        .isInstanceOf(InvalidTemplate.class)
        .hasMessageContaining("empty");
  }

  @Test
  void holdsBackANoteOver200CharactersOnAFreeAccountButSendsItFromAPaidOne() {
    MessageTemplate template = note("Hi {{firstName}}, " + "x".repeat(220));

    HeldBack free = heldBack(template.render(aContext().onPlan(Plan.FREE).build()));
    Rendered paid = rendered(template.render(aContext().onPlan(Plan.PREMIUM).build()));

    assertThat(free.why()).isEqualTo(Why.TOO_LONG);
    assertThat(free.reason()).contains("200-character limit on FREE");
    assertThat(paid.body()).hasSize(228);
  }

  @Test
  void holdsBackTheProspectWhoseLongCompanyPushesTheNoteOver300() {
    MessageTemplate template = note("Hi {{firstName}}, how is {{company}}? " + "x".repeat(260));

    assertThat(template.render(aContext().workingAt("Acme").build())).isInstanceOf(Rendered.class);
    assertThat(heldBack(template.render(aContext().workingAt("A".repeat(40)).build())).why())
        .isEqualTo(Why.TOO_LONG);
  }

  @Test
  void holdsBackAnInmailOver1900CharactersOrWithASubjectOver200() {
    MessageTemplate longBody =
        MessageTemplate.parse(Channel.INMAIL, "Hello {{company}}", "a".repeat(1901));
    MessageTemplate longSubject =
        MessageTemplate.parse(Channel.INMAIL, "{{company}} " + "s".repeat(191), "Hi");

    assertThat(heldBack(longBody.render(aContext().build())).reason()).contains("1900");
    assertThat(heldBack(longSubject.render(aContext().build())).reason())
        .contains("subject")
        .contains("200");
    assertThat(longSubject.render(aContext().workingAt("Acme").build()))
        .isInstanceOf(Rendered.class);
  }

  @Test
  void countsCharactersAsPeopleSeeThemNotAsJavaChars() {
    MessageTemplate template = note("Hi {{firstName}} " + "🙂".repeat(280));

    Rendered message = rendered(template.render(aContext().named("Bo", "").build()));

    assertThat(message.body().length()).isGreaterThan(300);
    assertThat(message.body().codePointCount(0, message.body().length())).isEqualTo(286);
  }

  @Test
  void neverSendsAGreetingThatLostItsName() {
    MessageTemplate template = note("Hi {{firstName|}}, great post.");

    HeldBack held = heldBack(template.render(aContext().named("", "Silva").build()));

    assertThat(held.why()).isEqualTo(Why.EMPTY_GREETING);
    assertThat(held.reason()).contains("Hi , great post.");
  }

  @Test
  void neverSendsBracesThatCameInWithAProspectsValues() {
    MessageTemplate template = note("Hi {{firstName}}, how is {{company}}?");

    HeldBack held = heldBack(template.render(aContext().workingAt("{{Acme}}").build()));

    assertThat(held.why()).isEqualTo(Why.RAW_PLACEHOLDER);
  }

  @Test
  void holdsBackAMessageThatRendersEmpty() {
    MessageTemplate template = MessageTemplate.parse(Channel.DM, null, "{{postTopic|}}");

    assertThat(heldBack(template.render(aContext().build())).why()).isEqualTo(Why.EMPTY);
  }

  @Test
  void listsTheVariablesItUsesInSubjectBodyAndSections() {
    MessageTemplate template =
        MessageTemplate.parse(
            Channel.EMAIL,
            "{{company}}",
            "Hi {{firstName|there}}{{#postTopic}}, re {{postTopic}}{{/postTopic}}");

    assertThat(template.variables())
        .containsExactlyInAnyOrder(Variable.COMPANY, Variable.FIRST_NAME, Variable.POST_TOPIC);
  }
}
