package dev.warmreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code warmreach users add|list}; the password comes on standard input, never as an argument. */
class UsersCommandTest {

  @TempDir Path home;
  private final InputStream stdin = System.in;

  @AfterEach
  void restoreStdin() {
    System.setIn(stdin);
  }

  private CliRun withPassword(String password, String... args) {
    System.setIn(new ByteArrayInputStream((password + "\n").getBytes(StandardCharsets.UTF_8)));
    return CliRun.in(home, args);
  }

  @Test
  void addsTheFirstAdminWithThePasswordFromStandardInput() {
    CliRun added =
        withPassword(
            "correct horse battery staple", "users", "add", "Root@Example.com", "--role", "admin");
    CliRun listed = CliRun.in(home, "--json", "users", "list");

    assertThat(added.exitCode).as(added.toString()).isZero();
    assertThat(added.out).contains("Added root@example.com (admin)");
    assertThat(listed.out)
        .contains("\"email\" : \"root@example.com\"")
        .contains("\"role\" : \"admin\"");
  }

  @Test
  void refusesAShortPasswordNamingTheMinimum() {
    CliRun run = withPassword("short", "users", "add", "ana@example.com");

    assertThat(run.exitCode).isEqualTo(1);
    assertThat(run.err).contains("at least 12");
    assertThat(CliRun.in(home, "users", "list").out).contains("No users yet");
  }

  @Test
  void refusesAnUnknownRoleABadEmailAndATakenEmail() {
    assertThat(
            withPassword(
                    "correct horse battery staple",
                    "users",
                    "add",
                    "a@example.com",
                    "--role",
                    "boss")
                .err)
        .contains("--role 'boss' is not a role; use admin or member");
    assertThat(withPassword("correct horse battery staple", "users", "add", "not-an-email").err)
        .contains("is not an email address");
    withPassword("correct horse battery staple", "users", "add", "a@example.com");
    CliRun again = withPassword("correct horse battery staple", "users", "add", "A@example.com");
    assertThat(again.exitCode).isEqualTo(1);
    assertThat(again.err).contains("exists already");
  }

  @Test
  void saysHowToGiveThePasswordWhenStandardInputIsEmpty() {
    System.setIn(new ByteArrayInputStream(new byte[0]));

    CliRun run = CliRun.in(home, "users", "add", "ana@example.com");

    assertThat(run.exitCode).isEqualTo(1);
    assertThat(run.err).contains("no password on standard input");
  }
}
