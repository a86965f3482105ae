package dev.warmreach.testing;

import dev.warmreach.domain.ActivityLevel;
import dev.warmreach.domain.ConnectionDegree;
import dev.warmreach.domain.EmailAddress;
import dev.warmreach.domain.ProfileUrl;
import dev.warmreach.domain.ProspectProfile;
import dev.warmreach.domain.Seniority;
import java.util.Set;

/** Test data builder: {@code aProspect().titled("VP Sales").build()}. */
public final class AProspect {

  private String firstName = "Ana";
  private String lastName = "Silva";
  private ProfileUrl url = ProfileUrl.of("https://www.linkedin.com/in/ana-silva-1");
  private String title = "Head of Growth";
  private String company = "Northwind";
  private EmailAddress email;
  private String location = "Lisbon, Portugal";
  private Set<String> tags = Set.of();
  private ActivityLevel activity = ActivityLevel.MEDIUM;
  private ConnectionDegree degree = ConnectionDegree.SECOND;
  private boolean openProfile;
  private String leadId;

  private AProspect() {}

  public static AProspect aProspect() {
    return new AProspect();
  }

  public AProspect named(String first, String last) {
    this.firstName = first;
    this.lastName = last;
    return this;
  }

  public AProspect at(String profileUrl) {
    this.url = profileUrl == null ? null : ProfileUrl.of(profileUrl);
    return this;
  }

  public AProspect withoutProfile() {
    this.url = null;
    return this;
  }

  public AProspect titled(String title) {
    this.title = title;
    return this;
  }

  public AProspect workingAt(String company) {
    this.company = company;
    return this;
  }

  public AProspect withEmail(String email) {
    this.email = email == null ? null : new EmailAddress(email);
    return this;
  }

  public AProspect locatedIn(String location) {
    this.location = location;
    return this;
  }

  public AProspect tagged(String... tags) {
    this.tags = Set.of(tags);
    return this;
  }

  public AProspect active(ActivityLevel activity) {
    this.activity = activity;
    return this;
  }

  public AProspect connected(ConnectionDegree degree) {
    this.degree = degree;
    return this;
  }

  /** Known from a Sales Navigator lead list by this lead id ({@code ACwAA…}). */
  public AProspect lead(String leadId) {
    this.leadId = leadId;
    return this;
  }

  public AProspect withOpenProfile() {
    this.openProfile = true;
    return this;
  }

  public ProspectProfile build() {
    return new ProspectProfile(
        firstName,
        lastName,
        url,
        title,
        Seniority.fromTitle(title),
        company,
        email,
        location,
        tags,
        activity,
        degree,
        openProfile,
        leadId);
  }
}
