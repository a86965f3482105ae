package dev.warmreach.store;

import static dev.warmreach.testing.AProspect.aProspect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.ConnectionDegree;
import dev.warmreach.domain.Touch;
import dev.warmreach.store.ProviderLinks.ProviderChat;
import dev.warmreach.store.ProviderLinks.ProviderPerson;
import dev.warmreach.testing.PlannedTouches;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What is kept about the LinkedIn provider, whatever database is behind the store. */
interface ProviderLinksContract extends StoreFixture {

  @Test
  default void providerDeliveriesGetIdsAfterTheOnesKeptByTheMigration() {
    Touch touch = anEmailTouch();
    Delivery email =
        store()
            .deliveries()
            .openDelivery(touch.idempotencyKey(), Delivery.Kind.EMAIL, "a@b.example", START);

    Delivery provider =
        store()
            .deliveries()
            .openDelivery(touch.idempotencyKey(), Delivery.Kind.PROVIDER, "acc-1", START);

    assertThat(provider.id()).isGreaterThan(email.id());
    assertThat(provider.kind()).isEqualTo(Delivery.Kind.PROVIDER);
    assertThat(store().deliveries().deliveries(Delivery.Kind.PROVIDER, Delivery.Status.PENDING, 10))
        .containsExactly(provider);
  }

  @Test
  default void linksAnAccountOnceAndFollowsItsStatus() {
    anEmailTouch(); // adds the sender account
    ProviderLinks links = store().providerLinks();

    links.linkAccount(PlannedTouches.ACCOUNT, "acc-old", "OK", START);
    links.linkAccount(PlannedTouches.ACCOUNT, "acc-1", "OK", START);
    boolean known = links.accountStatus("acc-1", "CREDENTIALS", START.plusSeconds(60));

    assertThat(known).isTrue();
    assertThat(links.accountStatus("acc-old", "OK", START)).isFalse();
    assertThat(links.linkedAccounts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.providerAccountId()).isEqualTo("acc-1");
              assertThat(a.status()).isEqualTo("CREDENTIALS");
              assertThat(a.ok()).isFalse();
            });
    assertThat(links.linkedAccountByProviderId("acc-1")).isPresent();
  }

  @Test
  default void keepsPeopleChatsAndPausesAndForgetsAnErasedPerson() {
    Touch touch = anEmailTouch();
    ProviderLinks links = store().providerLinks();
    links.savePerson(
        new ProviderPerson(touch.prospectId(), "ACoAna", "SECOND_DEGREE", true, START));
    links.saveChat(
        new ProviderChat(PlannedTouches.ACCOUNT, "ACoAna", "chat-1", Channel.INMAIL, START));
    Instant tomorrow = START.plus(Duration.ofDays(1));
    links.pause(
        PlannedTouches.ACCOUNT,
        Channel.CONNECT,
        tomorrow,
        START.plus(Duration.ofDays(5)),
        "pushed back",
        START);

    assertThat(links.prospectByProviderId("ACoAna")).contains(touch.prospectId());
    assertThat(links.person(touch.prospectId()))
        .hasValueSatisfying(p -> assertThat(p.openProfile()).isTrue());
    assertThat(links.chatById("chat-1"))
        .hasValueSatisfying(c -> assertThat(c.channel()).isEqualTo(Channel.INMAIL));
    assertThat(links.pauses(PlannedTouches.ACCOUNT, START))
        .singleElement()
        .satisfies(p -> assertThat(p.pausedAt(START)).isTrue());
    assertThat(links.pauses(PlannedTouches.ACCOUNT, tomorrow))
        .singleElement()
        .satisfies(p -> assertThat(p.pausedAt(tomorrow)).isFalse());
    assertThat(links.pauses(PlannedTouches.ACCOUNT, START.plus(Duration.ofDays(6)))).isEmpty();

    store().prospects().forgetProspect(touch.prospectId());
    assertThat(links.person(touch.prospectId())).isEmpty();
  }

  @Test
  default void linkedInsNetworkDistanceFillsADegreeTheImportLeftUnknownAndKeepsAnImportedOne() {
    store()
        .prospects()
        .saveProspects(
            java.util.List.of(
                aProspect()
                    .named("Una", "Known")
                    .at("https://www.linkedin.com/in/una")
                    .connected(ConnectionDegree.UNKNOWN)
                    .build(),
                aProspect()
                    .named("Tom", "Third")
                    .at("https://www.linkedin.com/in/tom")
                    .connected(ConnectionDegree.THIRD)
                    .build()));
    java.util.Map<String, Long> ids = new java.util.HashMap<>();
    store()
        .prospects()
        .prospects(ProspectQuery.all(10))
        .forEach(p -> ids.put(p.profile().firstName(), p.id()));

    for (long id : ids.values()) {
      store()
          .providerLinks()
          .savePerson(new ProviderPerson(id, "ACo" + id, "SECOND_DEGREE", false, START));
    }

    java.util.Map<String, ConnectionDegree> degrees = new java.util.HashMap<>();
    store()
        .prospects()
        .prospects(ProspectQuery.all(10))
        .forEach(p -> degrees.put(p.profile().firstName(), p.profile().degree()));
    assertThat(degrees)
        .containsEntry("Una", ConnectionDegree.SECOND)
        .containsEntry("Tom", ConnectionDegree.THIRD);
  }

  @Test
  default void countsTheProviderCallsThatWentThroughPerAccountAndKind() {
    Touch touch = anEmailTouch();
    Delivery d =
        store()
            .deliveries()
            .openDelivery(touch.idempotencyKey(), Delivery.Kind.PROVIDER, "acc-1", START);
    store().deliveries().settleDelivery(d.id(), Delivery.Status.SENT, "", Touch.Status.DONE, START);

    assertThat(store().providerLinks().sentSince(PlannedTouches.ACCOUNT, Channel.EMAIL, START))
        .isEqualTo(1);
    assertThat(store().providerLinks().sentSince(PlannedTouches.ACCOUNT, Channel.DM, START))
        .isZero();
    assertThat(
            store()
                .providerLinks()
                .sentSince(PlannedTouches.ACCOUNT, Channel.EMAIL, START.plusSeconds(1)))
        .isZero();
  }

  @Test
  default void aRequestSentThroughTheProviderIsAwaitedUntilAnsweredAndTheInmailCheckIsKept() {
    Touch request =
        PlannedTouches.request(
            store(),
            dev.warmreach.testing.AProspect.aProspect()
                .named("Ada", "Lovelace")
                .at("https://www.linkedin.com/in/ada-lovelace")
                .build(),
            "Hello",
            START);
    ProviderLinks links = store().providerLinks();
    Delivery d =
        store()
            .deliveries()
            .openDelivery(request.idempotencyKey(), Delivery.Kind.PROVIDER, "acc-1", START);
    store().deliveries().settleDelivery(d.id(), Delivery.Status.SENT, "", Touch.Status.DONE, START);

    assertThat(links.awaitedInvitations(PlannedTouches.ACCOUNT))
        .singleElement()
        .satisfies(a -> assertThat(a.prospectId()).isEqualTo(request.prospectId()));
    store()
        .engineSteps()
        .recordEvent(
            new dev.warmreach.domain.Event.Accepted(
                request.prospectId(), START.plusSeconds(60), "accepted-1"));
    assertThat(links.awaitedInvitations(PlannedTouches.ACCOUNT)).isEmpty();

    links.saveInmailCheck(
        new ProviderLinks.InmailCheck(PlannedTouches.ACCOUNT, "premium", null, 5, START));
    links.saveInmailCheck(
        new ProviderLinks.InmailCheck(
            PlannedTouches.ACCOUNT, "premium", 3, 5, START.plusSeconds(1)));
    assertThat(links.inmailCheck(PlannedTouches.ACCOUNT))
        .hasValueSatisfying(
            c -> {
              assertThat(c.providerBalance()).isEqualTo(3);
              assertThat(c.difference()).isEqualTo(-2);
              assertThat(c.checkedAt()).isEqualTo(START.plusSeconds(1));
            });
    links.saveInmailCheck(
        new ProviderLinks.InmailCheck(PlannedTouches.ACCOUNT, "premium", null, 0, START));
    assertThat(links.inmailCheck(PlannedTouches.ACCOUNT))
        .hasValueSatisfying(c -> assertThat(c.providerBalance()).isNull());
  }

  @Test
  default void aWithdrawnRequestIsDueAtTheProviderUntilClaimedOnceAndWaitingOnesAreClaimedAgain() {
    Touch request =
        PlannedTouches.request(
            store(),
            dev.warmreach.testing.AProspect.aProspect()
                .named("Ada", "Lovelace")
                .at("https://www.linkedin.com/in/ada-lovelace")
                .build(),
            "Hello",
            START);
    ProviderLinks links = store().providerLinks();
    assertThat(links.withdrawalsDue(PlannedTouches.ACCOUNT, START)).isEmpty();
    Delivery d =
        store()
            .deliveries()
            .openDelivery(request.idempotencyKey(), Delivery.Kind.PROVIDER, "acc-1", START);
    store().deliveries().settleDelivery(d.id(), Delivery.Status.SENT, "", Touch.Status.DONE, START);
    Instant later = START.plus(Duration.ofDays(21));
    store()
        .engineSteps()
        .recordEvent(
            new dev.warmreach.domain.Event.Withdrawn(request.prospectId(), later, "withdraw-1"));

    Instant lapsed = later.minus(Duration.ofMinutes(10));
    assertThat(links.withdrawalsDue(PlannedTouches.ACCOUNT, lapsed))
        .containsExactly(
            new ProviderLinks.DueWithdrawal(
                "withdraw-1", PlannedTouches.ACCOUNT, request.prospectId(), null, false));
    assertThat(links.withdrawalsDue("someone-else", lapsed)).isEmpty();
    ProviderLinks.DueWithdrawal due = links.withdrawalsDue(PlannedTouches.ACCOUNT, lapsed).get(0);
    assertThat(links.claimWithdrawal(due, later, lapsed)).isTrue();
    assertThat(links.claimWithdrawal(due, later, lapsed)).as("claimed once").isFalse();
    assertThat(links.withdrawalsDue(PlannedTouches.ACCOUNT, lapsed)).isEmpty();

    links.settleWithdrawal("withdraw-1", "WAITING", "503", later);
    assertThat(links.withdrawalsDue(PlannedTouches.ACCOUNT, lapsed)).containsExactly(due);
    assertThat(links.claimWithdrawal(due, later.plusSeconds(1), lapsed)).as("tried again").isTrue();
    links.settleWithdrawal("withdraw-1", "WITHDRAWN", "", later.plusSeconds(2));
    assertThat(links.claimWithdrawal(due, later.plusSeconds(3), later.plusSeconds(3))).isFalse();
    assertThat(links.withdrawals(PlannedTouches.ACCOUNT))
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.status()).isEqualTo("WITHDRAWN");
              assertThat(w.at()).isEqualTo(later.plusSeconds(2));
            });
  }

  @Test
  default void aClaimThatLapsedIsDueAgainMarkedInterruptedWithTheKeptInvitationId() {
    Touch request =
        PlannedTouches.request(
            store(),
            dev.warmreach.testing.AProspect.aProspect()
                .named("Ada", "Lovelace")
                .at("https://www.linkedin.com/in/ada-lovelace")
                .build(),
            "Hello",
            START);
    ProviderLinks links = store().providerLinks();
    Delivery d =
        store()
            .deliveries()
            .openDelivery(request.idempotencyKey(), Delivery.Kind.PROVIDER, "acc-1", START);
    assertThat(links.invitationId(request.idempotencyKey())).isEmpty();
    links.saveInvitation(request.idempotencyKey(), "inv-7", START);
    store().deliveries().settleDelivery(d.id(), Delivery.Status.SENT, "", Touch.Status.DONE, START);
    assertThat(links.invitationId(request.idempotencyKey())).hasValue("inv-7");
    Instant later = START.plus(Duration.ofDays(21));
    store()
        .engineSteps()
        .recordEvent(
            new dev.warmreach.domain.Event.Withdrawn(request.prospectId(), later, "withdraw-1"));
    ProviderLinks.DueWithdrawal due = links.withdrawalsDue(PlannedTouches.ACCOUNT, later).get(0);
    assertThat(due.invitationId()).isEqualTo("inv-7");
    assertThat(due.interrupted()).isFalse();
    assertThat(links.claimWithdrawal(due, later, later.minusSeconds(600))).isTrue();

    Instant stillLive = later.plusSeconds(300);
    assertThat(links.withdrawalsDue(PlannedTouches.ACCOUNT, stillLive.minusSeconds(600))).isEmpty();
    assertThat(links.claimWithdrawal(due, stillLive, stillLive.minusSeconds(600))).isFalse();

    Instant lapsed = later.plusSeconds(601);
    assertThat(links.withdrawalsDue(PlannedTouches.ACCOUNT, lapsed.minusSeconds(600)))
        .containsExactly(
            new ProviderLinks.DueWithdrawal(
                "withdraw-1", PlannedTouches.ACCOUNT, request.prospectId(), "inv-7", true));
    assertThat(links.claimWithdrawal(due, lapsed, lapsed.minusSeconds(600))).isTrue();
    assertThat(links.claimWithdrawal(due, lapsed, lapsed.minusSeconds(600)))
        .as("claimed afresh, once")
        .isFalse();
  }

  @Test
  default void aLaterWarmUpRoundSeesAnEarlierOneUnsettledUntilItIsSettled() {
    List<Touch> rounds =
        PlannedTouches.plantRounds(
            store(), aProspect().build(), Channel.ENGAGE, null, clock().instant(), 2);
    Touch first = rounds.get(0);
    Touch second = rounds.get(1);
    ProviderLinks links = store().providerLinks();

    boolean whilePlanned =
        links.earlierWarmUpUnsettled(
            second.senderAccount(), second.prospectId(), second.idempotencyKey());
    Delivery d =
        store()
            .deliveries()
            .openDelivery(first.idempotencyKey(), Delivery.Kind.PROVIDER, "acc-1", START);
    store().deliveries().settleDelivery(d.id(), Delivery.Status.SENT, "", Touch.Status.DONE, START);

    assertThat(whilePlanned).isTrue();
    assertThat(
            links.earlierWarmUpUnsettled(
                second.senderAccount(), second.prospectId(), second.idempotencyKey()))
        .isFalse();
    assertThat(
            links.earlierWarmUpUnsettled(
                first.senderAccount(), first.prospectId(), first.idempotencyKey()))
        .as("no round before the first")
        .isFalse();
  }
}
