package dev.warmreach.testing;

import dev.warmreach.definition.CampaignFile;
import dev.warmreach.domain.ActivityLevel;
import dev.warmreach.domain.Campaign;
import dev.warmreach.domain.Enrollment;
import dev.warmreach.domain.Plan;
import dev.warmreach.domain.Prospect;
import dev.warmreach.domain.ProspectProfile;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.domain.WorkingHours;
import dev.warmreach.live.LiveEngine;
import dev.warmreach.sequence.SequenceEngine;
import dev.warmreach.store.ProspectQuery;
import dev.warmreach.store.Store;
import dev.warmreach.store.StoredCampaign;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Test data: a launched campaign of the combined sequence, {@code size} prospects spread over Sales
 * Navigator accounts in Berlin — {@code ACampaign.launched(store, 80, start, "sdr-1")}.
 */
public final class ACampaign {

  private ACampaign() {}

  /** With the accounts working Mon–Fri 09:00–17:30. */
  public static StoredCampaign launched(Store store, int size, Instant start, String... accounts) {
    return launchedWorking(null, store, size, start, accounts);
  }

  /** With the accounts working {@code hours}, e.g. "Mon-Sun 00:00-23:59". */
  public static StoredCampaign launchedWorking(
      String hours, Store store, int size, Instant start, String... accounts) {
    List<ProspectProfile> profiles = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      profiles.add(
          AProspect.aProspect()
              .named("Person" + i, "Example")
              .at("https://www.linkedin.com/in/person-" + i)
              .titled(i % 4 == 0 ? "VP Sales" : "Sales Manager")
              .withEmail("person" + i + "@example.com")
              .active(i % 2 == 0 ? ActivityLevel.HIGH : ActivityLevel.LOW)
              .build());
    }
    store.prospects().saveProspects(profiles);
    for (String name : accounts) {
      SenderAccount account =
          SenderAccount.withPlanDefaults(name, Plan.SALES_NAVIGATOR, ZoneId.of("Europe/Berlin"));
      if (hours != null) {
        account =
            new SenderAccount(
                name,
                account.plan(),
                account.weeklyInvitationCap(),
                account.monthlyInmailCredits(),
                account.timeZone(),
                WorkingHours.parse(hours));
      }
      store.accounts().addAccount(account);
    }
    String definition = CampaignFile.defaultJson();
    StoredCampaign stored =
        store
            .campaigns()
            .createCampaign(
                new Campaign(
                    0,
                    "campaign",
                    List.of(accounts),
                    "playbook",
                    "combined",
                    Campaign.Status.DRAFT,
                    start),
                definition)
            .orElseThrow();
    SequenceEngine engine = Engines.engine(CampaignFile.fromJson(definition), "playbook");
    List<Enrollment> enrollments = new ArrayList<>();
    List<Prospect> people = store.prospects().prospects(ProspectQuery.all(10_000));
    for (int i = 0; i < people.size(); i++) {
      enrollments.add(
          engine.enroll(
              0, stored.campaign().id(), people.get(i).id(), accounts[i % accounts.length], start));
    }
    store.campaigns().enroll(enrollments);
    LiveEngine.prepareAccounts(store.accounts(), stored.campaign(), start);
    store.campaigns().setCampaignStatus(stored.campaign().id(), Campaign.Status.ACTIVE);
    return stored;
  }
}
