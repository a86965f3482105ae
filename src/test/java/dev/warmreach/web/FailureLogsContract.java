package dev.warmreach.web;

import static dev.warmreach.testing.AProspect.aProspect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.domain.Role;
import dev.warmreach.store.jdbc.JdbcStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the database fails in the middle of a request, the server's log says what failed and where,
 * but holds no secret or personal data: no token hash, no email, no event text. Each backend
 * refuses a write its own way (a trigger on SQLite, a check constraint on PostgreSQL, whose error
 * would otherwise quote the refused row).
 */
public abstract class FailureLogsContract {

  @TempDir Path home;
  protected ServerFixture server;
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private PrintStream stderr;

  protected abstract ServerFixture startServer(Path home);

  /** Makes every insert into {@code table} fail from now on. */
  protected abstract List<String> refuseInserts(String table);

  @BeforeEach
  void start() {
    server = startServer(home);
    stderr = System.err;
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreStandardError() {
    System.setErr(stderr);
  }

  @Test
  void aFailedTokenWriteLogsNoHash() {
    server.addUser("ana.secretary@example.com", Role.ADMIN);
    ServerFixture.Login login = server.login("ana.secretary@example.com");
    sabotage("api_tokens");

    HttpResponse<String> created =
        server.post("/api/tokens", "application/json", "{\"name\": \"ci\"}", login.headers());

    assertThat(created.statusCode()).isEqualTo(500);
    String logged = logged();
    assertThat(logged).contains("POST /api/tokens failed");
    assertThat(logged).doesNotContainPattern("[0-9a-f]{64}").doesNotContain("ana.secretary");
  }

  @Test
  void aFailedEventWriteLogsNoneOfTheEventOrThePerson() {
    server.addUser("ana@example.com", Role.MEMBER);
    ServerFixture.Login login = server.login("ana@example.com");
    server
        .app
        .prospects()
        .saveProspects(
            List.of(
                aProspect()
                    .named("Siobhan", "Kelly")
                    .at("https://www.linkedin.com/in/siobhan-kelly")
                    .withEmail("siobhan.kelly@northwind.example")
                    .build()));
    sabotage("prospect_event");

    HttpResponse<String> posted =
        server.post(
            "/api/events",
            "application/json",
            "{\"kind\": \"signal\", \"profileUrl\": \"linkedin.com/in/siobhan-kelly\","
                + " \"signal\": \"role_change\", \"detail\": \"confidential: joins Kestrel as CRO\","
                + " \"idempotencyKey\": \"signal-private-1\"}",
            login.headers());

    assertThat(posted.statusCode()).isGreaterThanOrEqualTo(500);
    String logged = logged();
    assertThat(logged).contains("POST /api/events failed");
    assertThat(logged)
        .doesNotContain("confidential")
        .doesNotContain("joins Kestrel")
        .doesNotContain("siobhan")
        .doesNotContain("signal-private-1");
  }

  private String logged() {
    System.err.flush();
    return log.toString(StandardCharsets.UTF_8);
  }

  private void sabotage(String table) {
    try (Connection c = ((JdbcStore) server.app.store()).dataSource().getConnection();
        Statement s = c.createStatement()) {
      for (String sql : refuseInserts(table)) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
