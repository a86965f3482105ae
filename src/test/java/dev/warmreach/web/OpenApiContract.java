package dev.warmreach.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The served OpenAPI document as a contract for real traffic: finds the operation a request is for,
 * and checks its request and response bodies against the document's schemas with networknt's JSON
 * Schema 2020-12 validator (formats asserted), which knows nothing of Warmreach. Remembers which
 * operations and answers it saw. Not thread-safe.
 */
final class OpenApiContract {

  /** One documented operation: its method and path template, as {@code POST /api/events}. */
  record Operation(String method, String path, JsonNode node) {
    String name() {
      return method + " " + path;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode document;
  private final List<Operation> operations = new ArrayList<>();
  private final Map<Operation, Pattern> patterns = new HashMap<>();
  private final SchemaRegistry registry =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          builder ->
              builder.schemaRegistryConfig(
                  SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
  private final Map<JsonNode, Schema> schemas = new HashMap<>();
  private final Set<String> exercised = new TreeSet<>();
  private final Set<String> answers = new TreeSet<>();

  OpenApiContract(JsonNode document) {
    this.document = document;
    document
        .get("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fields()
                    .forEachRemaining(
                        method -> {
                          Operation operation =
                              new Operation(
                                  method.getKey().toUpperCase(Locale.ROOT),
                                  path.getKey(),
                                  method.getValue());
                          operations.add(operation);
                          patterns.put(
                              operation,
                              Pattern.compile(
                                  path.getKey()
                                      .replace(".", "\\.")
                                      .replaceAll("\\{[^}]+}", "[^/]+")));
                        }));
  }

  List<Operation> operations() {
    return List.copyOf(operations);
  }

  /** Every documented operation that no checked exchange was for. */
  Set<String> notExercised() {
    Set<String> left = new TreeSet<>();
    operations.forEach(o -> left.add(o.name()));
    left.removeAll(exercised);
    return left;
  }

  /** {@code POST /api/events 201}, one per operation and status seen. */
  Set<String> answers() {
    return Set.copyOf(answers);
  }

  Optional<Operation> operation(String method, String path) {
    String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    // a literal path beats a template (/api/tasks/uncertain, not /api/tasks/{id})
    Optional<Operation> literal =
        operations.stream()
            .filter(o -> o.method().equals(method) && o.path().equals(bare))
            .findFirst();
    if (literal.isPresent()) {
      return literal;
    }
    return operations.stream()
        .filter(o -> o.method().equals(method) && patterns.get(o).matcher(bare).matches())
        .findFirst();
  }

  /**
   * What is wrong with this exchange according to the document; empty when the request (if the
   * server took it) and the response are both as documented.
   */
  List<String> violations(
      String method, String path, String contentType, String body, HttpResponse<String> response) {
    List<String> found = new ArrayList<>();
    Optional<Operation> match = operation(method, path);
    if (match.isEmpty()) {
      found.add(method + " " + path + " is not a documented operation");
      return found;
    }
    Operation operation = match.get();
    int status = response.statusCode();
    String where = operation.name() + " → " + status + ": ";
    exercised.add(operation.name());
    answers.add(operation.name() + " " + status);

    if (status < 300 && body != null && !body.isEmpty()) {
      found.addAll(checkRequest(operation, contentType, body, where));
    }

    JsonNode documented = operation.node().path("responses").get(String.valueOf(status));
    if (documented == null) {
      documented = operation.node().path("responses").get((status / 100) + "XX");
    }
    if (documented == null) {
      found.add(where + "status not documented; body " + abbreviate(response.body()));
      return found;
    }
    documented = resolve(documented);
    String answered =
        mediaType(response.headers().firstValue("Content-Type").orElse("")).orElse("");
    JsonNode content = documented.get("content");
    if (content == null || content.isEmpty()) {
      if (!response.body().isEmpty()) {
        found.add(where + "documented without a body, but answered " + abbreviate(response.body()));
      }
      return found;
    }
    JsonNode media = content.get(answered);
    if (media == null) {
      found.add(
          where
              + "answered "
              + answered
              + ", documented "
              + iterableToString(content.fieldNames()));
      return found;
    }
    if (answered.endsWith("json")) {
      found.addAll(validate(media.get("schema"), response.body(), where + "response "));
    } else if (media.has("schema") && response.body().isEmpty()) {
      found.add(where + "documented a " + answered + " body, answered none");
    }
    return found;
  }

  private List<String> checkRequest(
      Operation operation, String contentType, String body, String where) {
    JsonNode requestBody = operation.node().get("requestBody");
    if (requestBody == null) {
      return List.of(where + "took a body the document does not describe: " + abbreviate(body));
    }
    String sent = mediaType(contentType == null ? "" : contentType).orElse("");
    JsonNode media = resolve(requestBody).path("content").get(sent);
    if (media == null) {
      return List.of(where + "took a " + sent + " body, the document does not list that type");
    }
    if (!sent.endsWith("json")) {
      return List.of();
    }
    return validate(media.get("schema"), body, where + "request ");
  }

  /** Problems of one JSON text against a schema of the document (its $refs resolved in it). */
  List<String> validate(JsonNode schema, String text, String where) {
    if (schema == null) {
      return List.of(where + "has no schema");
    }
    JsonNode instance;
    try {
      instance = JSON.readTree(text);
    } catch (IOException e) {
      return List.of(where + "is not JSON: " + abbreviate(text));
    }
    return validate(schema, instance, where);
  }

  List<String> validate(JsonNode schema, JsonNode instance, String where) {
    Schema compiled = schemas.computeIfAbsent(schema, this::compile);
    List<String> found = new ArrayList<>();
    for (Error error : compiled.validate(instance)) {
      found.add(where + error.getMessage() + " in " + abbreviate(instance.toString()));
    }
    return found;
  }

  /** The schema with the document's components beside it, so {@code #/components/…} resolves. */
  private Schema compile(JsonNode schema) {
    ObjectNode root = JSON.createObjectNode();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.set("allOf", JSON.createArrayNode().add(schema));
    root.set("components", document.get("components"));
    return registry.getSchema(root);
  }

  /** A response or request body given as a {@code $ref}, looked up in the document. */
  JsonNode resolve(JsonNode node) {
    JsonNode ref = node.get("$ref");
    if (ref == null) {
      return node;
    }
    return document.at(ref.asText().substring(1));
  }

  private static Optional<String> mediaType(String header) {
    if (header.isBlank()) {
      return Optional.empty();
    }
    int semicolon = header.indexOf(';');
    return Optional.of(
        (semicolon < 0 ? header : header.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT));
  }

  private static String iterableToString(java.util.Iterator<String> names) {
    List<String> all = new ArrayList<>();
    names.forEachRemaining(all::add);
    return all.toString();
  }

  private static String abbreviate(String text) {
    return text.length() <= 400 ? text : text.substring(0, 400) + "…";
  }
}
