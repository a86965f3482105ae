package dev.warmreach.domain;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What Warmreach knows about a person it may contact, as imported: who they are, where to reach
 * them, and the facts the channel policy uses. A person is identified by their profile address, or
 * by their email when they have none.
 *
 * @param profileUrl their LinkedIn profile; {@code null} for someone known only by email
 * @param email a business address; {@code null} when unknown
 * @param openProfile whether they accept InMail without spending a credit
 * @param leadId their Sales Navigator lead id ({@code ACwAA…}) when a lead list gave one; {@code
 *     null} otherwise. It is no profile address, and identifies them where they have none.
 */
public record ProspectProfile(
    String firstName,
    String lastName,
    ProfileUrl profileUrl,
    String title,
    Seniority seniority,
    String company,
    EmailAddress email,
    String location,
    Set<String> tags,
    ActivityLevel activity,
    ConnectionDegree degree,
    boolean openProfile,
    String leadId) {

  public ProspectProfile {
    firstName = text(firstName);
    lastName = text(lastName);
    title = text(title);
    company = text(company);
    location = text(location);
    Objects.requireNonNull(seniority, "seniority");
    Objects.requireNonNull(activity, "activity");
    Objects.requireNonNull(degree, "degree");
    tags = Set.copyOf(Objects.requireNonNull(tags, "tags"));
    leadId = leadId == null || leadId.isBlank() ? null : leadId.strip();
    if (profileUrl == null && email == null && leadId == null) {
      throw new IllegalArgumentException(
          "a prospect needs a LinkedIn profile URL, a Sales Navigator lead or an email");
    }
    if (firstName.isEmpty() && lastName.isEmpty()) {
      throw new IllegalArgumentException("a prospect needs a name");
    }
  }

  /** A profile with no Sales Navigator lead id. */
  public ProspectProfile(
      String firstName,
      String lastName,
      ProfileUrl profileUrl,
      String title,
      Seniority seniority,
      String company,
      EmailAddress email,
      String location,
      Set<String> tags,
      ActivityLevel activity,
      ConnectionDegree degree,
      boolean openProfile) {
    this(
        firstName,
        lastName,
        profileUrl,
        title,
        seniority,
        company,
        email,
        location,
        tags,
        activity,
        degree,
        openProfile,
        null);
  }

  /** "First Last", as a person would write it. */
  public String fullName() {
    return (firstName + " " + lastName).strip();
  }

  /** Whether a business email is known, so the email step is possible. */
  public boolean hasEmail() {
    return email != null;
  }

  /**
   * This profile updated by a newer import of the same person: what the newer one states wins, what
   * it leaves empty is kept, tags are added together, and a 1st-degree connection stays one.
   */
  public ProspectProfile updatedBy(ProspectProfile newer) {
    String newTitle = newer.title.isEmpty() ? title : newer.title;
    Set<String> allTags = new TreeSet<>(tags);
    allTags.addAll(newer.tags);
    return new ProspectProfile(
        newer.firstName.isEmpty() ? firstName : newer.firstName,
        newer.lastName.isEmpty() ? lastName : newer.lastName,
        newer.profileUrl == null ? profileUrl : newer.profileUrl,
        newTitle,
        Seniority.fromTitle(newTitle),
        newer.company.isEmpty() ? company : newer.company,
        newer.email == null ? email : newer.email,
        newer.location.isEmpty() ? location : newer.location,
        allTags,
        newer.activity == ActivityLevel.UNKNOWN ? activity : newer.activity,
        degree == ConnectionDegree.FIRST || newer.degree == ConnectionDegree.UNKNOWN
            ? degree
            : newer.degree,
        newer.openProfile || openProfile,
        newer.leadId == null ? leadId : newer.leadId);
  }

  private static String text(String value) {
    return value == null ? "" : value.strip();
  }
}
