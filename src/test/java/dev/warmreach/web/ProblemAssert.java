package dev.warmreach.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warmreach.web.http.Problem;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** Assertions on RFC 9457 problem details, reading as the API's contract. */
public final class ProblemAssert {

  private final HttpResponse<String> response;
  private final JsonNode body;

  private ProblemAssert(HttpResponse<String> response) {
    this.response = response;
    this.body = ServerFixture.json(response);
  }

  public static ProblemAssert assertThatProblem(HttpResponse<String> response) {
    return new ProblemAssert(response);
  }

  public ProblemAssert hasStatus(int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith(Problem.MEDIA_TYPE);
    assertThat(body.get("status").asInt()).isEqualTo(status);
    assertThat(body.get("type").asText()).startsWith("urn:warmreach:problem:");
    assertThat(body.get("title").asText()).isNotBlank();
    assertThat(body.get("detail").asText()).isNotBlank();
    return this;
  }

  public ProblemAssert namesFields(String... fields) {
    List<String> named = new ArrayList<>();
    body.get("errors").forEach(e -> named.add(e.get("field").asText()));
    assertThat(named).as(response.body()).containsExactlyInAnyOrder(fields);
    return this;
  }

  public ProblemAssert detailContains(String text) {
    assertThat(body.get("detail").asText()).contains(text);
    return this;
  }
}
