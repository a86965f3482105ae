package dev.warmreach.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ProspectProfileTest {

  @Test
  void aNewerTitleWinsAndTheSeniorityIsReadFromIt() {
    // given
    ProspectProfile stored = aProfile().titled("Engineering Manager").build();
    ProspectProfile newer = aProfile().titled("Head of Engineering").build();

    // when
    ProspectProfile updated = stored.updatedBy(newer);

    // then
    assertThat(stored.seniority()).isEqualTo(Seniority.MANAGER);
    assertThat(updated.title()).isEqualTo("Head of Engineering");
    assertThat(updated.seniority()).isEqualTo(Seniority.DIRECTOR);
  }

  @Test
  void theSeniorityFollowsTheTitleEvenWhenTheNewerProfileStatesAnother() {
    // given a newer profile whose seniority disagrees with its own title
    ProspectProfile stored = aProfile().titled("SDR").build();
    ProspectProfile newer = aProfile().titled("VP Sales").withSeniority(Seniority.UNKNOWN).build();

    // when
    ProspectProfile updated = stored.updatedBy(newer);

    // then
    assertThat(updated.seniority()).isEqualTo(Seniority.VP);
  }

  @Test
  void everyNewerNonEmptyDetailWins() {
    // given
    ProspectProfile stored = aProfile().build();
    ProspectProfile newer =
        aProfile()
            .named("Ana Maria", "Silva Costa")
            .titled("Chief Revenue Officer")
            .workingAt("Southwind")
            .withEmail("ana@southwind.example")
            .locatedIn("Porto, Portugal")
            .active(ActivityLevel.HIGH)
            .build();

    // when
    ProspectProfile updated = stored.updatedBy(newer);

    // then
    assertThat(updated.firstName()).isEqualTo("Ana Maria");
    assertThat(updated.lastName()).isEqualTo("Silva Costa");
    assertThat(updated.title()).isEqualTo("Chief Revenue Officer");
    assertThat(updated.seniority()).isEqualTo(Seniority.C_SUITE);
    assertThat(updated.company()).isEqualTo("Southwind");
    assertThat(updated.email()).isEqualTo(new EmailAddress("ana@southwind.example"));
    assertThat(updated.location()).isEqualTo("Porto, Portugal");
    assertThat(updated.activity()).isEqualTo(ActivityLevel.HIGH);
  }

  @Test
  void whatTheNewerProfileLeavesEmptyIsKept() {
    // given
    ProspectProfile stored =
        aProfile()
            .titled("VP Sales")
            .workingAt("Northwind")
            .withEmail("ana@northwind.example")
            .locatedIn("Lisbon, Portugal")
            .tagged("saas")
            .active(ActivityLevel.LOW)
            .build();
    ProspectProfile newer =
        aProfile()
            .named("", "Silva")
            .titled("")
            .workingAt("  ")
            .withEmail(null)
            .locatedIn(null)
            .tagged()
            .active(ActivityLevel.UNKNOWN)
            .connected(ConnectionDegree.UNKNOWN)
            .build();

    // when
    ProspectProfile updated = stored.updatedBy(newer);

    // then
    assertThat(updated).isEqualTo(stored);
    assertThat(updated.firstName()).isEqualTo("Ana");
    assertThat(updated.title()).isEqualTo("VP Sales");
    assertThat(updated.seniority()).isEqualTo(Seniority.VP);
    assertThat(updated.company()).isEqualTo("Northwind");
    assertThat(updated.email()).isEqualTo(new EmailAddress("ana@northwind.example"));
    assertThat(updated.location()).isEqualTo("Lisbon, Portugal");
    assertThat(updated.activity()).isEqualTo(ActivityLevel.LOW);
  }

  @Test
  void aMissingEmailKeepsTheKnownOne() {
    // given
    ProspectProfile stored = aProfile().withEmail("ana@northwind.example").build();
    ProspectProfile newer = aProfile().withEmail(null).build();

    // when / then
    assertThat(stored.updatedBy(newer).email())
        .isEqualTo(new EmailAddress("ana@northwind.example"));
  }

  @Test
  void aProfileUrlLearnedLaterIsAddedToSomeoneKnownByEmail() {
    // given
    ProspectProfile emailOnly = aProfile().at(null).withEmail("ana@northwind.example").build();
    ProspectProfile withUrl =
        aProfile().at("https://www.linkedin.com/in/ana-silva").withEmail(null).build();

    // when
    ProspectProfile updated = emailOnly.updatedBy(withUrl);

    // then
    assertThat(updated.profileUrl()).isEqualTo(ProfileUrl.of("linkedin.com/in/ana-silva"));
    assertThat(updated.email()).isEqualTo(new EmailAddress("ana@northwind.example"));
  }

  @Test
  void tagsAreAddedTogether() {
    // given
    ProspectProfile stored = aProfile().tagged("saas", "dach").build();
    ProspectProfile newer = aProfile().tagged("dach", "q3-fintech").build();

    // when / then
    assertThat(stored.updatedBy(newer).tags())
        .containsExactlyInAnyOrder("saas", "dach", "q3-fintech");
    assertThat(stored.updatedBy(aProfile().tagged().build()).tags())
        .containsExactlyInAnyOrder("saas", "dach");
  }

  @Test
  void aFirstDegreeConnectionStaysFirstDegree() {
    // given
    ProspectProfile connected = aProfile().connected(ConnectionDegree.FIRST).build();

    // when / then
    for (ConnectionDegree later : ConnectionDegree.values()) {
      assertThat(connected.updatedBy(aProfile().connected(later).build()).degree())
          .as("after a row saying %s", later)
          .isEqualTo(ConnectionDegree.FIRST);
    }
  }

  @Test
  void aKnownDegreeIsUpdatedByANewerKnownOneAndKeptOverUnknown() {
    ProspectProfile second = aProfile().connected(ConnectionDegree.SECOND).build();

    assertThat(second.updatedBy(aProfile().connected(ConnectionDegree.FIRST).build()).degree())
        .isEqualTo(ConnectionDegree.FIRST);
    assertThat(second.updatedBy(aProfile().connected(ConnectionDegree.THIRD).build()).degree())
        .isEqualTo(ConnectionDegree.THIRD);
    assertThat(second.updatedBy(aProfile().connected(ConnectionDegree.UNKNOWN).build()).degree())
        .isEqualTo(ConnectionDegree.SECOND);
  }

  @Test
  void updatingByTheSameProfileChangesNothing() {
    ProspectProfile profile =
        aProfile().withEmail("ana@northwind.example").tagged("saas").withOpenProfile().build();

    assertThat(profile.updatedBy(profile)).isEqualTo(profile);
  }

  @Test
  void textIsStrippedAndMissingTextIsEmpty() {
    // when
    ProspectProfile profile =
        aProfile().named("  Ana ", null).titled(null).workingAt(" Northwind\t").build();

    // then
    assertThat(profile.firstName()).isEqualTo("Ana");
    assertThat(profile.lastName()).isEmpty();
    assertThat(profile.title()).isEmpty();
    assertThat(profile.company()).isEqualTo("Northwind");
    assertThat(profile.fullName()).isEqualTo("Ana");
  }

  @Test
  void fullNameJoinsFirstAndLastName() {
    assertThat(aProfile().named("Ana", "Silva").build().fullName()).isEqualTo("Ana Silva");
    assertThat(aProfile().named("", "Silva").build().fullName()).isEqualTo("Silva");
  }

  @Test
  void needsAProfileUrlASalesNavigatorLeadOrAnEmail() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> aProfile().at(null).withEmail(null).build())
        .withMessageContaining("LinkedIn profile URL, a Sales Navigator lead or an email");
    assertThat(aProfile().at(null).withEmail("ana@northwind.example").build().hasEmail()).isTrue();
  }

  @Test
  void needsAName() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> aProfile().named(" ", null).build())
        .withMessageContaining("needs a name");
  }

  @Test
  void keepsItsOwnCopyOfTheTags() {
    // given
    Set<String> tags = new java.util.HashSet<>(Set.of("saas"));
    ProspectProfile profile = aProfile().tagged(tags).build();

    // when
    tags.add("dach");

    // then
    assertThat(profile.tags()).containsExactly("saas");
  }

  private static ProfileBuilder aProfile() {
    return new ProfileBuilder();
  }

  /** A prospect's profile with plausible defaults; each test states only what it is about. */
  private static final class ProfileBuilder {
    private String firstName = "Ana";
    private String lastName = "Silva";
    private ProfileUrl url = ProfileUrl.of("https://www.linkedin.com/in/ana-silva");
    private String title = "Head of Growth";
    private Seniority seniority;
    private String company = "Northwind";
    private EmailAddress email;
    private String location = "Lisbon, Portugal";
    private Set<String> tags = Set.of();
    private ActivityLevel activity = ActivityLevel.MEDIUM;
    private ConnectionDegree degree = ConnectionDegree.SECOND;
    private boolean openProfile;

    ProfileBuilder named(String first, String last) {
      this.firstName = first;
      this.lastName = last;
      return this;
    }

    ProfileBuilder at(String profileUrl) {
      this.url = profileUrl == null ? null : ProfileUrl.of(profileUrl);
      return this;
    }

    ProfileBuilder titled(String title) {
      this.title = title;
      return this;
    }

    ProfileBuilder withSeniority(Seniority seniority) {
      this.seniority = seniority;
      return this;
    }

    ProfileBuilder workingAt(String company) {
      this.company = company;
      return this;
    }

    ProfileBuilder withEmail(String email) {
      this.email = email == null ? null : EmailAddress.parse(email).orElseThrow();
      return this;
    }

    ProfileBuilder locatedIn(String location) {
      this.location = location;
      return this;
    }

    ProfileBuilder tagged(String... tags) {
      this.tags = Set.of(tags);
      return this;
    }

    ProfileBuilder tagged(Set<String> tags) {
      this.tags = tags;
      return this;
    }

    ProfileBuilder active(ActivityLevel activity) {
      this.activity = activity;
      return this;
    }

    ProfileBuilder connected(ConnectionDegree degree) {
      this.degree = degree;
      return this;
    }

    ProfileBuilder withOpenProfile() {
      this.openProfile = true;
      return this;
    }

    ProspectProfile build() {
      return new ProspectProfile(
          firstName,
          lastName,
          url,
          title,
          seniority != null ? seniority : Seniority.fromTitle(title),
          company,
          email,
          location,
          tags,
          activity,
          degree,
          openProfile);
    }
  }
}
