package dev.warmreach.live;

import dev.warmreach.domain.Prospect;
import dev.warmreach.domain.ProspectProfile;
import java.time.Instant;
import java.util.List;

/**
 * A prospect as tools read it (CLI --json and the HTTP API): flat, with stable field names. {@code
 * leadId} is the Sales Navigator lead id, apart from the public {@code profileUrl}.
 */
public record ProspectJson(
    long id,
    String firstName,
    String lastName,
    String name,
    String profileUrl,
    String leadId,
    String email,
    String title,
    String seniority,
    String company,
    String location,
    List<String> tags,
    String activity,
    String degree,
    boolean openProfile,
    boolean doNotContact,
    Instant createdAt,
    Instant updatedAt) {

  public static ProspectJson of(Prospect prospect) {
    ProspectProfile p = prospect.profile();
    return new ProspectJson(
        prospect.id(),
        p.firstName(),
        p.lastName(),
        p.fullName(),
        p.profileUrl() == null ? null : p.profileUrl().value(),
        p.leadId(),
        p.email() == null ? null : p.email().value(),
        p.title(),
        p.seniority().name(),
        p.company(),
        p.location(),
        p.tags().stream().sorted().toList(),
        p.activity().name(),
        p.degree().name(),
        p.openProfile(),
        prospect.doNotContact(),
        prospect.createdAt(),
        prospect.updatedAt());
  }
}
