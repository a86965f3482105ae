package dev.warmreach.web.api;

import static dev.warmreach.testing.AProspect.aProspect;
import static dev.warmreach.web.ProblemAssert.assertThatProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warmreach.domain.EmailAddress;
import dev.warmreach.domain.Role;
import dev.warmreach.web.ServerFixture;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The do-not-contact API against the running server and its real database. */
class DncApiTest {

  @TempDir Path home;
  private ServerFixture fixture;
  private String[] auth;

  @BeforeEach
  void start() {
    fixture = ServerFixture.start(home);
    fixture.addUser("admin@northwind-sales.example", Role.ADMIN);
    auth = fixture.bearer(fixture.login("admin@northwind-sales.example"));
    fixture
        .app
        .prospects()
        .saveProspects(
            List.of(
                aProspect()
                    .named("Jonas", "Berg")
                    .withoutProfile()
                    .withEmail("jonas@orbe.example")
                    .build(),
                aProspect()
                    .named("Ana", "Silva")
                    .withoutProfile()
                    .withEmail("ana@kestrel.example")
                    .build()));
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private HttpResponse<String> add(String body) {
    return fixture.post("/api/dnc", "application/json", body, auth);
  }

  private long marked() {
    return fixture.count("SELECT count(*) FROM prospect WHERE do_not_contact = TRUE");
  }

  @Test
  void addsAddressesDomainsAndProfilesWithAReasonAndListsThem() {
    HttpResponse<String> first =
        add(
            "{\"entries\": [\"someone@kestrel.example\", \"@orbe.example\","
                + " \"https://www.linkedin.com/in/lea-meier/\"], \"reason\": \"customer\"}");
    HttpResponse<String> again = add("{\"entries\": [\"ORBE.example\"]}");

    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    assertThat(ServerFixture.json(first).get("added").asInt()).isEqualTo(3);
    assertThat(ServerFixture.json(first).findValuesAsText("kind"))
        .containsExactly("email", "domain", "profile");
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(ServerFixture.json(again).get("already").asInt()).isEqualTo(1);
    // the stored prospect at the domain is marked; everyone there is do-not-contact
    assertThat(marked()).isEqualTo(1);
    assertThat(
            fixture.app.doNotContact().isDoNotContact(null, new EmailAddress("new@orbe.example")))
        .isTrue();
    assertThat(
            fixture
                .app
                .prospects()
                .saveProspects(
                    List.of(
                        aProspect()
                            .named("Mia", "Roth")
                            .withoutProfile()
                            .withEmail("mia@orbe.example")
                            .build()))
                .keptOut())
        .isEqualTo(1);

    JsonNode page = ServerFixture.json(fixture.get("/api/dnc?limit=2", auth));
    assertThat(page.get("total").asInt()).isEqualTo(3);
    assertThat(page.get("items")).hasSize(2);
    JsonNode all = ServerFixture.json(fixture.get("/api/dnc", auth)).get("items");
    assertThat(all.findValuesAsText("entry"))
        .containsExactlyInAnyOrder(
            "someone@kestrel.example", "orbe.example", "https://www.linkedin.com/in/lea-meier");
    assertThat(all.findValuesAsText("reason")).containsOnly("customer");
  }

  @Test
  void oneInvalidEntryAddsNoneAndNamesIt() {
    HttpResponse<String> response =
        add("{\"entries\": [\"ana@kestrel.example\", \"not an address\", \"@\"]}");

    assertThatProblem(response).hasStatus(422).namesFields("entries[1]", "entries[2]");
    assertThat(fixture.count("SELECT count(*) FROM do_not_contact")).isZero();
    assertThat(marked()).isZero();
    assertThatProblem(add("{}")).hasStatus(422).namesFields("entries");
  }

  @Test
  void removingADomainLetsItsPeopleBeContactedAgainUnlessAnotherEntryCoversThem() {
    add("{\"entries\": [\"@orbe.example\", \"@kestrel.example\", \"ana@kestrel.example\"]}");
    assertThat(marked()).isEqualTo(2);

    HttpResponse<String> orbe =
        fixture.send("DELETE", "/api/dnc?entry=orbe.example", null, null, auth);
    HttpResponse<String> kestrel =
        fixture.send("DELETE", "/api/dnc?entry=%40kestrel.example", null, null, auth);
    HttpResponse<String> twice =
        fixture.send("DELETE", "/api/dnc?entry=orbe.example", null, null, auth);

    assertThat(orbe.statusCode()).as(orbe.body()).isEqualTo(200);
    assertThat(kestrel.statusCode()).isEqualTo(200);
    assertThatProblem(twice).hasStatus(404);
    // Ana's own address is still listed
    assertThat(marked()).isEqualTo(1);
    assertThat(fixture.app.doNotContact().isDoNotContact(null, new EmailAddress("x@orbe.example")))
        .isFalse();
    assertThatProblem(fixture.send("DELETE", "/api/dnc", null, null, auth))
        .hasStatus(422)
        .namesFields("entry");
  }

  @Test
  void theListNeedsASignedInUser() {
    assertThatProblem(fixture.get("/api/dnc")).hasStatus(401);
  }
}
