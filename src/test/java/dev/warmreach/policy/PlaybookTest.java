package dev.warmreach.policy;

import static dev.warmreach.testing.AProspect.aProspect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.domain.ActivityLevel;
import dev.warmreach.domain.CampaignSettings;
import dev.warmreach.domain.Channel;
import dev.warmreach.domain.ConnectionDegree;
import dev.warmreach.domain.Plan;
import dev.warmreach.domain.ProspectHistory;
import dev.warmreach.domain.ProspectHistory.Connection;
import dev.warmreach.domain.ProspectProfile;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlaybookTest {

  private static final Instant NOW = Instant.parse("2026-02-03T10:00:00Z");
  private final ChannelPolicy playbook = ChannelPolicy.named("playbook");

  private static DecisionInput input(
      ProspectProfile p,
      ProspectHistory h,
      Plan plan,
      int credits,
      CampaignSettings c,
      Channel proposed) {
    return new DecisionInput(p, h, plan, credits, true, c, proposed, NOW);
  }

  private static ProspectHistory fresh() {
    return ProspectHistory.start(ConnectionDegree.SECOND);
  }

  @Test
  void sendsAnInmailToAColdVpWithLowActivityAndSaysWhy() {
    ProspectProfile vp = aProspect().titled("VP Sales").active(ActivityLevel.LOW).build();

    Decision d =
        playbook.decide(
            input(
                vp, fresh(), Plan.SALES_NAVIGATOR, 23, CampaignSettings.DEFAULT, Channel.CONNECT));

    assertThat(d).isInstanceOf(Decision.Send.class);
    assertThat(((Decision.Send) d).channel()).isEqualTo(Channel.INMAIL);
    assertThat(d.summary())
        .isEqualTo("InMail: VP; low LinkedIn activity; 23 credits left this month");
  }

  @Test
  void aChiefFromAnImportWithUnknownActivityGetsAnInmailAndTheReasonsSayItIsUnknown() {
    // LinkedIn and Sales Navigator exports never say how active someone is.
    ProspectProfile cro =
        aProspect().titled("Chief Revenue Officer").active(ActivityLevel.UNKNOWN).build();

    Decision d =
        playbook.decide(
            input(
                cro, fresh(), Plan.SALES_NAVIGATOR, 23, CampaignSettings.DEFAULT, Channel.CONNECT));

    assertThat(((Decision.Send) d).channel()).isEqualTo(Channel.INMAIL);
    assertThat(d.summary())
        .isEqualTo("InMail: C-suite; LinkedIn activity unknown; 23 credits left this month");
  }

  @Test
  void neverCallsAVpWithUnknownActivityActive() {
    ProspectProfile vp = aProspect().titled("VP Sales").active(ActivityLevel.UNKNOWN).build();

    Decision noCredits =
        playbook.decide(
            input(vp, fresh(), Plan.SALES_NAVIGATOR, 0, CampaignSettings.DEFAULT, Channel.CONNECT));

    assertThat(((Decision.Send) noCredits).channel()).isEqualTo(Channel.CONNECT);
    assertThat(noCredits.reasons()).contains("VP").noneMatch(r -> r.contains("active"));
  }

  @Test
  void aVpKnownToBeActiveGetsAFreeRequestAndTheReasonSaysSo() {
    ProspectProfile vp = aProspect().titled("VP Sales").active(ActivityLevel.MEDIUM).build();

    Decision d =
        playbook.decide(
            input(
                vp, fresh(), Plan.SALES_NAVIGATOR, 23, CampaignSettings.DEFAULT, Channel.CONNECT));

    assertThat(((Decision.Send) d).channel()).isEqualTo(Channel.CONNECT);
    assertThat(d.reasons()).contains("VP but active on LinkedIn");
  }

  @Test
  void neverSpendsAnInmailOnAWarmVpWhoWouldAcceptAFreeRequest() {
    ProspectProfile vp = aProspect().titled("VP Sales").active(ActivityLevel.LOW).build();
    ProspectHistory warm = fresh().withEngagement();

    Decision d =
        playbook.decide(
            input(vp, warm, Plan.SALES_NAVIGATOR, 23, CampaignSettings.DEFAULT, Channel.CONNECT));

    assertThat(((Decision.Send) d).channel()).isEqualTo(Channel.CONNECT);
    assertThat(d.reasons()).contains("warm: the sender engaged with their posts");
  }

  @Test
  void sendsARequestWithANoteToAnActiveManager() {
    ProspectProfile manager =
        aProspect().titled("Sales Manager").active(ActivityLevel.HIGH).build();

    Decision d =
        playbook.decide(
            input(manager, fresh(), Plan.PREMIUM, 5, CampaignSettings.DEFAULT, Channel.CONNECT));

    assertThat(d)
        .isEqualTo(
            new Decision.Send(
                Channel.CONNECT,
                true,
                java.util.List.of(
                    "manager",
                    "high LinkedIn activity",
                    "a request is free and leaves a lasting connection")));
  }

  @Test
  void prefersInmailForSeniorsInATimeSensitiveCampaignEvenWhenActive() {
    ProspectProfile ceo = aProspect().titled("CEO").active(ActivityLevel.HIGH).build();
    CampaignSettings urgent =
        new CampaignSettings(true, false, CampaignSettings.DEFAULT.highValue(), "high-value");

    Decision d =
        playbook.decide(input(ceo, fresh(), Plan.SALES_NAVIGATOR, 3, urgent, Channel.CONNECT));

    assertThat(((Decision.Send) d).channel()).isEqualTo(Channel.INMAIL);
    assertThat(d.reasons())
        .contains("C-suite", "time-sensitive campaign", "3 credits left this month");
  }

  @Test
  void fallsBackToARequestWhenNoCreditsAreLeftOrThePlanIsFree() {
    ProspectProfile vp = aProspect().titled("VP Sales").active(ActivityLevel.LOW).build();

    Decision noCredits =
        playbook.decide(
            input(vp, fresh(), Plan.SALES_NAVIGATOR, 0, CampaignSettings.DEFAULT, Channel.CONNECT));
    Decision free =
        playbook.decide(
            input(vp, fresh(), Plan.FREE, 0, CampaignSettings.DEFAULT, Channel.CONNECT));

    assertThat(((Decision.Send) noCredits).channel()).isEqualTo(Channel.CONNECT);
    assertThat(((Decision.Send) free).channel()).isEqualTo(Channel.CONNECT);
  }

  @Test
  void anOpenProfileNeedsNoCredit() {
    ProspectProfile vp =
        aProspect().titled("VP Sales").active(ActivityLevel.LOW).withOpenProfile().build();

    Decision d =
        playbook.decide(
            input(vp, fresh(), Plan.SALES_NAVIGATOR, 0, CampaignSettings.DEFAULT, Channel.CONNECT));

    assertThat(((Decision.Send) d).channel()).isEqualTo(Channel.INMAIL);
    assertThat(d.reasons()).contains("Open Profile: no credit needed");
  }

  @Test
  void followsAPendingRequestWithAnInmailOnlyForHighValueProspects() {
    ProspectHistory pending = fresh().touched(Channel.CONNECT, NOW.minusSeconds(7 * 86400));
    ProspectProfile director = aProspect().titled("Director of Sales").build();
    ProspectProfile engineer = aProspect().titled("Software Engineer").build();

    Decision high =
        playbook.decide(
            input(
                director,
                pending,
                Plan.SALES_NAVIGATOR,
                9,
                CampaignSettings.DEFAULT,
                Channel.INMAIL));
    Decision low =
        playbook.decide(
            input(
                engineer,
                pending,
                Plan.SALES_NAVIGATOR,
                9,
                CampaignSettings.DEFAULT,
                Channel.INMAIL));

    assertThat(high.summary())
        .isEqualTo(
            "InMail: high-value director; request pending for a week; 9 credits left this month");
    assertThat(low).isInstanceOf(Decision.Skip.class);
    assertThat(low.reasons())
        .containsExactly("not a high-value prospect: InMail credits are kept for those");
  }

  @Test
  void neverSendsASecondInmailBeforeAnAnswer() {
    ProspectHistory inmailed = fresh().touched(Channel.INMAIL, NOW.minusSeconds(86400));
    ProspectProfile vp = aProspect().titled("VP Sales").tagged("high-value").build();

    Decision d =
        playbook.decide(
            input(
                vp, inmailed, Plan.SALES_NAVIGATOR, 40, CampaignSettings.DEFAULT, Channel.INMAIL));

    assertThat(d).isInstanceOf(Decision.Skip.class);
    assertThat(d.summary()).contains("a second would cost another credit");
  }

  @Test
  void messagesOnlyConnectionsAndEmailsOnlyKnownAddresses() {
    ProspectProfile noEmail = aProspect().build();
    ProspectHistory connected = fresh().withConnection(Connection.ACCEPTED);

    Decision dmToStranger =
        playbook.decide(
            input(noEmail, fresh(), Plan.PREMIUM, 5, CampaignSettings.DEFAULT, Channel.DM));
    Decision dmToConnection =
        playbook.decide(
            input(noEmail, connected, Plan.PREMIUM, 5, CampaignSettings.DEFAULT, Channel.DM));
    Decision email =
        playbook.decide(
            input(noEmail, connected, Plan.PREMIUM, 5, CampaignSettings.DEFAULT, Channel.EMAIL));

    assertThat(dmToStranger.summary()).isEqualTo("Skip: not connected, so no direct message");
    assertThat(((Decision.Send) dmToConnection).channel()).isEqualTo(Channel.DM);
    assertThat(email.summary()).isEqualTo("Skip: no business email known");
  }

  @Test
  void neverAsksTwiceWhileARequestIsPendingOrAfterADecline() {
    ProspectProfile p = aProspect().build();

    Decision pending =
        playbook.decide(
            input(
                p,
                fresh().withConnection(Connection.PENDING),
                Plan.PREMIUM,
                5,
                CampaignSettings.DEFAULT,
                Channel.CONNECT));
    Decision declined =
        playbook.decide(
            input(
                p,
                fresh().withConnection(Connection.DECLINED),
                Plan.PREMIUM,
                5,
                CampaignSettings.DEFAULT,
                Channel.CONNECT));

    assertThat(pending).isInstanceOf(Decision.Skip.class);
    assertThat(declined).isInstanceOf(Decision.Skip.class);
  }

  @Test
  void connectOnlyAndInmailFirstStayTrueToTheirNames() {
    ProspectProfile manager = aProspect().titled("Sales Manager").build();
    DecisionInput connect =
        input(
            manager, fresh(), Plan.SALES_NAVIGATOR, 10, CampaignSettings.DEFAULT, Channel.CONNECT);
    DecisionInput inmail =
        input(manager, fresh(), Plan.SALES_NAVIGATOR, 10, CampaignSettings.DEFAULT, Channel.INMAIL);

    assertThat(((Decision.Send) ChannelPolicy.named("connect-only").decide(connect)).channel())
        .isEqualTo(Channel.CONNECT);
    assertThat(ChannelPolicy.named("connect-only").decide(inmail))
        .isInstanceOf(Decision.Skip.class);
    assertThat(((Decision.Send) ChannelPolicy.named("inmail-first").decide(connect)).channel())
        .isEqualTo(Channel.INMAIL);
  }

  @Test
  void anUnknownPolicyNameListsTheKnownOnes() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ChannelPolicy.named("oracel"))
        .hasMessageContaining("playbook, connect-only, inmail-first, adaptive");
    assertThat(Set.copyOf(ChannelPolicy.NAMES)).hasSize(4);
  }

  @Test
  void theOracleIsRefusedForCampaignsAsForecastOnly() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ChannelPolicy.named("oracle"))
        .hasMessageContaining("policy 'oracle' reads a forecast scenario's truth")
        .hasMessageContaining("forecast-only");
  }
}
