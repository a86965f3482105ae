package dev.warmreach.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a client generator needs from {@code openapi.json}: every operation tagged and described,
 * every request and response body with a schema that says its fields and an example that the schema
 * accepts (checked by networknt's JSON Schema 2020-12 validator), every object in the components
 * naming its required fields.
 */
class OpenApiBodiesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private JsonNode document;
  private OpenApiContract contract;

  @BeforeEach
  void read() throws IOException {
    document = JSON.readTree(Files.readString(Path.of("src/main/resources/openapi.json")));
    contract = new OpenApiContract(document);
  }

  /** One request or response body of an operation, in one media type. */
  record Body(String where, JsonNode media) {}

  private List<Body> bodies() {
    List<Body> bodies = new ArrayList<>();
    for (OpenApiContract.Operation operation : contract.operations()) {
      JsonNode requestBody = operation.node().get("requestBody");
      if (requestBody != null) {
        contract
            .resolve(requestBody)
            .path("content")
            .fields()
            .forEachRemaining(
                m ->
                    bodies.add(
                        new Body(operation.name() + " request " + m.getKey(), m.getValue())));
      }
      operation
          .node()
          .path("responses")
          .fields()
          .forEachRemaining(
              r ->
                  contract
                      .resolve(r.getValue())
                      .path("content")
                      .fields()
                      .forEachRemaining(
                          m ->
                              bodies.add(
                                  new Body(
                                      operation.name() + " " + r.getKey() + " " + m.getKey(),
                                      m.getValue()))));
    }
    return bodies;
  }

  private static List<JsonNode> examples(JsonNode media) {
    List<JsonNode> examples = new ArrayList<>();
    if (media.has("example")) {
      examples.add(media.get("example"));
    }
    media.path("examples").forEach(e -> examples.add(e.get("value")));
    return examples;
  }

  @Test
  void everyOperationIsTaggedWithADeclaredTagAndDescribed() {
    Set<String> declared = new HashSet<>();
    document.path("tags").forEach(t -> declared.add(t.get("name").asText()));
    List<String> missing = new ArrayList<>();
    for (OpenApiContract.Operation operation : contract.operations()) {
      if (operation.node().path("description").asText().isBlank()) {
        missing.add(operation.name() + ": no description");
      }
      if (!operation.node().path("tags").isArray() || operation.node().path("tags").isEmpty()) {
        missing.add(operation.name() + ": no tag");
      }
      operation
          .node()
          .path("tags")
          .forEach(
              t -> {
                if (!declared.contains(t.asText())) {
                  missing.add(operation.name() + ": tag " + t + " not declared");
                }
              });
    }
    System.out.println(contract.operations().size() + " operations, tags " + declared);
    assertThat(missing).isEmpty();
  }

  @Test
  void everyBodyHasASchemaThatNamesItsFieldsAndAnExampleTheSchemaAccepts() {
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (Body body : bodies()) {
      JsonNode schema = body.media().get("schema");
      List<JsonNode> examples = examples(body.media());
      if (schema == null) {
        problems.add(body.where() + ": no schema");
        continue;
      }
      if (examples.isEmpty()) {
        problems.add(body.where() + ": no example");
      }
      JsonNode resolved = contract.resolve(schema);
      if ("object".equals(resolved.path("type").asText())
          && !resolved.has("properties")
          && !resolved.has("additionalProperties")) {
        problems.add(body.where() + ": a bare object schema");
      }
      if (body.where().contains("json")) {
        for (JsonNode example : examples) {
          problems.addAll(contract.validate(schema, example, body.where() + " example: "));
          checked++;
        }
      }
    }
    System.out.println(bodies().size() + " bodies, " + checked + " JSON examples validated");
    assertThat(problems).isEmpty();
  }

  @Test
  void everyObjectInTheComponentsNamesItsRequiredFields() {
    List<String> without = new ArrayList<>();
    for (Map.Entry<String, JsonNode> schema : fields(document.at("/components/schemas"))) {
      JsonNode s = schema.getValue();
      if (s.has("properties") && !s.has("required")) {
        without.add(schema.getKey());
      }
    }
    assertThat(without).as("component schemas without required").isEmpty();
  }

  @Test
  void theValidatorRefusesAnswersThatDisagreeWithTheDocument() {
    JsonNode tokens =
        document.at("/paths/~1api~1tokens/get/responses/200/content/application~1json");
    JsonNode event = document.at("/paths/~1api~1events/post/requestBody/content/application~1json");
    ObjectNode session = JSON.createObjectNode().put("authenticatedBy", "session");

    assertThat(contract.validate(tokens.get("schema"), JSON.createArrayNode(), "tokens "))
        .as("a bare array where {tokens: [...]} is documented")
        .isNotEmpty();
    assertThat(
            contract.validate(
                event.get("schema"),
                "{\"kind\": \"accepted\", \"prospectId\": 1, \"idempotencyKey\": \"k\"}",
                "event "))
        .as("one event matches exactly one branch")
        .isEmpty();
    assertThat(
            contract.validate(
                event.get("schema"), "{\"kind\": \"accepted\", \"idempotencyKey\": \"k\"}", "e "))
        .as("an event naming no prospect")
        .isNotEmpty();
    assertThat(
            contract.validate(
                document.at("/components/schemas/Session"), session, "session without a user "))
        .isNotEmpty();
    assertThat(
            contract.validate(
                document.at("/components/schemas/ApiToken"),
                "{\"id\": 1, \"name\": \"x\", \"createdAt\": \"yesterday\", \"revokedAt\": null}",
                "a time that is not a date-time "))
        .isNotEmpty();
  }

  private static List<Map.Entry<String, JsonNode>> fields(JsonNode node) {
    List<Map.Entry<String, JsonNode>> all = new ArrayList<>();
    node.fields().forEachRemaining(all::add);
    return all;
  }
}
