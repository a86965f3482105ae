package dev.warmreach.store;

import static dev.warmreach.testing.AProspect.aProspect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.domain.EmailAddress;
import dev.warmreach.domain.ProfileUrl;
import dev.warmreach.domain.Prospect;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Erasure on request and the do-not-contact list, whatever database is behind the store. */
interface DoNotContactContract extends StoreFixture {

  @Test
  default void forgettingAPersonErasesThemAndKeepsOnlyHashes() {
    store()
        .prospects()
        .saveProspects(List.of(aProspect().withEmail("ana@northwind.example").build()));
    Prospect ana = store().prospects().prospects(ProspectQuery.all(1)).get(0);

    assertThat(store().prospects().forgetProspect(ana.id())).contains(ana);

    assertThat(store().prospects().prospect(ana.id())).isEmpty();
    List<DoNotContactEntry> entries = store().doNotContact().doNotContactList();
    assertThat(entries).hasSize(2);
    assertThat(entries).allSatisfy(e -> assertThat(e.label()).isEmpty());
    assertThat(entries.toString()).doesNotContain("ana", "northwind", "silva");
    assertThat(store().doNotContact().isDoNotContact(ana.profile().profileUrl(), null)).isTrue();
    assertThat(
            store().doNotContact().isDoNotContact(null, new EmailAddress("ANA@northwind.example")))
        .isTrue();
  }

  @Test
  default void aListedDomainCoversEveryAddressAtItUntilItIsRemoved() {
    store()
        .prospects()
        .saveProspects(
            List.of(aProspect().withoutProfile().withEmail("jonas@Orbe.example").build()));
    DoNotContactTarget orbe = DoNotContactTarget.parse("@ORBE.example");

    assertThat(store().doNotContact().add(orbe, "competitor")).isTrue();
    assertThat(store().doNotContact().add(orbe, "competitor")).isFalse();

    assertThat(store().prospects().prospects(ProspectQuery.all(1)).get(0).doNotContact()).isTrue();
    assertThat(store().doNotContact().isDoNotContact(null, new EmailAddress("mia@orbe.example")))
        .isTrue();
    assertThat(
            store().doNotContact().isDoNotContact(null, new EmailAddress("mia@orbe.example.org")))
        .isFalse();
    assertThat(
            store()
                .prospects()
                .saveProspects(
                    List.of(aProspect().withoutProfile().withEmail("mia@orbe.example").build()))
                .keptOut())
        .isEqualTo(1);

    assertThat(store().doNotContact().remove(DoNotContactTarget.parse("orbe.example"))).isTrue();
    assertThat(store().doNotContact().remove(orbe)).isFalse();
    assertThat(store().prospects().prospects(ProspectQuery.all(1)).get(0).doNotContact()).isFalse();
    assertThat(store().doNotContact().isDoNotContact(null, new EmailAddress("mia@orbe.example")))
        .isFalse();
  }

  @Test
  default void aForgottenPersonCannotBeImportedAgain() {
    store().prospects().saveProspects(List.of(aProspect().build()));
    store()
        .prospects()
        .forgetProspect(store().prospects().prospects(ProspectQuery.all(1)).get(0).id());

    ProspectWrite write =
        store().prospects().saveProspects(List.of(aProspect().titled("New title").build()));

    assertThat(write).isEqualTo(new ProspectWrite(0, 0, 0, 1));
    assertThat(store().prospects().countProspects(ProspectQuery.all(1))).isZero();
  }

  @Test
  default void forgettingSomeoneUnknownChangesNothing() {
    assertThat(store().prospects().forgetProspect(12345)).isEmpty();
    assertThat(store().doNotContact().doNotContactList()).isEmpty();
  }

  @Test
  default void doNotContactMarksAStoredPersonAndKeepsNewOnesOut() {
    store()
        .prospects()
        .saveProspects(List.of(aProspect().withEmail("ana@northwind.example").build()));

    boolean added =
        store()
            .doNotContact()
            .addDoNotContact(null, new EmailAddress("ANA@Northwind.example"), "asked");
    boolean again =
        store()
            .doNotContact()
            .addDoNotContact(null, new EmailAddress("ana@northwind.example"), "asked");

    assertThat(added).isTrue();
    assertThat(again).isFalse();
    assertThat(store().prospects().prospects(ProspectQuery.all(1)).get(0).doNotContact()).isTrue();
    ProspectWrite write =
        store()
            .prospects()
            .saveProspects(
                List.of(
                    aProspect()
                        .at("https://www.linkedin.com/in/other")
                        .withEmail("ana@northwind.example")
                        .build()));
    assertThat(write.keptOut()).isEqualTo(1);
    assertThat(store().doNotContact().doNotContactList())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo("email");
              assertThat(e.label()).isEqualTo("ANA@northwind.example");
              assertThat(e.reason()).isEqualTo("asked");
              assertThat(e.addedAt()).isEqualTo(START);
            });
  }

  @Test
  default void doNotContactByProfileUrlMatchesAnyWayTheUrlIsWritten() {
    store()
        .doNotContact()
        .addDoNotContact(ProfileUrl.of("https://de.linkedin.com/in/Ana-Silva-1/?trk=x"), null, "");

    assertThat(
            store()
                .doNotContact()
                .isDoNotContact(ProfileUrl.of("linkedin.com/in/ana-silva-1"), null))
        .isTrue();
    assertThat(store().prospects().saveProspects(List.of(aProspect().build())).keptOut())
        .isEqualTo(1);
  }
}
