package dev.warmreach.message;

import static dev.warmreach.testing.AProspect.aProspect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.definition.CampaignFile;
import dev.warmreach.domain.Author;
import dev.warmreach.domain.Channel;
import dev.warmreach.domain.ConnectionDegree;
import dev.warmreach.domain.Event;
import dev.warmreach.domain.Message;
import dev.warmreach.domain.Plan;
import dev.warmreach.domain.ProspectFacts;
import dev.warmreach.domain.ProspectHistory;
import dev.warmreach.domain.ProspectHistory.Connection;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.sequence.CampaignDefinition;
import dev.warmreach.sequence.MessageWriter;
import dev.warmreach.sequence.ProspectState;
import dev.warmreach.sequence.TemplateVariant;
import dev.warmreach.testing.Engines;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The built-in templates say only what is true for the person they go to: an old connection is not
 * thanked for connecting, an InMail sent first does not follow up on a request, someone who never
 * posted is not told about their post, and a campaign without an author neither signs nor claims a
 * role. A template of the user's that would say something untrue is held back instead, and a
 * generic fallback is judged generic.
 */
class TruthfulMessagesTest {

  private static final Instant MARCH = Instant.parse("2026-03-02T09:00:00Z");
  private static final SenderAccount SDR =
      SenderAccount.withPlanDefaults("sdr-1", Plan.SALES_NAVIGATOR, ZoneOffset.UTC);
  private static final CampaignDefinition BUILT_IN = CampaignFile.defaults();
  private static final CampaignMessages UNSIGNED = Engines.messages(BUILT_IN);
  private static final CampaignMessages SIGNED =
      Engines.messages(
          new CampaignDefinition(
              BUILT_IN.sequence(),
              BUILT_IN.templates(),
              BUILT_IN.settings(),
              new Author("Sam Carter", "Head of Sales", "Brightline")));

  private static ProspectState maria(
      ConnectionDegree degree, ProspectHistory.Connection connection, ProspectFacts facts) {
    return new ProspectState(
        7,
        aProspect().named("Maria", "Okafor").workingAt("Kestrel").connected(degree).build(),
        false,
        ProspectHistory.start(degree).withConnection(connection),
        facts);
  }

  private static ProspectFacts requestSent() {
    return new ProspectFacts(null, null, "", null, MARCH);
  }

  private static ProspectFacts posted(String topic) {
    return new ProspectFacts(new ProspectFacts.Post(topic, MARCH), null, "", null, null);
  }

  private static Message written(
      CampaignMessages messages, String template, Channel channel, ProspectState prospect) {
    MessageWriter.Written written = messages.write(template, channel, prospect, SDR);
    assertThat(written).isInstanceOf(MessageWriter.Ready.class);
    return ((MessageWriter.Ready) written).message();
  }

  @Test
  void anOldConnectionIsNotThankedForConnectingButOneWhoAcceptedIs() {
    ProspectState oldConnection =
        maria(ConnectionDegree.FIRST, Connection.ACCEPTED, ProspectFacts.NONE);
    ProspectState accepted = maria(ConnectionDegree.UNKNOWN, Connection.ACCEPTED, requestSent());

    assertThat(written(UNSIGNED, "first-dm", Channel.DM, oldConnection).body())
        .startsWith("Hi Maria,")
        .doesNotContainIgnoringCase("for connecting");
    assertThat(written(UNSIGNED, "first-dm", Channel.DM, accepted).body())
        .startsWith("Thanks for connecting, Maria!");
  }

  @Test
  void anInmailSentFirstDoesNotFollowUpOnARequestButOneAfterAPendingRequestDoes() {
    ProspectState first = maria(ConnectionDegree.UNKNOWN, Connection.NONE, ProspectFacts.NONE);
    ProspectState pending = maria(ConnectionDegree.UNKNOWN, Connection.PENDING, requestSent());

    Message cold = written(UNSIGNED, "inmail", Channel.INMAIL, first);
    Message followUp = written(UNSIGNED, "inmail", Channel.INMAIL, pending);

    assertThat(cold.subject() + " " + cold.body())
        .doesNotContainIgnoringCase("request")
        .doesNotContainIgnoringCase("following up");
    assertThat(followUp.subject()).isEqualTo("Following up on my request, Maria");
    assertThat(followUp.body()).contains("I sent you a connection request");
  }

  @Test
  void someoneWhoNeverPostedIsNotToldAboutTheirPostButAPosterHearsTheirTopic() {
    ProspectState quiet = maria(ConnectionDegree.UNKNOWN, Connection.NONE, ProspectFacts.NONE);
    ProspectState poster =
        maria(ConnectionDegree.UNKNOWN, Connection.NONE, posted("moving our SDRs to Berlin"));

    for (String template : List.of("note", "inmail", "email")) {
      Channel channel =
          switch (template) {
            case "note" -> Channel.CONNECT;
            case "inmail" -> Channel.INMAIL;
            default -> Channel.EMAIL;
          };
      assertThat(written(UNSIGNED, template, channel, quiet).body())
          .as(template)
          .doesNotContainIgnoringCase("post");
    }
    assertThat(written(UNSIGNED, "note", Channel.CONNECT, poster).body())
        .contains("your recent post on moving our SDRs to Berlin");
  }

  @Test
  void withoutAnAuthorNothingIsSignedNorIsARoleClaimed() {
    ProspectState pending = maria(ConnectionDegree.UNKNOWN, Connection.PENDING, requestSent());

    Message unsigned = written(UNSIGNED, "email", Channel.EMAIL, pending);
    Message signed = written(SIGNED, "email", Channel.EMAIL, pending);

    assertThat(unsigned.body())
        .doesNotContain("Thanks")
        .doesNotContain("I lead")
        .doesNotContain("our team")
        .endsWith("A one-line reply is plenty.");
    assertThat(signed.body()).endsWith("Thanks,\nSam Carter, Head of Sales at Brightline");
    assertThat(written(SIGNED, "inmail", Channel.INMAIL, pending).body())
        .contains("I work at Brightline, and we help");
  }

  @Test
  void aTemplateThatWouldSaySomethingUntrueIsHeldBackNamingTheCondition() {
    CampaignMessages thanksForAll =
        CampaignMessages.of(
            List.of(
                new CampaignMessages.Use(
                    "first-dm",
                    Channel.DM,
                    true,
                    List.of(
                        TemplateVariant.of(
                            "Thanks for connecting, {{firstName}}! What is {{company}} fixing"
                                + " this quarter?")))),
            Author.UNKNOWN,
            Engines.COACH);
    ProspectState oldConnection =
        maria(ConnectionDegree.FIRST, Connection.ACCEPTED, ProspectFacts.NONE);

    MessageWriter.Written written = thanksForAll.write("first-dm", Channel.DM, oldConnection, SDR);

    assertThat(written).isInstanceOf(MessageWriter.HeldBack.class);
    assertThat(((MessageWriter.HeldBack) written).reason())
        .contains("'Thanks for connecting'")
        .contains("when: requestAccepted");
    assertThat(
            CampaignMessages.of(
                    List.of(
                        new CampaignMessages.Use(
                            "first-dm",
                            Channel.DM,
                            true,
                            List.of(
                                TemplateVariant.of(
                                    "Hi {{firstName}}, how does your post-sales team work?")))),
                    Author.UNKNOWN,
                    Engines.COACH)
                .write("first-dm", Channel.DM, oldConnection, SDR))
        .as("'your post-sales team' speaks of no post of theirs")
        .isInstanceOf(MessageWriter.Ready.class);
  }

  @Test
  void aVariantIsChosenByTheSignalItIsWrittenFor() {
    CampaignMessages bySignal =
        CampaignMessages.of(
            List.of(
                new CampaignMessages.Use(
                    "first-dm",
                    Channel.DM,
                    true,
                    List.of(
                        new TemplateVariant(
                            "signal=ROLE_CHANGE",
                            "Congratulations on the new role, {{firstName}}: {{signal}}."),
                        TemplateVariant.of("Hi {{firstName}}, how is {{company}} doing?")))),
            Author.UNKNOWN,
            Engines.COACH);
    ProspectFacts newRole =
        new ProspectFacts(
            null,
            new ProspectFacts.SignalSeen(
                Event.Signal.Kind.ROLE_CHANGE, "started as VP Sales at Orbe", MARCH),
            "",
            null,
            null);
    ProspectFacts hiring =
        new ProspectFacts(
            null,
            new ProspectFacts.SignalSeen(Event.Signal.Kind.HIRING, "", MARCH),
            "",
            null,
            null);

    assertThat(
            written(
                    bySignal,
                    "first-dm",
                    Channel.DM,
                    maria(ConnectionDegree.FIRST, Connection.ACCEPTED, newRole))
                .body())
        .isEqualTo("Congratulations on the new role, Maria: started as VP Sales at Orbe.");
    assertThat(
            written(
                    bySignal,
                    "first-dm",
                    Channel.DM,
                    maria(ConnectionDegree.FIRST, Connection.ACCEPTED, hiring))
                .body())
        .isEqualTo("Hi Maria, how is Kestrel doing?");
  }

  @Test
  void aGenericFallbackIsJudgedGenericForThePersonWhoGetsIt() {
    CampaignMessages fallback =
        CampaignMessages.of(
            List.of(
                new CampaignMessages.Use(
                    "note",
                    Channel.CONNECT,
                    true,
                    List.of(
                        TemplateVariant.of(
                            "Hi {{firstName}}, {{postTopic|I'd like to add you to my network}}"
                                + " - hope to connect.")))),
            Author.UNKNOWN,
            Engines.COACH);
    ProspectState quiet = maria(ConnectionDegree.UNKNOWN, Connection.NONE, ProspectFacts.NONE);
    ProspectState poster =
        maria(ConnectionDegree.UNKNOWN, Connection.NONE, posted("moving our SDRs to Berlin"));

    assertThat(fallback.reviews().get(0).personalised())
        .as("judged with a typical prospect's values, the template reads personal")
        .isTrue();
    assertThat(written(fallback, "note", Channel.CONNECT, poster).personalised()).isTrue();
    assertThat(written(fallback, "note", Channel.CONNECT, quiet).personalised()).isFalse();
  }
}
