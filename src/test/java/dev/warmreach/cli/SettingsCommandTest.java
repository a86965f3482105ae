package dev.warmreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code warmreach settings smtp}: what it refuses to keep. */
class SettingsCommandTest {

  @TempDir Path home;

  @Test
  void aLoginWithoutTlsToAnotherMachineIsRefusedAndNothingIsKept() {
    CliRun clear =
        CliRun.run(
            Map.of("SMTP_PASSWORD", "the-real-smtp-password"),
            "--home",
            home.toString(),
            "settings",
            "smtp",
            "--host",
            "smtp.example.com",
            "--port",
            "25",
            "--tls",
            "none",
            "--user",
            "sam@example.com",
            "--password-env",
            "SMTP_PASSWORD",
            "--from",
            "sam@example.com",
            "--unsubscribe-mailto",
            "unsubscribe@example.com");

    assertThat(clear.exitCode).as(clear.toString()).isEqualTo(1);
    assertThat(clear.err)
        .contains("tls none would send the password in clear to smtp.example.com")
        .contains("use starttls or tls");
    assertThat(CliRun.in(home, "settings", "show").out).contains("SMTP:    not set");
  }

  @Test
  void aLoginWithoutTlsToThisMachineIsKept() {
    CliRun local =
        CliRun.run(
            Map.of("SMTP_PASSWORD", "the-real-smtp-password"),
            "--home",
            home.toString(),
            "settings",
            "smtp",
            "--host",
            "localhost",
            "--port",
            "2525",
            "--tls",
            "none",
            "--user",
            "sam@example.com",
            "--password-env",
            "SMTP_PASSWORD",
            "--from",
            "sam@example.com",
            "--unsubscribe-mailto",
            "unsubscribe@example.com");

    assertThat(local.exitCode).as(local.toString()).isZero();
    assertThat(CliRun.in(home, "settings", "show").out).contains("localhost:2525 (none)");
  }
}
