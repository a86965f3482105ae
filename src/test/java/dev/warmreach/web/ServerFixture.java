package dev.warmreach.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warmreach.Warmreach;
import dev.warmreach.domain.Role;
import dev.warmreach.domain.User;
import dev.warmreach.store.jdbc.JdbcStore;
import dev.warmreach.testing.SettableClock;
import dev.warmreach.web.auth.UserAccounts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A real server on 127.0.0.1 with a free port, on a real database, with a settable clock, and a
 * java.net.http client to call it.
 */
public final class ServerFixture implements AutoCloseable {

  public static final String PASSWORD = "correct horse battery staple";
  public static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  public final SettableClock clock = new SettableClock(START);
  public final Warmreach app;
  public final WebServer server;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ServerFixture(Path home, String databaseUrl, UnaryOperator<WebServer.Settings> settings) {
    app = Warmreach.builder().home(home).database(databaseUrl).clock(clock).build();
    server =
        app.webServer(settings.apply(WebServer.Settings.defaults().on("127.0.0.1", 0))).start();
  }

  public static ServerFixture start(Path home) {
    return new ServerFixture(home, null, s -> s);
  }

  public static ServerFixture start(Path home, String databaseUrl) {
    return new ServerFixture(home, databaseUrl, s -> s);
  }

  public static ServerFixture start(Path home, UnaryOperator<WebServer.Settings> settings) {
    return new ServerFixture(home, null, settings);
  }

  public User addUser(String email, Role role) {
    return new UserAccounts(app.users()).add(email, role, PASSWORD);
  }

  /** A signed-in browser: its cookie header value and CSRF token. */
  public record Login(String cookie, String csrf) {
    public String[] headers() {
      return new String[] {"Cookie", cookie, "X-CSRF-Token", csrf};
    }
  }

  public Login login(String email) {
    HttpResponse<String> response =
        post(
            "/login",
            "application/json",
            "{\"email\": \"" + email + "\", \"password\": \"" + PASSWORD + "\"}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
    return new Login(
        setCookie.substring(0, setCookie.indexOf(';')), json(response).get("csrfToken").asText());
  }

  /** A fresh API token of a signed-in user, as a ready Authorization header. */
  public String[] bearer(Login login) {
    HttpResponse<String> created = post("/api/tokens", "application/json", "{}", login.headers());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return new String[] {"Authorization", "Bearer " + json(created).get("token").asText()};
  }

  public HttpResponse<String> get(String path, String... headers) {
    return send("GET", path, null, null, headers);
  }

  public HttpResponse<String> post(
      String path, String contentType, String body, String... headers) {
    return send("POST", path, contentType, body, headers);
  }

  public HttpResponse<String> send(
      String method, String path, String contentType, String body, String... headers) {
    List<String> all = new ArrayList<>(List.of(headers));
    if (contentType != null) {
      all.add("Content-Type");
      all.add(contentType);
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (!all.isEmpty()) {
      request.headers(all.toArray(String[]::new));
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A POST whose body is exactly these bytes (to send what a string cannot hold: bad UTF-8). */
  public HttpResponse<String> postBytes(
      String path, String contentType, byte[] body, String... headers) {
    List<String> all = new ArrayList<>(List.of(headers));
    all.add("Content-Type");
    all.add(contentType);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .headers(all.toArray(String[]::new))
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }

  /** One number from the database, e.g. {@code SELECT count(*) FROM sessions}. */
  public long count(String sql) {
    try (Connection c = ((JdbcStore) app.store()).dataSource().getConnection();
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop();
    app.close();
  }
}
