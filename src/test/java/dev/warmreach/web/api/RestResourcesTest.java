package dev.warmreach.web.api;

import static dev.warmreach.web.ProblemAssert.assertThatProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warmreach.domain.Role;
import dev.warmreach.web.ServerFixture;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REST resources' mistakes: each is a problem naming the field, and nothing is stored. */
class RestResourcesTest {

  @TempDir Path home;
  private ServerFixture server;
  private String[] auth;

  @BeforeEach
  void start() {
    server = ServerFixture.start(home);
    server.addUser("you@example.com", Role.MEMBER);
    auth = server.bearer(server.login("you@example.com"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void anImportWithAnInvalidRowStoresNothingAndNamesTheRow() {
    String csv =
        "First Name,Last Name,Title,Company,LinkedIn URL,Email\n"
            + "Ana,Silva,VP Sales,Northwind,https://www.linkedin.com/in/ana-silva,ana@northwind.io\n"
            + "Bo,Berg,CTO,Contoso,,\n";

    HttpResponse<String> refused = server.post("/api/prospects/import", "text/csv", csv, auth);
    long stored = server.count("SELECT count(*) FROM prospect");
    HttpResponse<String> skipped =
        server.post("/api/prospects/import?skipInvalid=true", "text/csv", csv, auth);

    System.out.println(refused.body());
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(ServerFixture.json(refused).get("errors").get(0).get("field").asText())
        .isEqualTo("line 3");
    assertThat(stored).isZero();
    assertThat(skipped.statusCode()).as(skipped.body()).isEqualTo(201);
    assertThat(ServerFixture.json(skipped).get("created").asInt()).isEqualTo(1);
  }

  @Test
  void listsArePagedAndRefuseLimitsOutOfRange() {
    for (String name : new String[] {"sdr-1", "sdr-2", "sdr-3"}) {
      assertThat(
              server
                  .post(
                      "/api/accounts",
                      "application/json",
                      "{\"name\": \"" + name + "\", \"plan\": \"FREE\"}",
                      auth)
                  .statusCode())
          .isEqualTo(201);
    }

    JsonNode page = ServerFixture.json(server.get("/api/accounts?limit=2&offset=1", auth));

    assertThat(page.get("total").asInt()).isEqualTo(3);
    assertThat(page.get("limit").asInt()).isEqualTo(2);
    assertThat(page.get("offset").asInt()).isEqualTo(1);
    assertThat(page.get("items").findValuesAsText("name")).containsExactly("sdr-2", "sdr-3");
    assertThatProblem(server.get("/api/accounts?limit=0", auth)).hasStatus(422);
    assertThatProblem(server.get("/api/prospects?limit=5000", auth)).hasStatus(422);
  }

  @Test
  void anAccountWithWrongFieldsNamesEachAndTakenNamesConflict() {
    HttpResponse<String> wrong =
        server.post(
            "/api/accounts",
            "application/json",
            "{\"name\": \"sdr 1\", \"plan\": \"GOLD\", \"timezone\": \"Mars/Base\"}",
            auth);
    server.post("/api/accounts", "application/json", "{\"name\": \"a\", \"plan\": \"FREE\"}", auth);
    HttpResponse<String> again =
        server.post(
            "/api/accounts", "application/json", "{\"name\": \"a\", \"plan\": \"FREE\"}", auth);

    assertThatProblem(wrong).hasStatus(422);
    assertThat(ServerFixture.json(wrong).get("errors").findValuesAsText("field"))
        .containsExactly("name", "plan", "timezone");
    assertThatProblem(again).hasStatus(409);
  }

  @Test
  void aCampaignWhoseTemplateBreaksAHardLimitIsRefusedNamingTemplateAndRule() {
    server.post("/api/accounts", "application/json", "{\"name\": \"a\", \"plan\": \"FREE\"}", auth);
    server.post(
        "/api/prospects/import",
        "text/csv",
        "First Name,Last Name,Title,Company,LinkedIn URL\n"
            + "Ana,Silva,VP Sales,Northwind,https://www.linkedin.com/in/ana-silva\n",
        auth);
    String longNote = "x".repeat(320);

    HttpResponse<String> refused =
        server.post(
            "/api/campaigns",
            "application/json",
            "{\"name\": \"q1\", \"accounts\": [\"a\"], \"definition\": {\"sequence\": \"combined\","
                + " \"templates\": {\"note\": \""
                + longNote
                + "\"}}}",
            auth);

    System.out.println(refused.body());
    assertThatProblem(refused).hasStatus(422);
    assertThat(refused.body()).contains("note");
    assertThat(server.count("SELECT count(*) FROM campaign")).isZero();
  }
}
