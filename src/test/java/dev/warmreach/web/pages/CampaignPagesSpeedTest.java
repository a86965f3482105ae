package dev.warmreach.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.coachdata.PhraseBooks;
import dev.warmreach.definition.CampaignFile;
import dev.warmreach.domain.Campaign;
import dev.warmreach.domain.Enrollment;
import dev.warmreach.domain.Plan;
import dev.warmreach.domain.Prospect;
import dev.warmreach.domain.ProspectProfile;
import dev.warmreach.domain.Role;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.policy.ChannelPolicy;
import dev.warmreach.sequence.SequenceEngine;
import dev.warmreach.store.ProspectQuery;
import dev.warmreach.store.Store;
import dev.warmreach.store.StoredCampaign;
import dev.warmreach.testing.AProspect;
import dev.warmreach.web.ServerFixture;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The campaign pages stay fast with 100,000 prospects enrolled in one campaign. */
class CampaignPagesSpeedTest {

  private static final int PROSPECTS = 100_000;

  @TempDir Path home;

  @Test
  void everyCampaignPageAnswersWithin200MillisecondsWith100000ProspectsEnrolled() {
    try (ServerFixture server = ServerFixture.start(home)) {
      server.addUser("ana@example.com", Role.MEMBER);
      Store store = server.app.store();
      seed(store);
      ServerFixture.Login login = server.login("ana@example.com");
      for (String path :
          List.of(
              "/campaigns",
              "/campaigns/big",
              "/campaigns/big/plan",
              "/campaigns/big/plan?page=2000",
              "/campaigns/new")) {
        server.get(path, "Cookie", login.cookie()); // warm up
        long[] millis = new long[5];
        for (int i = 0; i < millis.length; i++) {
          long began = System.nanoTime();
          HttpResponse<String> page = server.get(path, "Cookie", login.cookie());
          millis[i] = (System.nanoTime() - began) / 1_000_000;
          assertThat(page.statusCode()).as(path).isEqualTo(200);
        }
        java.util.Arrays.sort(millis);
        System.out.printf(
            "%s: median %d ms, slowest %d ms of %d%n",
            path, millis[millis.length / 2], millis[millis.length - 1], millis.length);
        // 200 ms is the goal on an idle laptop; the bound leaves room for a busy CI machine while
        // still failing a page that loads every enrollment (seconds at this size).
        assertThat(millis[millis.length / 2]).as(path).isLessThan(600);
      }
      assertThat(server.get("/campaigns/big/plan?page=2000", "Cookie", login.cookie()).body())
          .contains("Page 2000 of 2000 · prospects 99951–100000 of 100000");
    }
  }

  private static void seed(Store store) {
    store.addAccount(
        SenderAccount.withPlanDefaults("sdr-1", Plan.SALES_NAVIGATOR, ZoneId.of("Europe/Berlin")));
    for (int batch = 0; batch < PROSPECTS / 10_000; batch++) {
      List<ProspectProfile> profiles = new ArrayList<>();
      for (int i = batch * 10_000; i < (batch + 1) * 10_000; i++) {
        profiles.add(
            AProspect.aProspect()
                .named("Person" + i, "Example")
                .at("https://www.linkedin.com/in/person-" + i)
                .build());
      }
      store.saveProspects(profiles);
    }
    String definition = CampaignFile.defaultJson();
    StoredCampaign stored =
        store
            .createCampaign(
                new Campaign(
                    0,
                    "big",
                    List.of("sdr-1"),
                    "playbook",
                    "combined",
                    Campaign.Status.DRAFT,
                    ServerFixture.START),
                definition)
            .orElseThrow();
    SequenceEngine engine =
        CampaignFile.fromJson(definition)
            .engine(ChannelPolicy.named("playbook"), PhraseBooks.englishCoach());
    for (int offset = 0; offset < PROSPECTS; offset += ProspectQuery.MAX_LIMIT) {
      List<Enrollment> enrollments = new ArrayList<>();
      for (Prospect p :
          store.prospects(new ProspectQuery(null, null, null, ProspectQuery.MAX_LIMIT, offset))) {
        enrollments.add(
            engine.enroll(0, stored.campaign().id(), p.id(), "sdr-1", ServerFixture.START));
      }
      store.enroll(enrollments);
    }
  }
}
