package dev.warmreach.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /openapi.json}: the OpenAPI 3.1 description of every route, kept in {@code
 * src/main/resources/openapi.json}; a test proves it and the registered routes agree.
 */
final class OpenApiDocument {

  static final String RESOURCE = "/openapi.json";

  private final byte[] document;

  OpenApiDocument() {
    try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the build left out " + RESOURCE);
      }
      document = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void serve(Context ctx) {
    ctx.contentType("application/json").result(document);
  }
}
