package dev.warmreach.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warmreach.web.pages.Pages;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /openapi.json}: valid OpenAPI 3.1 by swagger-parser, and in step with the routes
 * Javalin registered — neither can gain or lose a route without the other.
 */
class OpenApiDocumentTest {

  @TempDir Path home;
  private ServerFixture fixture;

  @BeforeEach
  void start() {
    fixture = ServerFixture.start(home);
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private HttpResponse<String> document() {
    HttpResponse<String> response = fixture.get("/openapi.json");
    assertThat(response.statusCode()).as("public, no credentials").isEqualTo(200);
    return response;
  }

  @Test
  void theDocumentIsValidOpenApi31() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result =
        new OpenAPIV3Parser().readContents(document().body(), null, options);

    System.out.println("swagger-parser messages: " + result.getMessages());
    assertThat(result.getMessages()).isEmpty();
    assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
    assertThat(result.getOpenAPI().getComponents().getSecuritySchemes())
        .containsOnlyKeys("bearer", "session");
  }

  @Test
  void theValidatorRefusesABrokenDocument() throws Exception {
    ObjectNode broken = (ObjectNode) ServerFixture.json(document());
    broken.remove("info");
    ((ObjectNode) broken.get("paths").get("/health").get("get")).put("responses", "none");
    ParseOptions options = new ParseOptions();
    options.setResolve(true);

    SwaggerParseResult result =
        new OpenAPIV3Parser().readContents(broken.toString(), null, options);

    System.out.println("swagger-parser on a broken copy: " + result.getMessages());
    assertThat(result.getMessages())
        .anySatisfy(m -> assertThat(m).contains("info"))
        .anySatisfy(m -> assertThat(m).contains("responses"));
  }

  @Test
  void everyRegisteredRouteIsDocumentedAndEveryDocumentedRouteExists() {
    Set<String> registered = new TreeSet<>();
    for (WebServer.Route route : fixture.server.routes()) {
      if (Pages.isPage(route.path())) {
        continue; // the dashboard's HTML pages are not part of the API
      }
      registered.add(route.method() + " " + route.path());
    }
    Set<String> documented = new TreeSet<>();
    JsonNode paths = ServerFixture.json(document()).get("paths");
    paths
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        method ->
                            documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));

    System.out.println(
        registered.size() + " routes registered, " + documented.size() + " documented");
    assertThat(documented).containsExactlyInAnyOrderElementsOf(registered);
  }
}
