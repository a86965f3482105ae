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

  private HttpResponse<String> patch(String account, String json) {
    return server.send("PATCH", "/api/accounts/" + account, "application/json", json, auth);
  }

  @Test
  void anAccountsFollowUpsZoneAndHoursAreChangedAndNullGivesTheSayBackToCampaigns() {
    server.post(
        "/api/accounts", "application/json", "{\"name\": \"sdr-1\", \"plan\": \"FREE\"}", auth);

    HttpResponse<String> changed =
        patch(
            "sdr-1",
            "{\"followUpsOnDaysOff\": false, \"timeZone\": \"Europe/Berlin\","
                + " \"workingHours\": \"08:00-16:00\"}");
    JsonNode shown = ServerFixture.json(server.get("/api/accounts/sdr-1", auth));
    HttpResponse<String> cleared = patch("sdr-1", "{\"followUpsOnDaysOff\": null}");

    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    assertThat(ServerFixture.json(changed).get("followUpsOnDaysOff").asBoolean(true)).isFalse();
    assertThat(shown.get("followUpsOnDaysOff").asBoolean(true)).isFalse();
    assertThat(shown.get("timeZone").asText()).isEqualTo("Europe/Berlin");
    assertThat(shown.get("workingHours").asText()).isEqualTo("Mon-Fri 08:00-16:00");
    assertThat(ServerFixture.json(cleared).get("followUpsOnDaysOff").isNull()).isTrue();
  }

  @Test
  void aBadAccountChangeNamesTheFieldAndStoresNothing() {
    server.post(
        "/api/accounts", "application/json", "{\"name\": \"sdr-1\", \"plan\": \"FREE\"}", auth);
    String before = ServerFixture.json(server.get("/api/accounts/sdr-1", auth)).toString();

    assertThatProblem(patch("nobody", "{\"followUpsOnDaysOff\": true}"))
        .hasStatus(404)
        .detailContains("no account named 'nobody'");
    assertThatProblem(
            patch("sdr-1", "{\"followUpsOnDaysOff\": \"yes\", \"timeZone\": \"Europe/Berlin\"}"))
        .hasStatus(422)
        .namesFields("followUpsOnDaysOff");
    assertThatProblem(patch("sdr-1", "{\"followUpsOnDaysOff\": true, \"timeZone\": \"Mars/Base\"}"))
        .hasStatus(422)
        .namesFields("timeZone")
        .detailContains("'Mars/Base' is not a time zone; use a name like Europe/Berlin");
    assertThatProblem(patch("sdr-1", "{\"workingHours\": \"17:00-09:00\"}"))
        .hasStatus(422)
        .namesFields("workingHours");
    assertThatProblem(patch("sdr-1", "{\"plan\": \"PREMIUM\"}"))
        .hasStatus(422)
        .namesFields("plan")
        .detailContains("cannot be changed here");
    assertThatProblem(patch("sdr-1", "{}")).hasStatus(422).namesFields("body");
    assertThat(ServerFixture.json(server.get("/api/accounts/sdr-1", auth)).toString())
        .isEqualTo(before);
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
