package dev.warmreach.testing;

import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh PostgreSQL schema for one test, on the server named by {@code
 * WARMREACH_TEST_POSTGRES_URL}. Outside CI a missing variable skips the test with a message saying
 * how to enable it; in CI ({@code CI=true}) it fails, because there the PostgreSQL tests must run.
 */
public final class PostgresDatabase implements AutoCloseable {

  public static final String URL_VARIABLE = "WARMREACH_TEST_POSTGRES_URL";

  private final String serverUrl;
  private final String schema;

  private PostgresDatabase(String serverUrl, String schema) {
    this.serverUrl = serverUrl;
    this.schema = schema;
  }

  /** Creates an empty schema, or skips (fails in CI) when no server is configured. */
  public static PostgresDatabase createSchema() {
    String url = System.getenv(URL_VARIABLE);
    if (url == null || url.isBlank()) {
      String how =
          "PostgreSQL tests need "
              + URL_VARIABLE
              + ", e.g. export "
              + URL_VARIABLE
              + "='jdbc:postgresql://127.0.0.1:5432/test?user=postgres'";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("In CI the PostgreSQL tests must run: " + how);
      }
      Assumptions.abort(how);
    }
    String schema = "wr_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot reach PostgreSQL at " + url + " (" + URL_VARIABLE + "): " + e.getMessage(), e);
    }
    return new PostgresDatabase(url, schema);
  }

  /** A JDBC URL whose connections work in this test's own schema. */
  public String url() {
    return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  @Override
  public void close() {
    try (Connection c = DriverManager.getConnection(serverUrl);
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop test schema " + schema, e);
    }
  }
}
